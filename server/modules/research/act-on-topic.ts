/**
 * Moves a topic through its life (start, report, conclude, reopen). The domain's table decides
 * what is legal: anything else is 409 `research_illegal_transition`, naming the status and the
 * action in the user's language. A report carries its summary and needs a field visit first; a
 * report sent back needs the reason. The day of the step defaults to today, never in the future.
 */
import {
  nextTopicStatus,
  TOPIC_ACTION_LABELS,
  TOPIC_NEEDS_REASON,
  TOPIC_STATUS_LABELS,
  type TopicStatus,
} from '../../../domain/research/lifecycle.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, todayInChina } from '../../context.js'
import { AppError, badRequest, conflict, type FieldError, staleVersion } from '../../http/errors.js'
import { loadEditableTopic } from './access.js'
import { getTopic } from './read-topics.js'
import { liveVisitCount, type TopicRow, updateTopicVersioned } from './repository.js'
import type { TopicActionInput, TopicDetail } from './schema.js'
import { addEvent } from './timeline.js'

export async function actOnTopic(ctx: Ctx, id: number, input: TopicActionInput): Promise<TopicDetail> {
  const today = todayInChina(ctx.now())
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableTopic(ctx, trx, id)
    if (row.version !== input.version) throw staleVersion(row.version)
    const status = row.status as TopicStatus
    const next = nextTopicStatus(status, input.action)
    if (!next) {
      const params = {
        fromZh: TOPIC_STATUS_LABELS[status].zh,
        fromEn: TOPIC_STATUS_LABELS[status].en,
        actionZh: TOPIC_ACTION_LABELS[input.action].zh,
        actionEn: TOPIC_ACTION_LABELS[input.action].en,
      }
      throw new AppError(409, 'research_illegal_transition', params, [
        { field: 'action', key: 'research_illegal_transition', params },
      ])
    }
    const problems: FieldError[] = []
    if (TOPIC_NEEDS_REASON.has(input.action) && !input.reason)
      problems.push({ field: 'reason', key: 'research_reason_required' })
    if (input.action === 'report' && !input.summary)
      problems.push({ field: 'summary', key: 'research_summary_required' })
    const on = input.on ?? today
    if (on > today) problems.push({ field: 'on', key: 'research_date_future' })
    if (problems.length) throw badRequest('validation', {}, problems)
    if (input.action === 'report' && (await liveVisitCount(trx, id)) === 0)
      throw conflict('research_report_needs_visit')

    const patch: Partial<Omit<TopicRow, 'id' | 'version'>> = { status: next, updated_at: nowIso(ctx) }
    if (input.action === 'report') Object.assign(patch, { report_summary: input.summary, reported_on: on })
    if (input.action === 'conclude') patch.concluded_on = on
    if (input.action === 'reopen') patch.reported_on = null
    if (!(await updateTopicVersioned(trx, id, row.version, patch))) throw staleVersion(row.version + 1)
    const detail: Record<string, unknown> = { from: status, to: next }
    if (input.reason) detail.reason = input.reason
    await addEvent(trx, ctx, id, input.action, detail, on)
    await recordAudit(trx, ctx, ctx.actor, {
      action: `research.topic.${input.action}`,
      entity: 'research_topic',
      entityId: id,
      before: { status, version: row.version },
      after: { status: next, on, ...(input.summary ? { summary: input.summary } : {}), ...detail },
    })
  })
  return getTopic(ctx, id)
}
