/** A case recorded in error is voided with a reason, never deleted. */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { getEthicsCase, loadVisibleEthicsCase } from './read-ethics-cases.js'
import { updateEthicsVersioned } from './repository.js'

export async function voidEthicsCase(ctx: Ctx, id: number, version: number, reason: string) {
  authorize(ctx.actor, 'ethics.write')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadVisibleEthicsCase({ ...ctx, db: trx }, id)
    if (row.voided_at) throw notFound()
    if (row.version !== version) throw staleVersion(row.version)
    const at = nowIso(ctx)
    if (
      !(await updateEthicsVersioned(trx, id, version, { voided_at: at, void_reason: reason, updated_at: at }))
    )
      throw staleVersion(version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'ethics.void',
      entity: 'ethics_case',
      entityId: id,
      before: { caseNo: row.case_no, published: row.published === 1 },
      after: { reason },
    })
  })
  return getEthicsCase(ctx, id)
}
