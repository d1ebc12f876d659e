/** 录入问题: a problem found, with its first measures, in the actor's subtree. */
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, type FieldError } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { problemFields, recordProblemChange } from './history.js'
import { CATEGORIES, liveItem } from './lists.js'
import { getProblem } from './read-problems.js'
import { findProblemByCode, insertMeasures, insertProblem, nextProblemCode } from './repository.js'
import type { CreateProblemInput, MeasureInput } from './schema.js'
import { liveUser, todayInChina, unitInScope } from './units.js'

/** The measure rows of a new problem (or of one added later), numbered from `firstSeq`. */
export async function measureRows(
  trx: Tx,
  ctx: Ctx,
  problemId: number,
  measures: readonly MeasureInput[],
  firstSeq: number,
  field = 'measures',
) {
  const at = nowIso(ctx)
  const rows = []
  for (const [i, m] of measures.entries()) {
    if (m.ownerUnitId !== undefined)
      await unitInScope(trx, ctx.actor, m.ownerUnitId, `${field}.${i}.ownerUnitId`)
    rows.push({
      problem_id: problemId,
      seq: firstSeq + i,
      content: m.content,
      owner: m.owner,
      owner_unit_id: m.ownerUnitId ?? null,
      deadline: m.deadline,
      status: 'todo',
      done_on: null,
      version: 1,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    })
  }
  return rows
}

/**
 * Records a problem inside the caller's transaction (another module's use case may make one as part
 * of its own change: a research finding becomes a problem). Checks permission and input first.
 */
export async function writeProblem(trx: Tx, ctx: Ctx, input: CreateProblemInput) {
  authorize(ctx.actor, 'problem.write')
  const today = todayInChina(ctx.now())
  const problems: FieldError[] = []
  if (input.foundOn > today) problems.push({ field: 'foundOn', key: 'rectification_date_future' })
  if (problems.length > 0) throw badRequest('validation', {}, problems)
  await liveItem(trx, CATEGORIES, input.categoryId, 'categoryId')
  const unit = await unitInScope(trx, ctx.actor, input.responsibleUnitId, 'responsibleUnitId')
  if (input.responsibleUserId !== undefined) await liveUser(trx, input.responsibleUserId, 'responsibleUserId')
  const code = input.code ?? (await nextProblemCode(trx, input.foundOn.slice(0, 4)))
  if (await findProblemByCode(trx, code)) throw conflict('problem_code_taken', { code })
  const at = nowIso(ctx)
  const problemId = await insertProblem(trx, {
    code,
    description: input.description,
    source: input.source,
    category_id: input.categoryId,
    campaign: input.campaign,
    campaign_id: input.campaignId ?? null,
    responsible_unit_id: unit.id,
    scope_path: unit.path,
    responsible_leader: input.responsibleLeader || null,
    responsible_user_id: input.responsibleUserId ?? null,
    found_on: input.foundOn,
    fix_at_once: input.fixAtOnce ? 1 : 0,
    status: 'open',
    rectified_on: null,
    signed_off_at: null,
    signed_off_by: null,
    signed_off_by_name: null,
    signoff_comment: null,
    reopen_count: 0,
    origin: 'manual',
    version: 1,
    created_by: ctx.actor.id || null,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
  })
  await insertMeasures(trx, await measureRows(trx, ctx, problemId, input.measures, 1))
  await recordProblemChange(
    trx,
    ctx,
    problemId,
    'create',
    { measures: input.measures.length },
    { before: null, after: problemFields({ ...input, code }) },
  )
  return { id: problemId, code }
}

export async function createProblem(ctx: Ctx, input: CreateProblemInput) {
  const { id } = await ctx.db.transaction().execute((trx) => writeProblem(trx, ctx, input))
  return getProblem(ctx, id)
}
