/** A new research topic: campaign and aspect, code, owner (unit and/or leader), plan. */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, type FieldError } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { loadVisibleCampaign } from '../supervision/campaigns.js'
import { listAspects } from '../supervision/repository.js'
import { checkPlannedUnits, liveLeader, unitInScope } from './access.js'
import { getTopic } from './read-topics.js'
import { codesWithPrefix, findTopicByCode, insertTopic, insertTopicUnits } from './repository.js'
import type { CreateTopicInput, TopicDetail } from './schema.js'
import { addEvent } from './timeline.js'

/** The aspect, live and of the campaign, or a 400 on `aspectId`. */
export async function checkAspect(db: Tx, campaignId: number, aspectId: number) {
  const aspect = (await listAspects(db, [campaignId])).find((a) => a.id === aspectId)
  if (!aspect)
    throw badRequest('validation', {}, [{ field: 'aspectId', key: 'research_aspect_not_in_campaign' }])
  return aspect
}

export function checkPlanDates(startsOn: string, endsOn: string, problems: FieldError[] = []) {
  if (endsOn < startsOn)
    problems.push({ field: 'endsOn', key: 'research_end_before_start', params: { start: startsOn } })
  return problems
}

/** DY + year + '-' + 3 digits (DY2026-007), the next free one of the year. */
export async function nextTopicCode(db: Tx, year: string): Promise<string> {
  const prefix = `DY${year}-`
  let n = 0
  for (const code of await codesWithPrefix(db, prefix)) {
    const k = Number(code.slice(prefix.length))
    if (Number.isInteger(k) && k > n) n = k
  }
  for (;;) {
    n++
    const code = `${prefix}${String(n).padStart(3, '0')}`
    if (!(await findTopicByCode(db, code))) return code
  }
}

/** Writes the topic (checks included, permission excluded): the use case and the demo share it. */
export async function writeTopic(
  trx: Tx,
  ctx: Ctx,
  input: CreateTopicInput,
  source: 'manual' | 'demo' = 'manual',
): Promise<number> {
  const problems = checkPlanDates(input.startsOn, input.endsOn)
  if (problems.length) throw badRequest('validation', {}, problems)
  const campaign = await loadVisibleCampaign(trx, ctx.actor, input.campaignId, 'campaignId')
  await checkAspect(trx, campaign.id, input.aspectId)
  const owner = await unitInScope(trx, ctx.actor, input.ownerUnitId ?? ctx.actor.orgUnitId, 'ownerUnitId')
  const leader = input.leaderUserId ? await liveLeader(trx, input.leaderUserId, 'leaderUserId') : null
  const planned = await checkPlannedUnits(trx, ctx.actor, input.plannedUnitIds)
  const code = input.code ?? (await nextTopicCode(trx, input.startsOn.slice(0, 4)))
  if (await findTopicByCode(trx, code)) throw conflict('research_code_taken', { code })
  const at = nowIso(ctx)
  const id = await insertTopic(trx, {
    code,
    title: input.title,
    campaign_id: campaign.id,
    aspect_id: input.aspectId,
    owner_unit_id: owner.id,
    leader_name: input.leaderName || leader?.display_name || null,
    leader_user_id: leader?.id ?? null,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    description: input.description,
    status: 'planned',
    report_summary: null,
    reported_on: null,
    concluded_on: null,
    source,
    version: 1,
    created_by: ctx.actor.id || null,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
  })
  await insertTopicUnits(trx, [{ topicId: id, unitIds: planned.map((u) => u.id) }])
  await addEvent(trx, ctx, id, 'create', { code, source, owner: owner.name })
  await recordAudit(trx, ctx, ctx.actor, {
    action: 'research.topic.create',
    entity: 'research_topic',
    entityId: id,
    before: null,
    after: { ...input, code, source },
  })
  return id
}

export async function createTopic(ctx: Ctx, input: CreateTopicInput): Promise<TopicDetail> {
  authorize(ctx.actor, 'task.write')
  const id = await ctx.db.transaction().execute((trx) => writeTopic(trx, ctx, input))
  return getTopic(ctx, id)
}
