/** Correcting a problem's own fields (not its status): until it is signed off. */
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, conflict, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { problemFields, recordProblemChange } from './history.js'
import { CATEGORIES, liveItem } from './lists.js'
import { getProblem, loadLiveProblem } from './read-problems.js'
import { type ProblemRow, updateProblemVersioned } from './repository.js'
import type { UpdateProblemInput } from './schema.js'
import { liveUser, todayInChina, unitInScope } from './units.js'

export async function updateProblem(ctx: Ctx, id: number, input: UpdateProblemInput) {
  authorize(ctx.actor, 'problem.write')
  const today = todayInChina(ctx.now())
  if (input.foundOn !== undefined && input.foundOn > today)
    throw badRequest('validation', {}, [{ field: 'foundOn', key: 'rectification_date_future' }])
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadLiveProblem({ ...ctx, db: trx }, id)
    if (row.version !== input.version) throw staleVersion(row.version)
    if (row.status === 'signed_off') throw conflict('problem_locked')
    const patch: Partial<Omit<ProblemRow, 'id' | 'version'>> = {}
    if (input.categoryId !== undefined && input.categoryId !== row.category_id) {
      await liveItem(trx, CATEGORIES, input.categoryId, 'categoryId')
      patch.category_id = input.categoryId
    }
    if (input.responsibleUnitId !== undefined && input.responsibleUnitId !== row.responsible_unit_id) {
      const unit = await unitInScope(trx, ctx.actor, input.responsibleUnitId, 'responsibleUnitId')
      Object.assign(patch, { responsible_unit_id: unit.id, scope_path: unit.path })
    }
    if (input.responsibleUserId != null && input.responsibleUserId !== row.responsible_user_id)
      await liveUser(trx, input.responsibleUserId, 'responsibleUserId')
    if (input.responsibleUserId !== undefined) patch.responsible_user_id = input.responsibleUserId
    if (input.description !== undefined) patch.description = input.description
    if (input.source !== undefined) patch.source = input.source
    if (input.campaign !== undefined) patch.campaign = input.campaign
    if (input.campaignId !== undefined) patch.campaign_id = input.campaignId
    if (input.responsibleLeader !== undefined) patch.responsible_leader = input.responsibleLeader || null
    if (input.foundOn !== undefined) patch.found_on = input.foundOn
    if (input.fixAtOnce !== undefined) patch.fix_at_once = input.fixAtOnce ? 1 : 0
    if (!(await updateProblemVersioned(trx, id, row.version, { ...patch, updated_at: nowIso(ctx) })))
      throw staleVersion(row.version + 1)
    const { version: _v, ...changes } = input
    await recordProblemChange(
      trx,
      ctx,
      id,
      'update',
      { fields: Object.keys(changes) },
      {
        before: problemFields({
          description: row.description,
          source: row.source,
          categoryId: row.category_id,
          campaign: row.campaign,
          campaignId: row.campaign_id,
          responsibleUnitId: row.responsible_unit_id,
          responsibleLeader: row.responsible_leader,
          responsibleUserId: row.responsible_user_id,
          foundOn: row.found_on,
          fixAtOnce: row.fix_at_once === 1,
        }),
        after: problemFields(changes),
      },
    )
  })
  return getProblem(ctx, id)
}
