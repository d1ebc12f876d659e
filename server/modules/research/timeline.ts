/** The topic timeline (research_topic_events): every change, for the detail view. */
import type { Ctx, Tx } from '../../context.js'
import { nowIso, todayInChina } from '../../context.js'
import { insertEvents } from './repository.js'

export type TopicEventAction =
  | 'create'
  | 'update'
  | 'start'
  | 'report'
  | 'conclude'
  | 'reopen'
  | 'void'
  | 'visit_add'
  | 'visit_void'
  | 'finding_add'
  | 'finding_update'
  | 'finding_void'
  | 'finding_to_problem'
  | 'attachment_add'
  | 'attachment_void'
  | 'import'

/** Appends one event; `on` is the business date (a visit's date, a report's date), default today. */
export function addEvent(
  trx: Tx,
  ctx: Pick<Ctx, 'actor' | 'now'>,
  topicId: number,
  action: TopicEventAction,
  detail: Record<string, unknown> = {},
  on?: string,
) {
  return insertEvents(trx, [
    {
      topic_id: topicId,
      at: nowIso(ctx),
      on_date: on ?? todayInChina(ctx.now()),
      action,
      actor_id: ctx.actor.id || null,
      actor_name: ctx.actor.displayName,
      detail_json: JSON.stringify(detail),
    },
  ])
}
