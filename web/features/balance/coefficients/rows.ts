/** The coefficient list regrouped for the tables: one row per county, one per city. */
import type { CountyStage, IndicatorCv, Stage } from '../types'

export type IndicatorSet = 'basic' | 'quality'

export interface CountyRow {
  countyId: number
  county: string
  city: string | null
  primary?: CountyStage
  junior?: CountyStage
  rose: boolean
}

export function countyRows(list: readonly CountyStage[]): CountyRow[] {
  const out = new Map<number, CountyRow>()
  for (const s of list) {
    const row = out.get(s.countyId) ?? {
      countyId: s.countyId,
      county: s.county,
      city: s.city,
      rose: false,
    }
    row[s.stage] = s
    row.rose ||= s.rose
    out.set(s.countyId, row)
  }
  return [...out.values()]
}

export const indicatorsOf = (s: CountyStage | undefined, set: IndicatorSet): IndicatorCv[] =>
  s ? s[set].indicators : []

/** The indicator columns, in the API's order, from the first county that has them. */
export function indicatorColumns(
  rows: readonly CountyRow[],
  set: IndicatorSet,
): { key: string; name: string }[] {
  for (const r of rows) {
    const list = indicatorsOf(r.primary ?? r.junior, set)
    if (list.length > 0) return list.map((i) => ({ key: i.key, name: i.name }))
  }
  return []
}

export interface CityRow {
  city: string
  counties: number
  rose: number
  failing2017: number
  failingComposite: number
  maxComposite: Record<Stage, number | null>
}

const NO_CITY = ''

/** Counties grouped by their city (a province-wide scope starts here). */
export function cityRows(rows: readonly CountyRow[]): CityRow[] {
  const out = new Map<string, CityRow>()
  for (const r of rows) {
    const key = r.city ?? NO_CITY
    const c = out.get(key) ?? {
      city: key,
      counties: 0,
      rose: 0,
      failing2017: 0,
      failingComposite: 0,
      maxComposite: { primary: null, junior: null },
    }
    c.counties += 1
    if (r.rose) c.rose += 1
    const stages = [r.primary, r.junior].filter((s): s is CountyStage => s !== undefined)
    if (stages.some((s) => s.quality.pass === false)) c.failing2017 += 1
    if (stages.some((s) => s.basic.pass === false)) c.failingComposite += 1
    for (const s of stages) {
      const v = s.basic.composite
      const m = c.maxComposite[s.stage]
      if (v !== null && (m === null || v > m)) c.maxComposite[s.stage] = v
    }
    out.set(key, c)
  }
  return [...out.values()]
}
