/**
 * A dated progress note (进展情况) by one of the task's units: the lead or a co-unit, in the
 * actor's scope. The first note of a task not started yet starts it (the timeline says so).
 */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, conflict, forbidden, staleVersion } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { loadVisibleTask, taskUnits } from './access.js'
import { todayInChina } from './derive.js'
import { STATUS_ZH } from './labels.js'
import { getTask } from './read-tasks.js'
import { recomputeProgress } from './recompute.js'
import { insertNote, updateTaskVersioned } from './repository.js'
import type { ProgressInput, TaskDetail } from './schema.js'
import { addEvent } from './timeline.js'

export async function addProgress(ctx: Ctx, taskId: number, input: ProgressInput): Promise<TaskDetail> {
  authorize(ctx.actor, 'task.write')
  const today = todayInChina(ctx.now())
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadVisibleTask(trx, ctx.actor, taskId)
    if (row.status === 'cancelled')
      throw conflict('supervision_task_closed', { status: row.status, statusZh: STATUS_ZH[row.status] })
    if (input.on > today)
      throw badRequest('validation', {}, [{ field: 'on', key: 'supervision_date_future' }])
    const units = await taskUnits(trx, taskId)
    const mine = units.filter((u) => inScope(ctx.actor, u.path))
    if (mine.length === 0) throw forbidden()
    const unit = input.unitId === undefined ? mine[0] : mine.find((u) => u.org_unit_id === input.unitId)
    if (!unit) throw badRequest('validation', {}, [{ field: 'unitId', key: 'supervision_unit_not_on_task' }])
    const at = nowIso(ctx)
    const noteId = await insertNote(trx, {
      task_id: taskId,
      org_unit_id: unit.org_unit_id,
      on_date: input.on,
      text: input.text,
      percent: input.percent ?? null,
      created_by: ctx.actor.id || null,
      author_name: ctx.actor.displayName,
      created_at: at,
      voided_at: null,
      void_reason: null,
    })
    if (row.status === 'not_started') {
      if (!(await updateTaskVersioned(trx, taskId, row.version, { status: 'in_progress', updated_at: at })))
        throw staleVersion(row.version + 1)
      await addEvent(
        trx,
        ctx,
        taskId,
        'start',
        { from: 'not_started', to: 'in_progress', auto: true },
        input.on,
      )
    }
    await addEvent(
      trx,
      ctx,
      taskId,
      'progress',
      { noteId, unitId: unit.org_unit_id, unit: unit.name, percent: input.percent ?? null },
      input.on,
    )
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'supervision.task.progress',
      entity: 'supervision_task',
      entityId: taskId,
      before: null,
      after: { noteId, unitId: unit.org_unit_id, on: input.on, percent: input.percent ?? null },
    })
    await recomputeProgress(trx, taskId)
  })
  return getTask(ctx, taskId)
}
