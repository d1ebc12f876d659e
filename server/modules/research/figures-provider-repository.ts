/**
 * The SQL behind the research figures the indicator registry reads (figures-provider.ts): topics,
 * field visits and findings of a subtree within an inclusive range, scoped as the module scopes
 * them (a topic belongs to its owner unit: `topicVisibleTo`).
 */
import { sql } from 'kysely'
import type { Actor, Tx } from '../../context.js'
import { topicVisibleTo } from './repository.js'

/** Live topics in the subtree whose own period overlaps [from, to]. */
export function rangeTopicRows(db: Tx, actor: Actor, from: string, to: string) {
  return db
    .selectFrom('research_topics')
    .select(['research_topics.id', 'research_topics.aspect_id'])
    .where('research_topics.voided_at', 'is', null)
    .where('research_topics.starts_on', '<=', to)
    .where('research_topics.ends_on', '>=', from)
    .where(topicVisibleTo(actor))
    .execute()
}

/** Live visits made in [from, to] for live topics in the subtree: the unit visited. */
export function rangeVisitRows(db: Tx, actor: Actor, from: string, to: string) {
  return db
    .selectFrom('research_visits as v')
    .innerJoin('research_topics', 'research_topics.id', 'v.topic_id')
    .innerJoin('org_units as u', 'u.id', 'v.org_unit_id')
    .select(['v.id', 'u.id as unit_id', 'u.kind as unit_kind', 'u.path as unit_path'])
    .where('v.voided_at', 'is', null)
    .where('v.visited_on', '>=', from)
    .where('v.visited_on', '<=', to)
    .where('research_topics.voided_at', 'is', null)
    .where(topicVisibleTo(actor))
    .execute()
}

/**
 * Live findings made in [from, to] for live topics in the subtree, and how many of them had become
 * rectification problems before `convertedBefore` (an instant: the end of `to`, China time).
 */
export async function rangeFindingCounts(
  db: Tx,
  actor: Actor,
  from: string,
  to: string,
  convertedBefore: string,
) {
  const r = await db
    .selectFrom('research_findings as f')
    .innerJoin('research_topics', 'research_topics.id', 'f.topic_id')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case when f.problem_id is not null and f.converted_at < ${convertedBefore} then 1 else 0 end)`.as(
        'converted',
      ),
    ])
    .where('f.voided_at', 'is', null)
    .where('f.found_on', '>=', from)
    .where('f.found_on', '<=', to)
    .where('research_topics.voided_at', 'is', null)
    .where(topicVisibleTo(actor))
    .executeTakeFirst()
  return { findings: Number(r?.n ?? 0), converted: Number(r?.converted ?? 0) }
}

/** When topics, visits or findings last changed: each change appends to the topic's timeline. */
export async function researchChangedAt(db: Tx): Promise<string | null> {
  const ev = await db
    .selectFrom('research_topic_events')
    .select('at')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return ev?.at ?? null
}
