/**
 * Editing a topic: code, title, aspect (within its campaign), owner, leader, plan. The campaign
 * is fixed (a topic filed under the wrong campaign is voided and filed again). A concluded topic
 * is closed (409).
 */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, conflict, staleVersion } from '../../http/errors.js'
import { checkPlannedUnits, liveLeader, loadEditableTopic, unitInScope } from './access.js'
import { assertTopicOpen } from './attachments.js'
import { checkAspect, checkPlanDates } from './create-topic.js'
import { getTopic } from './read-topics.js'
import {
  findTopicByCode,
  replaceTopicUnits,
  type TopicRow,
  unitsOfTopics,
  updateTopicVersioned,
} from './repository.js'
import type { TopicDetail, UpdateTopicInput } from './schema.js'
import { addEvent } from './timeline.js'

export async function updateTopic(ctx: Ctx, id: number, input: UpdateTopicInput): Promise<TopicDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadEditableTopic(ctx, trx, id)
    if (row.version !== input.version) throw staleVersion(row.version)
    assertTopicOpen(row.status)
    const patch: Partial<Omit<TopicRow, 'id' | 'version'>> = {}
    const changed: Record<string, { from: unknown; to: unknown }> = {}
    const set = <K extends keyof TopicRow>(key: K, value: TopicRow[K], field: string) => {
      if (row[key] === value) return
      ;(patch as Record<string, unknown>)[key] = value
      changed[field] = { from: row[key], to: value }
    }
    if (input.code !== undefined && input.code !== row.code) {
      if (await findTopicByCode(trx, input.code)) throw conflict('research_code_taken', { code: input.code })
      set('code', input.code, 'code')
    }
    if (input.title !== undefined) set('title', input.title, 'title')
    if (input.description !== undefined) set('description', input.description, 'description')
    if (input.aspectId !== undefined && input.aspectId !== row.aspect_id) {
      await checkAspect(trx, row.campaign_id, input.aspectId)
      set('aspect_id', input.aspectId, 'aspectId')
    }
    if (input.ownerUnitId !== undefined && input.ownerUnitId !== row.owner_unit_id) {
      const owner = await unitInScope(trx, ctx.actor, input.ownerUnitId, 'ownerUnitId')
      set('owner_unit_id', owner.id, 'ownerUnitId')
    }
    if (input.leaderUserId !== undefined) {
      const leader =
        input.leaderUserId === null ? null : await liveLeader(trx, input.leaderUserId, 'leaderUserId')
      set('leader_user_id', leader?.id ?? null, 'leaderUserId')
      if (leader && input.leaderName === undefined && !row.leader_name)
        set('leader_name', leader.display_name, 'leaderName')
    }
    if (input.leaderName !== undefined) set('leader_name', input.leaderName || null, 'leaderName')
    if (input.startsOn !== undefined) set('starts_on', input.startsOn, 'startsOn')
    if (input.endsOn !== undefined) set('ends_on', input.endsOn, 'endsOn')
    const problems = checkPlanDates(patch.starts_on ?? row.starts_on, patch.ends_on ?? row.ends_on)
    if (problems.length) throw badRequest('validation', {}, problems)
    if (input.plannedUnitIds !== undefined) {
      const old = (await unitsOfTopics(trx, [id])).map((u) => u.org_unit_id)
      const planned = (await checkPlannedUnits(trx, ctx.actor, input.plannedUnitIds)).map((u) => u.id)
      if (planned.join(',') !== old.join(',')) {
        await replaceTopicUnits(trx, id, planned)
        changed.plannedUnitIds = { from: old, to: planned }
      }
    }
    if (Object.keys(changed).length === 0) return
    patch.updated_at = nowIso(ctx)
    if (!(await updateTopicVersioned(trx, id, row.version, patch))) throw staleVersion(row.version + 1)
    await addEvent(trx, ctx, id, 'update', { fields: Object.keys(changed) })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'research.topic.update',
      entity: 'research_topic',
      entityId: id,
      before: Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v.from])),
      after: Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, v.to])),
    })
  })
  return getTopic(ctx, id)
}
