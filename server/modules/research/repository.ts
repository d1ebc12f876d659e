/** SQL of research topics: topics and their planned units, visits, findings, events. No rules here. */
import { type ExpressionBuilder, type Insertable, type SelectQueryBuilder, sql } from 'kysely'
import type { Actor, Tx } from '../../context.js'
import { type DialectName, likeOperator } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import type {
  ResearchFindingTable,
  ResearchTopicEventTable,
  ResearchTopicTable,
  ResearchVisitTable,
} from './tables.js'

type WithId<T> = Omit<T, 'id'> & { id: number }
export type TopicRow = WithId<ResearchTopicTable>
export type VisitRow = WithId<ResearchVisitTable>
export type FindingRow = WithId<ResearchFindingTable>
export type EventRow = WithId<ResearchTopicEventTable>
/** A topic with the names the lists show and the owner's path (its scope). */
export type TopicListRow = TopicRow & {
  campaign_name: string
  aspect_name: string
  owner_unit_name: string
  owner_path: string
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

// ---------------------------------------------------------------------------------------------
// Topics

type TopicEb = ExpressionBuilder<Database, 'research_topics'>

/** Seen by users whose scope contains the owning unit; planned or visited units never widen it. */
export function topicVisibleTo(actor: Actor) {
  return (eb: TopicEb) =>
    eb.exists(
      eb
        .selectFrom('org_units as vu')
        .select('vu.id')
        .whereRef('vu.id', '=', 'research_topics.owner_unit_id')
        .where('vu.path', 'like', `${actor.scopePath}%`),
    )
}

function withNames(q: SelectQueryBuilder<Database, 'research_topics', object>) {
  return q
    .innerJoin('supervision_campaigns as tc', 'tc.id', 'research_topics.campaign_id')
    .innerJoin('supervision_aspects as ta', 'ta.id', 'research_topics.aspect_id')
    .innerJoin('org_units as ou', 'ou.id', 'research_topics.owner_unit_id')
    .selectAll('research_topics')
    .select([
      'tc.name as campaign_name',
      'ta.name as aspect_name',
      'ou.name as owner_unit_name',
      'ou.path as owner_path',
    ])
}

export function findTopic(db: Tx, id: number) {
  return withNames(db.selectFrom('research_topics'))
    .where('research_topics.id', '=', id)
    .executeTakeFirst() as Promise<TopicListRow | undefined>
}

export function findTopicByCode(db: Tx, code: string) {
  return db.selectFrom('research_topics').select(['id']).where('code', '=', code).executeTakeFirst()
}

/** Every topic (voided too) holding one of the codes, with its owner's path: the import's matches. */
export async function topicsByCodes(db: Tx, codes: string[]): Promise<TopicListRow[]> {
  const out: TopicListRow[] = []
  for (let i = 0; i < codes.length; i += 500) {
    const rows = (await withNames(db.selectFrom('research_topics'))
      .where('research_topics.code', 'in', codes.slice(i, i + 500))
      .execute()) as TopicListRow[]
    out.push(...rows)
  }
  return out
}

/** The codes generated for a year (DY2026-001 …), to number the next one. */
export async function codesWithPrefix(db: Tx, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('research_topics')
    .select('code')
    .where('code', 'like', `${escapeLike(prefix)}%`)
    .execute()
  return rows.map((r) => r.code)
}

export async function insertTopic(db: Tx, row: Insertable<ResearchTopicTable>): Promise<number> {
  const r = await db.insertInto('research_topics').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

/** Inserts many (imports): ids come back keyed by code. */
export async function insertTopics(db: Tx, rows: Insertable<ResearchTopicTable>[]) {
  if (rows.length === 0) return []
  return db.insertInto('research_topics').values(rows).returning(['id', 'code']).execute()
}

export async function updateTopicVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<TopicRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('research_topics')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export interface TopicFilter {
  campaignId?: number | undefined
  aspectId?: number | undefined
  status?: string | undefined
  /** Owning unit at or below this path. */
  ownerPath?: string | undefined
  q?: string | undefined
  includeVoided?: boolean | undefined
}

function filtered(db: Tx, dialect: DialectName, actor: Actor, f: TopicFilter) {
  let q = db.selectFrom('research_topics').where(topicVisibleTo(actor))
  if (!f.includeVoided) q = q.where('research_topics.voided_at', 'is', null)
  if (f.campaignId) q = q.where('research_topics.campaign_id', '=', f.campaignId)
  if (f.aspectId) q = q.where('research_topics.aspect_id', '=', f.aspectId)
  if (f.status) q = q.where('research_topics.status', '=', f.status)
  if (f.ownerPath) {
    const path = f.ownerPath
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('org_units as fu')
          .select('fu.id')
          .whereRef('fu.id', '=', 'research_topics.owner_unit_id')
          .where('fu.path', 'like', `${path}%`),
      ),
    )
  }
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`
    const op = likeOperator(dialect)
    q = q.where((eb) =>
      eb.or([
        eb(sql`research_topics.code`, op, sql`${pattern} escape '\\'`),
        eb(sql`research_topics.title`, op, sql`${pattern} escape '\\'`),
        eb(sql`coalesce(research_topics.leader_name, '')`, op, sql`${pattern} escape '\\'`),
        eb(sql`research_topics.description`, op, sql`${pattern} escape '\\'`),
      ]),
    )
  }
  return q
}

export async function listTopicRows(
  db: Tx,
  dialect: DialectName,
  actor: Actor,
  f: TopicFilter,
  page: { limit: number; offset: number },
) {
  const base = filtered(db, dialect, actor, f)
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const items = (await withNames(base)
    .orderBy('ta.sort_order')
    .orderBy('research_topics.code')
    .orderBy('research_topics.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()) as TopicListRow[]
  return { items, total: Number(total.n) }
}

/** Every matching topic up to `limit` (exports), in the list's order. */
export function listAllTopicRows(db: Tx, dialect: DialectName, actor: Actor, f: TopicFilter, limit: number) {
  return withNames(filtered(db, dialect, actor, f))
    .orderBy('ta.sort_order')
    .orderBy('research_topics.code')
    .orderBy('research_topics.id')
    .limit(limit)
    .execute() as Promise<TopicListRow[]>
}

export interface TopicUnitRow {
  topic_id: number
  org_unit_id: number
  sort_order: number
  name: string
}

/** Planned units of the given topics, in plan order. */
export async function unitsOfTopics(db: Tx, topicIds: number[]): Promise<TopicUnitRow[]> {
  const out: TopicUnitRow[] = []
  for (let i = 0; i < topicIds.length; i += 500) {
    const rows = await db
      .selectFrom('research_topic_units as tu')
      .innerJoin('org_units as u', 'u.id', 'tu.org_unit_id')
      .select(['tu.topic_id', 'tu.org_unit_id', 'tu.sort_order', 'u.name'])
      .where('tu.topic_id', 'in', topicIds.slice(i, i + 500))
      .orderBy('tu.topic_id')
      .orderBy('tu.sort_order')
      .execute()
    out.push(...rows)
  }
  return out
}

export async function replaceTopicUnits(db: Tx, topicId: number, unitIds: readonly number[]) {
  await db.deleteFrom('research_topic_units').where('topic_id', '=', topicId).execute()
  await insertTopicUnits(db, [{ topicId, unitIds }])
}

export async function insertTopicUnits(db: Tx, plans: { topicId: number; unitIds: readonly number[] }[]) {
  const rows = plans.flatMap((p) =>
    p.unitIds.map((id, i) => ({ topic_id: p.topicId, org_unit_id: id, sort_order: i + 1 })),
  )
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('research_topic_units')
      .values(rows.slice(i, i + 500))
      .execute()
}

/** Live visits, live findings and converted findings per topic. */
export async function countsOfTopics(db: Tx, topicIds: number[]) {
  const out = new Map<number, { visits: number; findings: number; converted: number }>()
  if (topicIds.length === 0) return out
  const visits = await db
    .selectFrom('research_visits')
    .select(['topic_id', sql<number>`count(*)`.as('n')])
    .where('topic_id', 'in', topicIds)
    .where('voided_at', 'is', null)
    .groupBy('topic_id')
    .execute()
  const findings = await db
    .selectFrom('research_findings')
    .select([
      'topic_id',
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case when problem_id is null then 0 else 1 end)`.as('converted'),
    ])
    .where('topic_id', 'in', topicIds)
    .where('voided_at', 'is', null)
    .groupBy('topic_id')
    .execute()
  for (const id of topicIds) out.set(id, { visits: 0, findings: 0, converted: 0 })
  for (const v of visits) (out.get(v.topic_id) as { visits: number }).visits = Number(v.n)
  for (const f of findings) {
    const c = out.get(f.topic_id) as { findings: number; converted: number }
    c.findings = Number(f.n)
    c.converted = Number(f.converted ?? 0)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Visits

export type VisitListRow = VisitRow & { unit_name: string; unit_kind: string; unit_path: string }

export async function insertVisit(db: Tx, row: Insertable<ResearchVisitTable>): Promise<number> {
  const r = await db.insertInto('research_visits').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

export function findVisit(db: Tx, id: number) {
  return db.selectFrom('research_visits').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    VisitRow | undefined
  >
}

/** A topic's visits, voided ones included (they are history), by date. */
export function visitsOfTopic(db: Tx, topicId: number) {
  return db
    .selectFrom('research_visits as v')
    .innerJoin('org_units as u', 'u.id', 'v.org_unit_id')
    .selectAll('v')
    .select(['u.name as unit_name', 'u.kind as unit_kind', 'u.path as unit_path'])
    .where('v.topic_id', '=', topicId)
    .orderBy('v.visited_on')
    .orderBy('v.id')
    .execute() as Promise<VisitListRow[]>
}

export async function voidVisitRow(db: Tx, id: number, at: string, reason: string): Promise<boolean> {
  const r = await db
    .updateTable('research_visits')
    .set({ voided_at: at, void_reason: reason })
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function liveVisitCount(db: Tx, topicId: number): Promise<number> {
  const r = await db
    .selectFrom('research_visits')
    .select(sql<number>`count(*)`.as('n'))
    .where('topic_id', '=', topicId)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

// ---------------------------------------------------------------------------------------------
// Findings

export type FindingListRow = FindingRow & {
  category_name: string | null
  unit_name: string
  problem_code: string | null
  problem_status: string | null
  problem_voided_at: string | null
}

export async function insertFinding(db: Tx, row: Insertable<ResearchFindingTable>): Promise<number> {
  const r = await db.insertInto('research_findings').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

export function findFinding(db: Tx, id: number) {
  return db.selectFrom('research_findings').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    FindingRow | undefined
  >
}

/** A topic's findings, voided ones included, with the category, unit and problem they point at. */
export function findingsOfTopic(db: Tx, topicId: number) {
  return db
    .selectFrom('research_findings as f')
    .innerJoin('org_units as u', 'u.id', 'f.responsible_unit_id')
    .leftJoin('rectification_categories as c', 'c.id', 'f.category_id')
    .leftJoin('rectification_problems as p', 'p.id', 'f.problem_id')
    .selectAll('f')
    .select([
      'c.name as category_name',
      'u.name as unit_name',
      'p.code as problem_code',
      'p.status as problem_status',
      'p.voided_at as problem_voided_at',
    ])
    .where('f.topic_id', '=', topicId)
    .orderBy('f.found_on')
    .orderBy('f.id')
    .execute() as Promise<FindingListRow[]>
}

export async function updateFindingVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<FindingRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('research_findings')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Links a finding to its problem, only if it has none yet (a second conversion loses here). */
export async function linkProblem(
  db: Tx,
  id: number,
  version: number,
  link: { problemId: number; at: string; by: string },
): Promise<boolean> {
  const r = await db
    .updateTable('research_findings')
    .set({
      problem_id: link.problemId,
      converted_at: link.at,
      converted_by_name: link.by,
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('problem_id', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** The finding a problem came from, with its topic's owner path (for the visibility check). */
export function findingOfProblem(db: Tx, problemId: number) {
  return db
    .selectFrom('research_findings as f')
    .innerJoin('research_topics as t', 't.id', 'f.topic_id')
    .select(['f.id', 'f.text', 'f.topic_id', 't.code as topic_code', 't.title as topic_title'])
    .where('f.problem_id', '=', problemId)
    .executeTakeFirst()
}

// ---------------------------------------------------------------------------------------------
// Events

export async function insertEvents(db: Tx, rows: Insertable<ResearchTopicEventTable>[]) {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('research_topic_events')
      .values(rows.slice(i, i + 500))
      .execute()
}

export function listEvents(db: Tx, topicId: number) {
  return db
    .selectFrom('research_topic_events')
    .selectAll()
    .where('topic_id', '=', topicId)
    .orderBy('at')
    .orderBy('id')
    .execute() as Promise<EventRow[]>
}

// ---------------------------------------------------------------------------------------------
// Figures

/** Live visible topics (of a campaign), with their aspect. */
export function figureTopicRows(db: Tx, actor: Actor, campaignId: number | undefined) {
  let q = db
    .selectFrom('research_topics')
    .innerJoin('supervision_aspects as a', 'a.id', 'research_topics.aspect_id')
    .select([
      'research_topics.id',
      'research_topics.status',
      'research_topics.aspect_id',
      'a.name as aspect_name',
      'a.sort_order as aspect_order',
    ])
    .where('research_topics.voided_at', 'is', null)
    .where(topicVisibleTo(actor))
  if (campaignId) q = q.where('research_topics.campaign_id', '=', campaignId)
  return q.execute()
}

/** Live visits of live visible topics (of a campaign): the unit visited, its kind and path. */
export function figureVisitRows(db: Tx, actor: Actor, campaignId: number | undefined) {
  let q = db
    .selectFrom('research_visits as v')
    .innerJoin('research_topics', 'research_topics.id', 'v.topic_id')
    .innerJoin('org_units as u', 'u.id', 'v.org_unit_id')
    .select(['v.id', 'u.id as unit_id', 'u.kind as unit_kind', 'u.path as unit_path'])
    .where('v.voided_at', 'is', null)
    .where('research_topics.voided_at', 'is', null)
    .where(topicVisibleTo(actor))
  if (campaignId) q = q.where('research_topics.campaign_id', '=', campaignId)
  return q.execute()
}

/** Live findings of live visible topics (of a campaign), and how many became problems. */
export async function figureFindingCounts(db: Tx, actor: Actor, campaignId: number | undefined) {
  let q = db
    .selectFrom('research_findings as f')
    .innerJoin('research_topics', 'research_topics.id', 'f.topic_id')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`sum(case when f.problem_id is null then 0 else 1 end)`.as('converted'),
    ])
    .where('f.voided_at', 'is', null)
    .where('research_topics.voided_at', 'is', null)
    .where(topicVisibleTo(actor))
  if (campaignId) q = q.where('research_topics.campaign_id', '=', campaignId)
  const r = await q.executeTakeFirstOrThrow()
  return { findings: Number(r.n), converted: Number(r.converted ?? 0) }
}

/** Kind and name of units by id (the ancestors of visited units). */
export async function unitsByIds(db: Tx, ids: number[]) {
  const out = new Map<number, { kind: string; name: string }>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('org_units')
      .select(['id', 'kind', 'name'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
    for (const r of rows) out.set(r.id, { kind: r.kind, name: r.name })
  }
  return out
}

/** Descriptions by topic id (the export's long column, left out of the list rows' summaries). */
export async function descriptionsOf(db: Tx, ids: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('research_topics')
      .select(['id', 'description'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute()
    for (const r of rows) out.set(r.id, r.description)
  }
  return out
}
