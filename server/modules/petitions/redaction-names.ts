/**
 * Petitioners' names in a subtree, decrypted, for the public copy of a report to mask (never to
 * show or store: the caller keeps only how many there were). A province holds 300,000 of them, so
 * they are decrypted once per scope and then kept up to date incrementally: every change to a case
 * appends to its timeline, so only the cases with events newer than the last one seen are read
 * again. A name that was corrected stays in the set beside the new one (masking more is safe).
 */
import type { Services, Tx } from '../../context.js'

interface Entry {
  lastEventId: number
  names: Set<string>
}

const cache = new Map<string, Entry>()

async function namesOfCases(s: Services & { db: Tx }, scopePath: string, afterEventId: number | null) {
  let q = s.db
    .selectFrom('petition_people as p')
    .innerJoin('petition_cases as c', 'c.id', 'p.case_id')
    .select('p.name_enc')
    .where('c.scope_path', 'like', `${scopePath}%`)
    // Erased after the retention period: nothing left to mask.
    .where('p.name_enc', 'is not', null)
  if (afterEventId !== null)
    q = q.where(
      'p.case_id',
      'in',
      s.db.selectFrom('petition_events').select('case_id').where('id', '>', afterEventId),
    )
  return (await q.execute()).map((r) => s.personal.decrypt(r.name_enc as string))
}

export async function petitionerNames(s: Services & { db: Tx }, scopePath: string): Promise<string[]> {
  const newest = await s.db
    .selectFrom('petition_events')
    .select('id')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const last = Number(newest?.id ?? 0)
  const hit = cache.get(scopePath)
  if (hit && hit.lastEventId === last) return [...hit.names]
  if (hit && hit.lastEventId < last) {
    // A little overlap: an event numbered before the last seen may commit after it (PostgreSQL).
    for (const n of await namesOfCases(s, scopePath, Math.max(0, hit.lastEventId - 1000))) hit.names.add(n)
    hit.lastEventId = last
    return [...hit.names]
  }
  const entry = { lastEventId: last, names: new Set(await namesOfCases(s, scopePath, null)) }
  cache.set(scopePath, entry)
  return [...entry.names]
}

/** Drops the cached names (personal data was erased: nothing of it may stay in memory). */
export function forgetPetitionerNames(): void {
  cache.clear()
}
