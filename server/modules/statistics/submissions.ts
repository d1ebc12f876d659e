/**
 * Submissions: a unit's rows of one ledger and period go to the owning department together.
 * draft/returned → submitted (the unit, stats.write) → approved, or returned with a reason
 * (stats.approve over the unit and the owning department). Only approved rows count in figures;
 * every change of status rewrites the rows' copy of it and moves the ledger's changed-at.
 */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, todayInChina } from '../../context.js'
import { conflict, forbidden, notFound, staleVersion } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { canApprove, loadLedger } from './access.js'
import type { Ledger } from './definition.js'
import { presentSubmission } from './present.js'
import {
  listSubmissionPage,
  type SubmissionRecord,
  setRowsStatus,
  submissionById,
  submissionWithCount,
  touchLedger,
  unitsByIds,
  updateSubmissionVersioned,
} from './repository.js'
import type { ListSubmissionsQuery, SubmissionView } from './schema.js'

export async function listSubmissions(
  ctx: Ctx,
  key: string,
  q: ListSubmissionsQuery,
): Promise<{ items: SubmissionView[]; total: number }> {
  authorize(ctx.actor, 'stats.read')
  const ledger = await loadLedger(ctx.db, key, { allowVoided: true })
  let underPath: string | undefined
  if (q.orgUnitId !== undefined) {
    const u = (await unitsByIds(ctx.db, [q.orgUnitId])).get(q.orgUnitId)
    if (!u || !inScope(ctx.actor, u.path)) throw notFound()
    underPath = u.path
  }
  const page = await listSubmissionPage(
    ctx.db,
    { ledgerId: ledger.id, scopePath: ctx.actor.scopePath, status: q.status, period: q.period, underPath },
    q.page,
    q.pageSize,
  )
  return {
    total: page.total,
    items: page.items.map((s) => presentSubmission(ledger, s, s.unit_name, Number(s.row_count ?? 0))),
  }
}

async function view(ctx: Ctx, ledger: Ledger, id: number): Promise<SubmissionView> {
  const s = await submissionWithCount(ctx.db, id)
  if (!s) throw notFound()
  return presentSubmission(ledger, s, s.unit_name, Number(s.row_count ?? 0))
}

type Action = 'submit' | 'approve' | 'return'
const FROM: Record<Action, string[]> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted', 'approved'],
}
const TO: Record<Action, string> = { submit: 'submitted', approve: 'approved', return: 'returned' }

export async function actOnSubmission(
  ctx: Ctx,
  key: string,
  id: number,
  action: Action,
  version: number,
  reason?: string,
): Promise<SubmissionView> {
  authorize(ctx.actor, action === 'submit' ? 'stats.write' : 'stats.approve')
  const ledger = await loadLedger(ctx.db, key)
  await ctx.db.transaction().execute(async (trx) => {
    const s: SubmissionRecord | undefined = await submissionById(trx, id)
    if (!s || s.ledger_id !== ledger.id || !inScope(ctx.actor, s.scope_path)) throw notFound()
    if (s.version !== version) throw staleVersion(s.version)
    const approver = await canApprove(trx, ctx.actor, ledger, s.scope_path)
    if (action !== 'submit' && !approver) throw forbidden('stats_not_approver')
    if (!FROM[action].includes(s.status))
      throw conflict('stats_illegal_transition', { from: s.status, action })
    const at = nowIso(ctx)
    // The owning department's own submissions need nobody else's approval.
    const to = action === 'submit' && approver ? 'approved' : TO[action]
    const patch: Partial<SubmissionRecord> = { status: to, updated_at: at }
    if (action === 'submit') {
      patch.submitted_at = at
      patch.submitted_by = ctx.actor.displayName
      patch.first_submitted_on = s.first_submitted_on ?? todayInChina(ctx.now())
      patch.return_reason = null
    }
    if (to === 'approved' || to === 'returned') {
      patch.decided_at = at
      patch.decided_by = ctx.actor.displayName
    }
    if (action === 'return') patch.return_reason = reason ?? ''
    if (!(await updateSubmissionVersioned(trx, id, version, patch))) throw staleVersion(version + 1)
    await setRowsStatus(trx, id, to)
    await touchLedger(trx, ledger.id, at)
    await recordAudit(trx, ctx, ctx.actor, {
      action: `stats.submission.${action}`,
      entity: 'stats_submission',
      entityId: id,
      before: { status: s.status },
      after: { status: to, ...(reason ? { reason } : {}) },
    })
  })
  return view(ctx, ledger, id)
}
