/**
 * A finding becomes a rectification problem in one step (转为整改问题): the rectification module's
 * own `writeProblem` (source 调研发现, the topic's campaign, the finding's text, category,
 * responsible unit and day) runs inside this transaction, and the finding is linked to the new
 * problem; either both happen or neither. A finding converts once: afterwards 409. Converting
 * needs task.write (the topic) and problem.write (the problem), like doing both by hand.
 */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { conflict, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { writeProblem } from '../rectification/create-problem.js'
import { loadVisibleTopic } from './access.js'
import { getTopic } from './read-topics.js'
import { findFinding, findingOfProblem, linkProblem } from './repository.js'
import type { ToProblemInput, TopicDetail } from './schema.js'
import { addEvent } from './timeline.js'

export async function findingToProblem(ctx: Ctx, id: number, input: ToProblemInput): Promise<TopicDetail> {
  authorize(ctx.actor, 'task.write')
  authorize(ctx.actor, 'problem.write')
  const topicId = await ctx.db.transaction().execute(async (trx) => {
    const f = await findFinding(trx, id)
    if (!f || f.voided_at) throw notFound()
    const topic = await loadVisibleTopic(trx, ctx.actor, f.topic_id)
    if (f.problem_id !== null) throw conflict('research_finding_converted')
    if (f.version !== input.version) throw staleVersion(f.version)
    const problem = await writeProblem(trx, ctx, {
      description: f.text,
      source: 'research_finding',
      categoryId: f.category_id,
      campaign: topic.campaign_name,
      campaignId: topic.campaign_id,
      responsibleUnitId: f.responsible_unit_id,
      ...(input.responsibleLeader ? { responsibleLeader: input.responsibleLeader } : {}),
      foundOn: f.found_on,
      fixAtOnce: input.fixAtOnce,
      measures: [],
    })
    const at = nowIso(ctx)
    // Conditional on "not linked yet": of two conversions racing, the second rolls back here.
    if (!(await linkProblem(trx, f.id, f.version, { problemId: problem.id, at, by: ctx.actor.displayName })))
      throw conflict('research_finding_converted')
    await addEvent(trx, ctx, topic.id, 'finding_to_problem', {
      findingId: f.id,
      problemId: problem.id,
      problemCode: problem.code,
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'research.finding.to_problem',
      entity: 'research_topic',
      entityId: topic.id,
      before: { findingId: f.id, problemId: null },
      after: { findingId: f.id, problemId: problem.id, problemCode: problem.code },
    })
    return topic.id
  })
  return getTopic(ctx, topicId)
}

/** The other way round: the finding and topic a problem came from (404 when none, or not visible). */
export async function problemSource(ctx: Ctx, problemId: number) {
  authorize(ctx.actor, 'task.read')
  const link = await findingOfProblem(ctx.db, problemId)
  if (!link) throw notFound()
  await loadVisibleTopic(ctx.db, ctx.actor, link.topic_id, { allowVoided: true })
  return {
    problemId,
    findingId: link.id,
    findingText: link.text,
    topicId: link.topic_id,
    topicCode: link.topic_code,
    topicTitle: link.topic_title,
  }
}
