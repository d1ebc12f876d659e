/**
 * The submission a row belongs to: one per ledger, unit and period, created with the first row.
 * Rows of a submitted or approved submission are locked for the unit (an approver may still
 * correct them); a returned one is open again. The owning department's own entries are approved
 * at once: there is nobody above it in the ledger to approve them.
 */
import { dueDateOf, type Period } from '../../../domain/statistics/periods.js'
import { type Ctx, nowIso, type Tx, todayInChina } from '../../context.js'
import { conflict } from '../../http/errors.js'
import { canApprove, type UnitRef } from './access.js'
import type { Ledger } from './definition.js'
import { findSubmission, insertSubmission, type SubmissionRecord, submissionById } from './repository.js'

export async function submissionFor(
  trx: Tx,
  ctx: Ctx,
  ledger: Ledger,
  unit: UnitRef,
  period: Period,
): Promise<SubmissionRecord> {
  const found = await findSubmission(trx, ledger.id, unit.id, period.label)
  const approver = await canApprove(trx, ctx.actor, ledger, unit.path)
  if (found) {
    if ((found.status === 'submitted' || found.status === 'approved') && !approver)
      throw conflict('stats_submission_locked', { period: period.label, status: found.status })
    return found
  }
  const at = nowIso(ctx)
  const today = todayInChina(ctx.now())
  const id = await insertSubmission(trx, {
    ledger_id: ledger.id,
    org_unit_id: unit.id,
    scope_path: unit.path,
    period_label: period.label,
    period_start: period.start,
    period_end: period.end,
    due_on: dueDateOf(period, ledger.dueDays),
    status: approver ? 'approved' : 'draft',
    first_submitted_on: approver ? today : null,
    submitted_at: approver ? at : null,
    submitted_by: approver ? ctx.actor.displayName : null,
    decided_at: approver ? at : null,
    decided_by: approver ? ctx.actor.displayName : null,
    return_reason: null,
    version: 1,
    created_at: at,
    updated_at: at,
  })
  const s = await submissionById(trx, id)
  if (!s) throw new Error('submission vanished')
  return s
}
