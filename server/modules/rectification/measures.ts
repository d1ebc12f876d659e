/**
 * 整改措施: added, updated (status todo → doing → done, with the day it was done) and voided while
 * the problem is being rectified. Once it is declared rectified its measures are what was reviewed:
 * changing them needs the problem reopened first.
 */
import { isProblemLocked, type ProblemStatus } from '../../../domain/rectification/lifecycle.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { measureRows } from './create-problem.js'
import { recordProblemChange } from './history.js'
import { getProblem, loadLiveProblem } from './read-problems.js'
import {
  insertMeasures,
  listMeasures,
  type MeasureRow,
  nextMeasureSeq,
  type ProblemRow,
  touchProblem,
  updateMeasureVersioned,
} from './repository.js'
import type { MeasureInput, UpdateMeasureInput } from './schema.js'
import { todayInChina, unitInScope } from './units.js'

/**
 * A change to a measure is a change to its problem: its version moves (and its row is locked), and
 * the change is refused once the problem, as it is now, is declared rectified.
 */
async function lockForChange(trx: Tx, ctx: Ctx, problemId: number): Promise<ProblemRow> {
  const row = await touchProblem(trx, problemId, nowIso(ctx))
  if (!row || row.voided_at) throw notFound()
  if (isProblemLocked(row.status as ProblemStatus)) throw conflict('problem_locked')
  return row
}

export async function addMeasure(ctx: Ctx, problemId: number, input: MeasureInput) {
  authorize(ctx.actor, 'problem.write')
  await ctx.db.transaction().execute(async (trx) => {
    await loadLiveProblem({ ...ctx, db: trx }, problemId)
    await lockForChange(trx, ctx, problemId)
    const seq = await nextMeasureSeq(trx, problemId)
    await insertMeasures(trx, await measureRows(trx, ctx, problemId, [input], seq, 'measure'))
    await recordProblemChange(
      trx,
      ctx,
      problemId,
      'measure_add',
      { seq, deadline: input.deadline },
      {
        before: null,
        after: { seq, content: input.content, owner: input.owner, deadline: input.deadline },
      },
    )
  })
  return getProblem(ctx, problemId)
}

async function loadMeasure(ctx: Ctx, trx: Tx, problemId: number, measureId: number) {
  await loadLiveProblem({ ...ctx, db: trx }, problemId)
  const row = await lockForChange(trx, ctx, problemId)
  const measure = (await listMeasures(trx, problemId)).find((m) => m.id === measureId)
  if (!measure || measure.voided_at) throw notFound()
  return { row, measure }
}

export async function updateMeasure(
  ctx: Ctx,
  problemId: number,
  measureId: number,
  input: UpdateMeasureInput,
) {
  authorize(ctx.actor, 'problem.write')
  const today = todayInChina(ctx.now())
  if (input.doneOn !== undefined && input.doneOn > today)
    throw badRequest('validation', {}, [{ field: 'doneOn', key: 'rectification_date_future' }])
  await ctx.db.transaction().execute(async (trx) => {
    const { measure } = await loadMeasure(ctx, trx, problemId, measureId)
    if (measure.version !== input.version) throw staleVersion(measure.version)
    const patch: Partial<Omit<MeasureRow, 'id' | 'version' | 'problem_id'>> = { updated_at: nowIso(ctx) }
    if (input.content !== undefined) patch.content = input.content
    if (input.owner !== undefined) patch.owner = input.owner
    if (input.ownerUnitId != null) await unitInScope(trx, ctx.actor, input.ownerUnitId, 'ownerUnitId')
    if (input.ownerUnitId !== undefined) patch.owner_unit_id = input.ownerUnitId
    if (input.deadline !== undefined) patch.deadline = input.deadline
    if (input.status !== undefined) {
      patch.status = input.status
      patch.done_on = input.status === 'done' ? (input.doneOn ?? measure.done_on ?? today) : null
    } else if (input.doneOn !== undefined && measure.status === 'done') patch.done_on = input.doneOn
    if (!(await updateMeasureVersioned(trx, measureId, measure.version, patch)))
      throw staleVersion(measure.version + 1)
    const { version: _v, ...changes } = input
    await recordProblemChange(
      trx,
      ctx,
      problemId,
      'measure_update',
      { seq: measure.seq, ...(input.status ? { status: input.status } : {}), fields: Object.keys(changes) },
      {
        before: {
          seq: measure.seq,
          status: measure.status,
          deadline: measure.deadline,
          content: measure.content,
        },
        after: changes,
      },
    )
  })
  return getProblem(ctx, problemId)
}

export async function voidMeasure(
  ctx: Ctx,
  problemId: number,
  measureId: number,
  version: number,
  reason: string,
) {
  authorize(ctx.actor, 'problem.write')
  await ctx.db.transaction().execute(async (trx) => {
    const { measure } = await loadMeasure(ctx, trx, problemId, measureId)
    if (measure.version !== version) throw staleVersion(measure.version)
    const at = nowIso(ctx)
    if (
      !(await updateMeasureVersioned(trx, measureId, version, {
        voided_at: at,
        void_reason: reason,
        updated_at: at,
      }))
    )
      throw staleVersion(version + 1)
    await recordProblemChange(
      trx,
      ctx,
      problemId,
      'measure_void',
      { seq: measure.seq, reason },
      {
        before: { seq: measure.seq, status: measure.status, content: measure.content },
        after: { reason },
      },
    )
  })
  return getProblem(ctx, problemId)
}
