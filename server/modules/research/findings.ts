/**
 * Findings (发现的问题): text, category (the rectification category list), responsible unit (in
 * the writer's scope) and the day found. Recorded while the research runs (in progress or
 * reported); edited or voided until the topic is concluded, and never once they became a problem
 * (the problem carries them on: 409).
 */
import {
  canRecordFinding,
  TOPIC_STATUS_LABELS,
  type TopicStatus,
} from '../../../domain/research/lifecycle.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx, todayInChina } from '../../context.js'
import { badRequest, conflict, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { CATEGORIES, liveItem } from '../rectification/lists.js'
import { loadEditableTopic, unitInScope } from './access.js'
import { assertTopicOpen } from './attachments.js'
import { getTopic } from './read-topics.js'
import { type FindingRow, findFinding, insertFinding, updateFindingVersioned } from './repository.js'
import type { FindingInput, TopicDetail, UpdateFindingInput } from './schema.js'
import { addEvent } from './timeline.js'

function assertFindingsOpen(status: string) {
  if (canRecordFinding(status as TopicStatus)) return
  const label = TOPIC_STATUS_LABELS[status as TopicStatus]
  throw conflict('research_findings_locked', { statusZh: label.zh, statusEn: label.en })
}

function checkFoundOn(ctx: Ctx, foundOn: string) {
  if (foundOn > todayInChina(ctx.now()))
    throw badRequest('validation', {}, [{ field: 'foundOn', key: 'research_date_future' }])
}

export async function addFinding(ctx: Ctx, topicId: number, input: FindingInput): Promise<TopicDetail> {
  authorize(ctx.actor, 'task.write')
  const foundOn = input.foundOn ?? todayInChina(ctx.now())
  checkFoundOn(ctx, foundOn)
  await ctx.db.transaction().execute(async (trx) => {
    const topic = await loadEditableTopic(ctx, trx, topicId)
    assertFindingsOpen(topic.status)
    await liveItem(trx, CATEGORIES, input.categoryId, 'categoryId')
    const unit = await unitInScope(trx, ctx.actor, input.responsibleUnitId, 'responsibleUnitId')
    const at = nowIso(ctx)
    const findingId = await insertFinding(trx, {
      topic_id: topicId,
      text: input.text,
      category_id: input.categoryId,
      responsible_unit_id: unit.id,
      found_on: foundOn,
      problem_id: null,
      converted_at: null,
      converted_by_name: null,
      version: 1,
      created_by: ctx.actor.id || null,
      author_name: ctx.actor.displayName,
      created_at: at,
      voided_at: null,
      void_reason: null,
    })
    await addEvent(trx, ctx, topicId, 'finding_add', { findingId, unit: unit.name }, foundOn)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'research.finding.add',
      entity: 'research_topic',
      entityId: topicId,
      before: null,
      after: { findingId, ...input, foundOn },
    })
  })
  return getTopic(ctx, topicId)
}

/** A live finding the actor may change, with its topic: 403, 404, stale 409, converted 409. */
async function loadEditableFinding(ctx: Ctx, trx: Tx, id: number, version: number) {
  authorize(ctx.actor, 'task.write')
  const f = await findFinding(trx, id)
  if (!f || f.voided_at) throw notFound()
  const topic = await loadEditableTopic(ctx, trx, f.topic_id)
  if (f.problem_id !== null) throw conflict('research_finding_converted')
  if (f.version !== version) throw staleVersion(f.version)
  assertTopicOpen(topic.status)
  return { f, topic }
}

export async function updateFinding(ctx: Ctx, id: number, input: UpdateFindingInput): Promise<TopicDetail> {
  if (input.foundOn !== undefined) checkFoundOn(ctx, input.foundOn)
  const topicId = await ctx.db.transaction().execute(async (trx) => {
    const { f, topic } = await loadEditableFinding(ctx, trx, id, input.version)
    const patch: Partial<Omit<FindingRow, 'id' | 'version'>> = {}
    if (input.text !== undefined && input.text !== f.text) patch.text = input.text
    if (input.foundOn !== undefined && input.foundOn !== f.found_on) patch.found_on = input.foundOn
    if (input.categoryId !== undefined && input.categoryId !== f.category_id) {
      await liveItem(trx, CATEGORIES, input.categoryId, 'categoryId')
      patch.category_id = input.categoryId
    }
    if (input.responsibleUnitId !== undefined && input.responsibleUnitId !== f.responsible_unit_id)
      patch.responsible_unit_id = (
        await unitInScope(trx, ctx.actor, input.responsibleUnitId, 'responsibleUnitId')
      ).id
    if (Object.keys(patch).length === 0) return topic.id
    if (!(await updateFindingVersioned(trx, id, f.version, patch))) throw staleVersion(f.version + 1)
    // Field names as the API spells them, for the timeline.
    const names: Record<string, string> = {
      text: 'text',
      found_on: 'foundOn',
      category_id: 'categoryId',
      responsible_unit_id: 'responsibleUnitId',
    }
    await addEvent(trx, ctx, topic.id, 'finding_update', {
      findingId: id,
      fields: Object.keys(patch).map((k) => names[k] ?? k),
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'research.finding.update',
      entity: 'research_topic',
      entityId: topic.id,
      before: Object.fromEntries(Object.keys(patch).map((k) => [k, f[k as keyof FindingRow]])),
      after: { findingId: id, ...patch },
    })
    return topic.id
  })
  return getTopic(ctx, topicId)
}

export async function voidFinding(
  ctx: Ctx,
  id: number,
  version: number,
  reason: string,
): Promise<TopicDetail> {
  const topicId = await ctx.db.transaction().execute(async (trx) => {
    const { f, topic } = await loadEditableFinding(ctx, trx, id, version)
    const at = nowIso(ctx)
    if (!(await updateFindingVersioned(trx, id, f.version, { voided_at: at, void_reason: reason })))
      throw staleVersion(f.version + 1)
    await addEvent(trx, ctx, topic.id, 'finding_void', { findingId: id, reason })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'research.finding.void',
      entity: 'research_topic',
      entityId: topic.id,
      before: { findingId: id, text: f.text },
      after: { reason },
    })
    return topic.id
  })
  return getTopic(ctx, topicId)
}
