/** The task timeline (supervision_task_events): every change, for the detail view and "changes since". */
import type { Ctx, Tx } from '../../context.js'
import { nowIso } from '../../context.js'
import { todayInChina } from './derive.js'
import { insertEvents } from './repository.js'

export type TaskEventAction =
  | 'create'
  | 'update'
  | 'start'
  | 'complete'
  | 'reopen'
  | 'cancel'
  | 'void'
  | 'progress'
  | 'deadline'
  | 'milestone_add'
  | 'milestone_update'
  | 'milestone_void'
  | 'extension_request'
  | 'extension_approve'
  | 'extension_refuse'
  | 'notice'
  | 'attachment_add'
  | 'attachment_void'

/** Appends one event; `on` is the business date (a note's date, the done date), default today. */
export function addEvent(
  trx: Tx,
  ctx: Pick<Ctx, 'actor' | 'now'>,
  taskId: number,
  action: TaskEventAction,
  detail: Record<string, unknown> = {},
  on?: string,
) {
  return insertEvents(trx, [
    {
      task_id: taskId,
      at: nowIso(ctx),
      on_date: on ?? todayInChina(ctx.now()),
      action,
      actor_id: ctx.actor.id || null,
      actor_name: ctx.actor.displayName,
      detail_json: JSON.stringify(detail),
    },
  ])
}
