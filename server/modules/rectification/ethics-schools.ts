/**
 * The school a ledger names, found among the org units. Bureaus write a school's name with or
 * without the regions above it: the unit 示例市和平区第三小学 is "示例市和平区第三小学",
 * "和平区第三小学" or "第三小学" in someone's sheet, and 和平区第三小学 may be typed "示例市和平区第三小学".
 * So a unit is known by its full name, its code, and its name with its ancestors' names taken off
 * the front; a name that starts with a region's name must also lie under that region. Nothing is
 * guessed: a name several units in the actor's scope answer to is ambiguous.
 */
import type { Actor, Tx } from '../../context.js'
import { inScope } from '../../policies/authorize.js'
import { liveUnitNames } from './repository.js'

export interface FoundUnit {
  id: number
  name: string
  path: string
}

export type SchoolMatch =
  | { unit: FoundUnit }
  | {
      error:
        | 'ethics_import_unknown_school'
        | 'ethics_import_ambiguous_school'
        | 'ethics_import_school_out_of_scope'
    }

/** Full-width brackets and digits as half-width, no whitespace: "和平区 第三小学（东校区）" = "和平区第三小学(东校区)". */
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')

const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number)

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Loads the units once; the returned function matches one cell. */
export async function schoolFinder(trx: Tx, actor: Actor): Promise<(text: string) => SchoolMatch> {
  const units = await liveUnitNames(trx)
  const byId = new Map(units.map((u) => [u.id, { ...u, name: norm(u.name) }]))
  const byName = new Map<string, FoundUnit[]>()
  const byCode = new Map<string, FoundUnit[]>()
  const byStem = new Map<string, FoundUnit[]>()
  /** Region names (units with something under them), longest first, each with the units so named. */
  const regions = new Map<string, number[]>()
  for (const u of units) {
    const found = { id: u.id, name: u.name, path: u.path }
    const own = byId.get(u.id)?.name ?? ''
    push(byName, own, found)
    if (u.code) push(byCode, norm(u.code), found)
    const above = pathIds(u.path)
      .filter((id) => id !== u.id)
      .map((id) => byId.get(id)?.name ?? '')
      .filter(Boolean)
    for (const id of pathIds(u.path)) if (id !== u.id) push(regions, byId.get(id)?.name ?? '', id)
    const stem = stripPrefixes(own, longestFirst(above)).rest
    if (stem !== own) push(byStem, stem, found)
  }
  regions.delete('')
  for (const [name, ids] of regions) regions.set(name, [...new Set(ids)])
  const regionNames = longestFirst([...regions.keys()])

  return (text) => {
    const cell = norm(text)
    const { rest, taken } = stripPrefixes(cell, regionNames)
    // A unit under every region the cell named (any of the units so named, for namesakes).
    const under = (u: FoundUnit) =>
      taken.every((name) => (regions.get(name) ?? []).some((id) => u.path.includes(`/${id}/`)))
    const tiers = [
      byName.get(cell) ?? [],
      byCode.get(cell) ?? [],
      [...(byStem.get(rest) ?? []), ...(rest !== cell ? (byName.get(rest) ?? []) : [])].filter(under),
    ]
    let outside = false
    for (const tier of tiers) {
      const mine = [...new Map(tier.filter((u) => inScope(actor, u.path)).map((u) => [u.id, u])).values()]
      if (mine.length === 1 && mine[0]) return { unit: mine[0] }
      if (mine.length > 1) return { error: 'ethics_import_ambiguous_school' }
      if (tier.length > 0) outside = true
    }
    return { error: outside ? 'ethics_import_school_out_of_scope' : 'ethics_import_unknown_school' }
  }
}

const longestFirst = (names: string[]) => names.sort((a, b) => b.length - a.length)

/** Takes region names (longest first) off the front, as long as something is left after them. */
function stripPrefixes(text: string, prefixes: readonly string[]): { rest: string; taken: string[] } {
  const taken: string[] = []
  let rest = text
  for (;;) {
    const p = prefixes.find((x) => rest.startsWith(x) && rest.length > x.length)
    if (!p) return { rest, taken }
    taken.push(p)
    rest = rest.slice(p.length)
  }
}
