/**
 * Preschool figures (DOMAIN.md "Preschool"), shares of **children**, not of kindergartens:
 *
 *   普惠性幼儿园覆盖率 = (children in public + children in 普惠性民办园) ÷ all enrolled children
 *   公办园在园幼儿占比 = children in public kindergartens ÷ all enrolled children
 *
 * A private kindergarten counts as inclusive only when recognised as such (its `inclusive` flag).
 */

export interface KindergartenYear {
  ownership: 'public' | 'private' | null
  inclusive: boolean
  children: number
  newInclusivePlaces: number
}

export interface PreschoolTotals {
  kindergartens: number
  children: number
  publicChildren: number
  inclusivePrivateChildren: number
  /** Percent (0–100), null without children. */
  coverage: number | null
  publicShare: number | null
  newInclusivePlaces: number
}

export function preschoolTotals(rows: readonly KindergartenYear[]): PreschoolTotals {
  let children = 0
  let publicChildren = 0
  let inclusivePrivateChildren = 0
  let newInclusivePlaces = 0
  for (const r of rows) {
    children += r.children
    newInclusivePlaces += r.newInclusivePlaces
    if (r.ownership === 'public') publicChildren += r.children
    else if (r.inclusive) inclusivePrivateChildren += r.children
  }
  const pct = (n: number) => (children === 0 ? null : (n / children) * 100)
  return {
    kindergartens: rows.length,
    children,
    publicChildren,
    inclusivePrivateChildren,
    coverage: pct(publicChildren + inclusivePrivateChildren),
    publicShare: pct(publicChildren),
    newInclusivePlaces,
  }
}
