/**
 * Moves a problem through its rectification: start, complete (every live measure done), reopen
 * (with a reason), or void (entered in error, with a reason). The domain decides what is legal
 * (domain/rectification/lifecycle.ts); this use case checks permission, scope and version, stores
 * the new status and writes the history and the audit.
 */
import {
  checkProblemAction,
  type MeasureStatus,
  nextProblemStatus,
  type ProblemStatus,
  type Refusal,
  STATUS_LABELS,
} from '../../../domain/rectification/lifecycle.js'
import { type Ctx, nowIso } from '../../context.js'
import { AppError, badRequest, forbidden, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { recordProblemChange } from './history.js'
import { getProblem, loadLiveProblem } from './read-problems.js'
import { listMeasures, type ProblemRow, updateProblemVersioned } from './repository.js'
import type { ProblemActionInput } from './schema.js'
import { todayInChina } from './units.js'

const ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  start: { zh: '开始整改', en: 'start' },
  complete: { zh: '标记已整改', en: 'mark rectified' },
  reopen: { zh: '退回整改', en: 'reopen' },
  signoff: { zh: '销号', en: 'sign off' },
}

/** A domain refusal as the API error: the status it names, the code, the field, readable labels. */
export function refusalError(r: Refusal): AppError {
  const params: Record<string, unknown> = { ...(r.params ?? {}) }
  if (r.code === 'problem_illegal_transition') {
    const from = STATUS_LABELS[String(r.params?.from) as ProblemStatus]
    const action = ACTION_LABELS[String(r.params?.action)]
    Object.assign(params, {
      fromZh: from?.zh ?? r.params?.from,
      fromEn: from?.en ?? r.params?.from,
      actionZh: action?.zh ?? r.params?.action,
      actionEn: action?.en ?? r.params?.action,
    })
  }
  const fields = r.field ? [{ field: r.field, key: r.code, params }] : []
  // Input to fix is a validation error like any other, naming its field; the rest keep their own code.
  if (r.status === 400 && fields.length) return new AppError(400, 'validation', {}, fields)
  return new AppError(r.status, r.code, params, fields)
}

export async function actOnProblem(ctx: Ctx, id: number, input: ProblemActionInput) {
  // A reviewer who will not sign a problem off sends it back: reopening is his as well.
  if (input.action === 'reopen') {
    if (!hasPermission(ctx.actor.role, 'problem.write') && !hasPermission(ctx.actor.role, 'problem.signoff'))
      throw forbidden()
  } else authorize(ctx.actor, 'problem.write')
  const today = todayInChina(ctx.now())
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadLiveProblem({ ...ctx, db: trx }, id)
    if (row.version !== input.version) throw staleVersion(row.version)
    const status = row.status as ProblemStatus
    const at = nowIso(ctx)
    if (input.action === 'void') {
      if (!input.reason)
        throw badRequest('validation', {}, [{ field: 'reason', key: 'problem_reason_required' }])
      if (
        !(await updateProblemVersioned(trx, id, row.version, {
          voided_at: at,
          void_reason: input.reason,
          updated_at: at,
        }))
      )
        throw staleVersion(row.version + 1)
      await recordProblemChange(
        trx,
        ctx,
        id,
        'void',
        { reason: input.reason },
        {
          before: { code: row.code, status },
          after: { reason: input.reason },
        },
      )
      return
    }
    const measures = await listMeasures(trx, id)
    const refusal = checkProblemAction(status, input.action, {
      measures: measures.map((m) => ({ status: m.status as MeasureStatus, voided: m.voided_at !== null })),
      reason: input.reason,
    })
    if (refusal) throw refusalError(refusal)
    const next = nextProblemStatus(status, input.action) as ProblemStatus
    const patch: Partial<Omit<ProblemRow, 'id' | 'version'>> = { status: next, updated_at: at }
    if (input.action === 'complete') patch.rectified_on = today
    if (input.action === 'reopen')
      Object.assign(patch, {
        rectified_on: null,
        signed_off_at: null,
        signed_off_by: null,
        signed_off_by_name: null,
        signoff_comment: null,
        reopen_count: row.reopen_count + 1,
      })
    if (!(await updateProblemVersioned(trx, id, row.version, patch))) throw staleVersion(row.version + 1)
    const detail: Record<string, unknown> = { from: status, to: next }
    if (input.reason) detail.reason = input.reason
    if (input.action === 'reopen' && status === 'signed_off')
      Object.assign(detail, { signedOffAt: row.signed_off_at, signedOffBy: row.signed_off_by_name })
    await recordProblemChange(trx, ctx, id, input.action, detail, {
      before: { status, version: row.version },
      after: detail,
    })
  })
  return getProblem(ctx, id)
}
