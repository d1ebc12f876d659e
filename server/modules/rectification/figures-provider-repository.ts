/**
 * The SQL behind the rectification and teacher-ethics figures the indicator registry reads
 * (figures-provider.ts): an inclusive range and an org subtree (each record's scope path, as the
 * module's own figures scope them).
 */
import { sql } from 'kysely'
import type { Tx } from '../../context.js'

const n = (v: unknown) => Number(v ?? 0)

/**
 * Live problems found in [from, to] under `scopePath`: how many, how many were signed off before
 * `signedBefore` (an instant: the end of `to`, China time), and how many were fix-at-once (立行立改).
 */
export async function rangeProblemCounts(
  db: Tx,
  p: { from: string; to: string; scopePath: string; signedBefore: string },
) {
  const r = await db
    .selectFrom('rectification_problems as p')
    .where('p.scope_path', 'like', `${p.scopePath}%`)
    .where('p.voided_at', 'is', null)
    .where('p.found_on', '>=', p.from)
    .where('p.found_on', '<=', p.to)
    .select([
      sql<number>`count(*)`.as('found'),
      sql<number>`sum(case when p.status = 'signed_off' and p.signed_off_at < ${p.signedBefore} then 1 else 0 end)`.as(
        'signed_off',
      ),
      sql<number>`sum(case when p.fix_at_once = 1 then 1 else 0 end)`.as('fix_at_once'),
    ])
    .executeTakeFirst()
  return { found: n(r?.found), signedOff: n(r?.signed_off), fixAtOnce: n(r?.fix_at_once) }
}

/** Live teacher-ethics cases under `scopePath` that happened in [from, to], and those published in it. */
export async function rangeEthicsCounts(db: Tx, p: { from: string; to: string; scopePath: string }) {
  const inRange = (col: 'occurred_on' | 'published_on') =>
    sql`(${sql.ref(col)} >= ${p.from} and ${sql.ref(col)} <= ${p.to})`
  const r = await db
    .selectFrom('ethics_cases')
    .where('scope_path', 'like', `${p.scopePath}%`)
    .where('voided_at', 'is', null)
    .select([
      sql<number>`sum(case when ${inRange('occurred_on')} then 1 else 0 end)`.as('cases'),
      sql<number>`sum(case when published = 1 and ${inRange('published_on')} then 1 else 0 end)`.as(
        'published',
      ),
    ])
    .executeTakeFirst()
  return { cases: n(r?.cases), published: n(r?.published) }
}

/**
 * When problems or ethics cases last changed. Every change to a problem appends to its history (the
 * newest row by primary key); ethics cases keep no history table of their own and `updated_at` has
 * no index, so that is a scan of a small table (hundreds of cases a year, not millions).
 */
export async function rectificationChangedAt(db: Tx): Promise<string | null> {
  const ev = await db
    .selectFrom('rectification_events')
    .select('at')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const ethics = await db
    .selectFrom('ethics_cases')
    .select(sql<string | null>`max(updated_at)`.as('at'))
    .executeTakeFirst()
  const all = [ev?.at, ethics?.at].filter((t): t is string => typeof t === 'string')
  return all.sort().at(-1) ?? null
}
