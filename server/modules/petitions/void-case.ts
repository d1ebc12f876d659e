/** A case registered in error is voided with a reason, never deleted. */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { getPetitionCase, loadVisibleCase } from './read-cases.js'
import { insertEvent, updateCaseVersioned } from './repository.js'
import type { CaseDetail } from './schema.js'

export async function voidCase(ctx: Ctx, id: number, version: number, reason: string): Promise<CaseDetail> {
  authorize(ctx.actor, 'petition.write')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadVisibleCase({ ...ctx, db: trx }, id)
    if (row.voided_at) throw notFound()
    if (row.version !== version) throw staleVersion(row.version)
    const at = nowIso(ctx)
    // A voided case leaves the overdue lists too.
    if (
      !(await updateCaseVersioned(trx, id, version, {
        voided_at: at,
        void_reason: reason,
        current_due: null,
        updated_at: at,
      }))
    )
      throw staleVersion(version + 1)
    await insertEvent(trx, {
      case_id: id,
      at,
      on_date: at.slice(0, 10),
      action: 'void',
      actor_id: ctx.actor.id || null,
      actor_name: ctx.actor.displayName,
      detail_json: JSON.stringify({ note: reason }),
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'petition.void',
      entity: 'petition_case',
      entityId: id,
      before: { caseNo: row.case_no, status: row.status },
      after: { reason },
    })
  })
  return getPetitionCase(ctx, id)
}
