/** Milestones (节点): title, due date, weight, done date. Edited by the lead unit; they drive progress. */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { loadEditableTask } from './access.js'
import { todayInChina } from './derive.js'
import { getTask } from './read-tasks.js'
import { recomputeProgress } from './recompute.js'
import {
  findMilestone,
  insertMilestones,
  type MilestoneRow,
  nextMilestoneOrder,
  updateMilestoneVersioned,
} from './repository.js'
import type { TaskDetail, UpdateMilestoneInput } from './schema.js'
import { addEvent } from './timeline.js'

export async function addMilestone(
  ctx: Ctx,
  taskId: number,
  input: { title: string; dueOn: string; weight: number },
): Promise<TaskDetail> {
  authorize(ctx.actor, 'task.write')
  await ctx.db.transaction().execute(async (trx) => {
    await loadEditableTask(ctx, trx, taskId)
    const at = nowIso(ctx)
    const [id] = await insertMilestones(trx, [
      {
        task_id: taskId,
        title: input.title,
        due_on: input.dueOn,
        weight: input.weight,
        done_on: null,
        sort_order: await nextMilestoneOrder(trx, taskId),
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      },
    ])
    await addEvent(trx, ctx, taskId, 'milestone_add', { milestoneId: id, title: input.title })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'supervision.milestone.create',
      entity: 'supervision_milestone',
      entityId: id ?? null,
      before: null,
      after: { taskId, ...input },
    })
    await recomputeProgress(trx, taskId)
  })
  return getTask(ctx, taskId)
}

async function loadMilestone(ctx: Ctx, trx: Tx, id: number) {
  const m = await findMilestone(trx, id)
  if (!m || m.voided_at) throw notFound()
  await loadEditableTask(ctx, trx, m.task_id)
  return m
}

export async function updateMilestone(
  ctx: Ctx,
  id: number,
  input: UpdateMilestoneInput,
): Promise<TaskDetail> {
  authorize(ctx.actor, 'task.write')
  const today = todayInChina(ctx.now())
  const taskId = await ctx.db.transaction().execute(async (trx) => {
    const m = await loadMilestone(ctx, trx, id)
    if (m.version !== input.version) throw staleVersion(m.version)
    if (input.doneOn && input.doneOn > today)
      throw badRequest('validation', {}, [{ field: 'doneOn', key: 'supervision_date_future' }])
    const patch: Partial<Omit<MilestoneRow, 'id' | 'version'>> = { updated_at: nowIso(ctx) }
    if (input.title !== undefined) patch.title = input.title
    if (input.dueOn !== undefined) patch.due_on = input.dueOn
    if (input.weight !== undefined) patch.weight = input.weight
    if (input.doneOn !== undefined) patch.done_on = input.doneOn
    if (!(await updateMilestoneVersioned(trx, id, m.version, patch))) throw staleVersion(m.version + 1)
    const before = { title: m.title, dueOn: m.due_on, weight: m.weight, doneOn: m.done_on }
    const after = {
      title: patch.title ?? m.title,
      dueOn: patch.due_on ?? m.due_on,
      weight: patch.weight ?? m.weight,
      doneOn: patch.done_on === undefined ? m.done_on : patch.done_on,
    }
    await addEvent(trx, ctx, m.task_id, 'milestone_update', { milestoneId: id, before, after })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'supervision.milestone.update',
      entity: 'supervision_milestone',
      entityId: id,
      before,
      after,
    })
    await recomputeProgress(trx, m.task_id)
    return m.task_id
  })
  return getTask(ctx, taskId)
}

export async function voidMilestone(
  ctx: Ctx,
  id: number,
  version: number,
  reason: string,
): Promise<TaskDetail> {
  authorize(ctx.actor, 'task.write')
  const taskId = await ctx.db.transaction().execute(async (trx) => {
    const m = await loadMilestone(ctx, trx, id)
    if (m.version !== version) throw staleVersion(m.version)
    const at = nowIso(ctx)
    if (
      !(await updateMilestoneVersioned(trx, id, version, {
        voided_at: at,
        void_reason: reason,
        updated_at: at,
      }))
    )
      throw staleVersion(version + 1)
    await addEvent(trx, ctx, m.task_id, 'milestone_void', { milestoneId: id, title: m.title, reason })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'supervision.milestone.void',
      entity: 'supervision_milestone',
      entityId: id,
      before: { title: m.title },
      after: { reason },
    })
    await recomputeProgress(trx, m.task_id)
    return m.task_id
  })
  return getTask(ctx, taskId)
}
