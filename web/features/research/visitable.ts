import { keyOf, type OrgIndex } from '../org/tree'

/**
 * Units one cannot go and research: those lying in no city or county (the province and its own
 * departments). The server refuses them (a visit must count for a city or a county); the pickers
 * grey them out. The caller's scope root counts by its own kind: its ancestors are not listed.
 */
export function nonVisitableKeys(index: OrgIndex): Set<string> {
  const out = new Set<string>()
  const memo = new Map<string, boolean>()
  const visitable = (key: string): boolean => {
    const known = memo.get(key)
    if (known !== undefined) return known
    const u = index.byId.get(key)
    let ok = false
    if (u) {
      if (u.kind === 'city' || u.kind === 'county') ok = true
      else if (u.parentId !== null && index.byId.has(keyOf(u.parentId))) ok = visitable(keyOf(u.parentId))
    }
    memo.set(key, ok)
    return ok
  }
  for (const key of index.byId.keys()) if (!visitable(key)) out.add(key)
  return out
}
