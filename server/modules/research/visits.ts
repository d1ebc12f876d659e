/**
 * Field visits (实地调研): the day (not in the future), the unit visited (a city, a county, a school
 * …, in the writer's scope), who went and a note. The first visit of a planned topic starts it.
 * Visits are recorded, and voided, before the report: a reported topic is reopened first (409).
 */
import { canRecordVisit, TOPIC_STATUS_LABELS, type TopicStatus } from '../../../domain/research/lifecycle.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, todayInChina } from '../../context.js'
import { badRequest, conflict, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { loadEditableTopic, visitableUnit } from './access.js'
import { getTopic } from './read-topics.js'
import { findVisit, insertVisit, updateTopicVersioned, voidVisitRow } from './repository.js'
import type { TopicDetail, VisitInput } from './schema.js'
import { addEvent } from './timeline.js'

/** 409 unless visits may change in this status. */
function assertVisitsOpen(status: string) {
  if (canRecordVisit(status as TopicStatus)) return
  const label = TOPIC_STATUS_LABELS[status as TopicStatus]
  throw conflict('research_visits_locked', { statusZh: label.zh, statusEn: label.en })
}

export async function addVisit(ctx: Ctx, topicId: number, input: VisitInput): Promise<TopicDetail> {
  authorize(ctx.actor, 'task.write')
  const today = todayInChina(ctx.now())
  await ctx.db.transaction().execute(async (trx) => {
    const topic = await loadEditableTopic(ctx, trx, topicId)
    assertVisitsOpen(topic.status)
    if (input.visitedOn > today)
      throw badRequest('validation', {}, [{ field: 'visitedOn', key: 'research_date_future' }])
    const unit = await visitableUnit(trx, ctx.actor, input.orgUnitId, 'orgUnitId')
    const at = nowIso(ctx)
    const visitId = await insertVisit(trx, {
      topic_id: topicId,
      visited_on: input.visitedOn,
      org_unit_id: unit.id,
      participants: input.participants,
      note: input.note,
      created_by: ctx.actor.id || null,
      author_name: ctx.actor.displayName,
      created_at: at,
      voided_at: null,
      void_reason: null,
    })
    if (topic.status === 'planned') {
      if (
        !(await updateTopicVersioned(trx, topicId, topic.version, { status: 'in_progress', updated_at: at }))
      )
        throw staleVersion(topic.version + 1)
      await addEvent(
        trx,
        ctx,
        topicId,
        'start',
        { from: 'planned', to: 'in_progress', auto: true },
        input.visitedOn,
      )
    }
    await addEvent(
      trx,
      ctx,
      topicId,
      'visit_add',
      { visitId, unitId: unit.id, unit: unit.name },
      input.visitedOn,
    )
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'research.visit.add',
      entity: 'research_topic',
      entityId: topicId,
      before: null,
      after: { visitId, ...input },
    })
  })
  return getTopic(ctx, topicId)
}

export async function voidVisit(ctx: Ctx, visitId: number, reason: string): Promise<TopicDetail> {
  authorize(ctx.actor, 'task.write')
  const visit = await findVisit(ctx.db, visitId)
  if (!visit) throw notFound()
  await ctx.db.transaction().execute(async (trx) => {
    const topic = await loadEditableTopic(ctx, trx, visit.topic_id)
    assertVisitsOpen(topic.status)
    if (!(await voidVisitRow(trx, visitId, nowIso(ctx), reason))) throw notFound()
    await addEvent(trx, ctx, topic.id, 'visit_void', { visitId, reason })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'research.visit.void',
      entity: 'research_topic',
      entityId: topic.id,
      before: { visitId, visitedOn: visit.visited_on, unitId: visit.org_unit_id },
      after: { reason },
    })
  })
  return getTopic(ctx, visit.topic_id)
}
