/**
 * Moves a task through its workflow (start, complete, reopen, cancel). The domain's table decides
 * what is legal: anything else is 409 `supervision_illegal_transition`, naming the action and the
 * status. A completion records its done date (today by default, never in the future): done after
 * the deadline counts as done late.
 */

import type { TaskAction, TaskStatus } from '../../../domain/supervision/workflow.js'
import { NEEDS_REASON, nextTaskStatus } from '../../../domain/supervision/workflow.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { AppError, badRequest, staleVersion } from '../../http/errors.js'
import { loadEditableTask } from './access.js'
import { todayInChina } from './derive.js'
import { STATUS_ZH } from './labels.js'
import { getTask } from './read-tasks.js'
import { recomputeProgress } from './recompute.js'
import { closePendingExtensions, type TaskRow, updateTaskVersioned } from './repository.js'
import type { ActionInput, TaskDetail } from './schema.js'
import { addEvent } from './timeline.js'

const ACTION_ZH: Record<TaskAction, string> = {
  start: '启动',
  complete: '办结',
  reopen: '重新办理',
  cancel: '取消',
}

export async function actOnTask(ctx: Ctx, id: number, input: ActionInput): Promise<TaskDetail> {
  const today = todayInChina(ctx.now())
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadEditableTask(ctx, trx, id)
    if (row.version !== input.version) throw staleVersion(row.version)
    const status = row.status as TaskStatus
    const next = nextTaskStatus(status, input.action)
    if (!next) {
      const params = {
        action: input.action,
        status,
        actionZh: ACTION_ZH[input.action],
        statusZh: STATUS_ZH[status],
      }
      throw new AppError(409, 'supervision_illegal_transition', params, [
        { field: 'action', key: 'supervision_illegal_transition', params },
      ])
    }
    if (NEEDS_REASON.has(input.action) && !input.reason)
      throw badRequest('validation', {}, [{ field: 'reason', key: 'supervision_reason_required' }])
    const on = input.on ?? today
    if (on > today) throw badRequest('validation', {}, [{ field: 'on', key: 'supervision_date_future' }])
    const at = nowIso(ctx)
    const patch: Partial<Omit<TaskRow, 'id' | 'version'>> = { status: next, updated_at: at }
    const detail: Record<string, unknown> = { from: status, to: next }
    if (input.reason) detail.reason = input.reason
    if (input.action === 'complete') {
      patch.done_on = on
      detail.late = on > row.deadline
    }
    if (input.action === 'reopen') patch.done_on = null
    if (!(await updateTaskVersioned(trx, id, row.version, patch))) throw staleVersion(row.version + 1)
    if (next === 'done' || next === 'cancelled')
      await closePendingExtensions(
        trx,
        id,
        at,
        next === 'done' ? '任务已完成，申请自动关闭' : '任务已取消，申请自动关闭',
      )
    await addEvent(trx, ctx, id, input.action, detail, on)
    await recordAudit(trx, ctx, ctx.actor, {
      action: `supervision.task.${input.action}`,
      entity: 'supervision_task',
      entityId: id,
      before: { status, doneOn: row.done_on, version: row.version },
      after: { status: next, on, ...detail },
    })
    await recomputeProgress(trx, id)
  })
  return getTask(ctx, id)
}
