/**
 * Client-side tree building for the flat /api/org-units/tree list. One pass to index, one pass to
 * link, so 12,000 units take a few milliseconds; no recursion over the flat list per node.
 */
import type { Id, OrgUnit } from '../../app/types'

export interface OrgIndex {
  byId: Map<string, OrgUnit>
  children: Map<string, OrgUnit[]>
  /** Units whose parent is not in the list: the top of the caller's scope. */
  roots: OrgUnit[]
}

export const keyOf = (id: Id) => String(id)

function compareUnits(a: OrgUnit, b: OrgUnit): number {
  return (
    a.sortOrder - b.sortOrder ||
    (a.code ?? '').localeCompare(b.code ?? '') ||
    a.name.localeCompare(b.name, 'zh-CN')
  )
}

export function indexUnits(items: OrgUnit[]): OrgIndex {
  const byId = new Map<string, OrgUnit>()
  for (const u of items) byId.set(keyOf(u.id), u)
  const children = new Map<string, OrgUnit[]>()
  const roots: OrgUnit[] = []
  for (const u of items) {
    const parentKey = u.parentId === null ? null : keyOf(u.parentId)
    if (parentKey === null || !byId.has(parentKey)) {
      roots.push(u)
      continue
    }
    const list = children.get(parentKey)
    if (list) list.push(u)
    else children.set(parentKey, [u])
  }
  for (const list of children.values()) list.sort(compareUnits)
  roots.sort(compareUnits)
  return { byId, children, roots }
}

/** Keys of the unit's ancestors inside the index, nearest last (for expanding the tree to it). */
export function ancestorKeys(index: OrgIndex, key: string): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  let current = index.byId.get(key)
  while (current && current.parentId !== null) {
    const parentKey = keyOf(current.parentId)
    // A cycle would be a server bug; stop rather than hang the tab.
    if (seen.has(parentKey) || !index.byId.has(parentKey)) break
    seen.add(parentKey)
    out.unshift(parentKey)
    current = index.byId.get(parentKey)
  }
  return out
}

/** Keys of the unit and everything under it; a unit cannot move below itself. */
export function subtreeKeys(index: OrgIndex, key: string): Set<string> {
  const out = new Set<string>([key])
  const stack = [key]
  for (let k = stack.pop(); k !== undefined; k = stack.pop()) {
    for (const c of index.children.get(k) ?? []) {
      const ck = keyOf(c.id)
      if (!out.has(ck)) {
        out.add(ck)
        stack.push(ck)
      }
    }
  }
  return out
}

export function matchesQuery(u: OrgUnit, q: string): boolean {
  const needle = q.toLowerCase()
  return (
    u.name.toLowerCase().includes(needle) ||
    u.shortName.toLowerCase().includes(needle) ||
    (u.code ?? '').toLowerCase().includes(needle)
  )
}

export interface SearchResult {
  /** Units to keep in the filtered tree: the matches and their ancestors. */
  keep: Set<string>
  matches: Set<string>
  /** Ancestors of matches, to expand so every match is visible. */
  expand: string[]
}

export function searchIndex(index: OrgIndex, q: string): SearchResult {
  const matches = new Set<string>()
  const keep = new Set<string>()
  const expand = new Set<string>()
  for (const [k, u] of index.byId) {
    if (!matchesQuery(u, q)) continue
    matches.add(k)
    keep.add(k)
    for (const a of ancestorKeys(index, k)) {
      keep.add(a)
      expand.add(a)
    }
  }
  return { keep, matches, expand: [...expand] }
}

export interface TreeNode<T> {
  key: string
  unit: OrgUnit
  children?: T[]
}

/**
 * Builds nested nodes for antd Tree/TreeSelect. `make` shapes a node (the two components want
 * different fields); `keep`, when given, prunes everything else.
 */
export function buildNodes<T>(
  index: OrgIndex,
  make: (u: OrgUnit, children: T[] | undefined) => T,
  keep?: (key: string) => boolean,
): T[] {
  const build = (units: OrgUnit[]): T[] => {
    const out: T[] = []
    for (const u of units) {
      const k = keyOf(u.id)
      if (keep && !keep(k)) continue
      const kids = index.children.get(k)
      const built = kids ? build(kids) : []
      out.push(make(u, built.length > 0 ? built : undefined))
    }
    return out
  }
  return build(index.roots)
}
