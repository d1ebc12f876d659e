/**
 * One computation shared by the several indicators a provider derives from it. A petition
 * ledger's twelve figures all come from one grouped scan, and a report reads most of them: the
 * scan runs once per (query, data time) instead of once per figure. Entries are keyed by what the
 * result depends on, including the source's data time, so a change to the data is never served
 * stale; the map is small and forgets the oldest entry (results are cached durably by the
 * registry's own cache anyway).
 */
const all = new Set<Map<string, Promise<unknown>>>()

/** Forgets every shared result (a benchmark measuring figures computed afresh in a warm process). */
export function clearSharedComputations(): void {
  for (const m of all) m.clear()
}

let lastVersion: string | undefined

/**
 * Called with the figure sources' version each evaluation reads first: any other version than the
 * last one seen forgets every shared result, since those were computed from data it may not name.
 * A result shared after that was computed after the version was read, so from data at least that
 * new. (Any change, not only a higher one: a test process holds two databases, each its own count.)
 */
export function forgetSharedBefore(version: string): void {
  if (version === lastVersion) return
  lastVersion = version
  clearSharedComputations()
}

export function sharedCompute<T>(size = 32): (key: string, compute: () => Promise<T>) => Promise<T> {
  const memo = new Map<string, Promise<T>>()
  all.add(memo as Map<string, Promise<unknown>>)
  return (key, compute) => {
    const hit = memo.get(key)
    if (hit) return hit
    const p = compute()
    memo.set(key, p)
    // A failure is not remembered: the next caller tries again.
    p.catch(() => memo.delete(key))
    if (memo.size > size) memo.delete(memo.keys().next().value as string)
    return p
  }
}
