/**
 * Petitioners' names in a subtree, decrypted, for the public copy of a report to mask (never to
 * show or store: the caller keeps only how many there were). The names are cached per scope and
 * dropped when any case changes, because a province holds 300,000 of them.
 */
import type { Services, Tx } from '../../context.js'

const cache = new Map<string, { stamp: string; names: string[] }>()

export async function petitionerNames(s: Services & { db: Tx }, scopePath: string): Promise<string[]> {
  // Every change to a case appends to its timeline: the newest event (by primary key, one index
  // probe) says whether the cached names still hold; a full count of 300,000 cases would not do.
  const stamp = await s.db
    .selectFrom('petition_events')
    .select(['id', 'at'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const key = `${String(stamp?.id ?? 0)}|${String(stamp?.at ?? '')}`
  const hit = cache.get(scopePath)
  if (hit && hit.stamp === key) return hit.names
  const rows = await s.db
    .selectFrom('petition_people as p')
    .innerJoin('petition_cases as c', 'c.id', 'p.case_id')
    .select('p.name_enc')
    .where('c.scope_path', 'like', `${scopePath}%`)
    // Erased after the retention period: nothing left to mask.
    .where('p.name_enc', 'is not', null)
    .execute()
  const names = [...new Set(rows.map((r) => s.personal.decrypt(r.name_enc as string)))]
  cache.set(scopePath, { stamp: key, names })
  return names
}

/** Drops the cached names (personal data was erased: nothing of it may stay in memory). */
export function forgetPetitionerNames(): void {
  cache.clear()
}
