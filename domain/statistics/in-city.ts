/**
 * Whether a technology-transfer buyer is in the city (市内转化): the ledger names the buyer's place
 * as the bureau writes it, "本市", the city itself ("示例市"), or a district of it ("示例市和平区",
 * "和平区"). Pure; the city's own names come from the org tree.
 */

export interface HomeCity {
  /** The city's name and short name: 示例市, 示例. */
  names: readonly string[]
  /** Its counties and districts: 和平区, 新民市 … */
  counties: readonly string[]
}

const HERE = new Set(['本市', '市内', '本地', '市本级'])

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '')

export function isInCity(place: string, home: HomeCity): boolean {
  const p = norm(place)
  if (!p) return false
  if (HERE.has(p)) return true
  const full = home.names.filter((n) => n.length >= 2).map(norm)
  // "示例市和平区" starts with the city's full name; a bare short name ("示例") must be followed by 市.
  if (full.some((n) => p === n || (n.endsWith('市') && p.startsWith(n)))) return true
  if (full.some((n) => !n.endsWith('市') && (p === `${n}市` || p.startsWith(`${n}市`)))) return true
  return home.counties.map(norm).some((c) => c.length >= 2 && p === c)
}
