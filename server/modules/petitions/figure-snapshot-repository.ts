/**
 * SQL of the figures' in-process snapshot (figure-snapshot.ts): the figure columns of cases, the
 * cases behind new timeline events, and the imports that changed cases without writing an event.
 */
import { sql } from 'kysely'
import type { Tx } from '../../context.js'

/**
 * Every column a figure, the monthly series, the repeat count or the visibility rule reads, packed
 * into one text per case: a row of three values instead of eighteen makes loading 300,000 cases
 * about three times quicker (the drivers' cost is per value). The layout is
 * `category|demand|county|accused user|7 dates|satisfaction|flags|scope path`: a null date is '-',
 * satisfaction a digit, flags A (accusation), D (linked repeat), V (voided); the scope path comes
 * last so it may hold anything. The accused path stays a column of its own (rarely set, any text).
 * Only `||`, `coalesce`, `cast` and `case`: the same SQL on both databases.
 */
const DATES = [
  'received_on',
  'closed_on',
  'current_due',
  'accepted_on',
  'notice_due',
  'replied_on',
  'handling_due',
] as const
const INTS = ['category_id', 'demand_id', 'county_id', 'accused_user_id'] as const
const PACKED = sql.join(
  [
    ...INTS.map((c) => sql`coalesce(cast(${sql.ref(c)} as text), '')`),
    ...DATES.map((c) => sql`coalesce(${sql.ref(c)}, '-')`),
    sql`case satisfaction when 'satisfied' then '1' when 'basic' then '2' when 'unsatisfied' then '3' else '' end`,
    sql`case when kind = 'accusation' then 'A' else '' end
      || case when duplicate_of is null then '' else 'D' end
      || case when voided_at is null then '' else 'V' end`,
    sql.ref('scope_path'),
  ],
  sql` || '|' || `,
)

export interface PackedCase {
  id: number
  accused_path: string | null
  packed: string
}

const packedCases = (db: Tx) =>
  db.selectFrom('petition_cases').select(['id', 'accused_path', sql<string>`${PACKED}`.as('packed')])

/** The top-level ids the cases are loaded by (a page each, read from the covering figures index). */
export async function categoryIds(db: Tx): Promise<number[]> {
  const rows = await db.selectFrom('petition_categories').select('id').orderBy('id').execute()
  return rows.map((r) => Number(r.id))
}

/** The live cases of one category. */
export function liveCasesOfCategory(db: Tx, categoryId: number): Promise<PackedCase[]> {
  return packedCases(db).where('category_id', '=', categoryId).where('voided_at', 'is', null).execute()
}

/** The given cases as they are now, voided ones included (the snapshot drops those). */
export function casesById(db: Tx, ids: number[]): Promise<PackedCase[]> {
  return packedCases(db).where('id', 'in', ids).execute()
}

export async function maxCaseId(db: Tx): Promise<number> {
  const r = await db
    .selectFrom('petition_cases')
    .select(sql<number | null>`max(id)`.as('id'))
    .executeTakeFirst()
  return Number(r?.id ?? 0)
}

export async function maxEventId(db: Tx): Promise<number> {
  const r = await db
    .selectFrom('petition_events')
    .select(sql<number | null>`max(id)`.as('id'))
    .executeTakeFirst()
  return Number(r?.id ?? 0)
}

/** Event ids above `from` (a short range: the ids a first load may find missing). */
export async function eventIdsAbove(db: Tx, from: number): Promise<number[]> {
  const rows = await db.selectFrom('petition_events').select('id').where('id', '>', from).execute()
  return rows.map((r) => Number(r.id))
}

/** Events above `seen`, and those among `missing` (ids not visible before) that have committed since. */
export function eventsSince(db: Tx, seen: number, missing: number[]) {
  return db
    .selectFrom('petition_events')
    .select(['id', 'case_id'])
    .where((eb) =>
      missing.length === 0 ? eb('id', '>', seen) : eb.or([eb('id', '>', seen), eb('id', 'in', missing)]),
    )
    .execute()
}
