/**
 * One county's balance in one stage: every indicator's enrolment-weighted CV (weightedCv), the
 * 2017 pass/fail of each CV and of each school's minimums, and the 2012 综合差异系数.
 *
 * Schools with no pupils in the stage are left out with a warning, never divided by; a county with
 * one school, or whose schools all have the same per-pupil value, has CV 0 (also when that value
 * is 0: no school has more than another).
 */
import { compositeCv, weightedCv } from './cv.js'
import {
  BASIC_INDICATORS,
  type BalanceStage,
  type IndicatorDef,
  MINIMUMS_REQUIRED,
  QUALITY_CV_LIMITS,
  QUALITY_INDICATORS,
  round3,
  type StageInput,
  schoolValue,
} from './indicators.js'

export interface StageSchool {
  id: number
  input: StageInput
}

export interface IndicatorResult {
  key: string
  /** County total resource over county pupils (per pupil or per 100 pupils). */
  mean: number | null
  cv: number | null
  limit: number | null
  /** The CV (at the three decimals it is published with) within the limit; null without a limit or a CV. */
  pass: boolean | null
}

export interface Shortfall {
  key: string
  value: number
  minimum: number
}

export interface SchoolResult {
  id: number
  pupils: number
  /** Indicator key → the school's value. */
  values: Record<string, number>
  /** How many of the seven 2017 minimums the school meets, and which it misses. */
  minimumsMet: number
  meetsMinimums: boolean
  shortfalls: Shortfall[]
}

export interface StageResult {
  stage: BalanceStage
  schools: SchoolResult[]
  /** Schools left out because they have no pupils in the stage. */
  zeroPupils: number[]
  pupils: number
  quality: {
    indicators: IndicatorResult[]
    /** Every CV within its limit and every school meeting at least 6 of 7 minimums. */
    pass: boolean | null
    cvsFailing: number
    schoolsBelowMinimums: number
  }
  basic: {
    indicators: IndicatorResult[]
    composite: number | null
    limit: number
    pass: boolean | null
  }
}

function indicatorCv(d: IndicatorDef, schools: readonly StageSchool[]): { mean: number; cv: number } | null {
  const rows = schools.map((s) => ({ pupils: s.input.pupils, resource: d.resource(s.input) }))
  const r = weightedCv(rows, d.per)
  // Equal per-pupil values can leave rounding dust (1e-17) in the SD: equal schools are CV 0.
  if (r) return { mean: r.mean, cv: r.cv < 1e-12 ? 0 : r.cv }
  // weightedCv is undefined at mean 0: with pupils, every school then has 0, and none differs.
  return rows.some((x) => x.pupils > 0) ? { mean: 0, cv: 0 } : null
}

const within = (cv: number | null, limit: number | null) =>
  cv === null || limit === null ? null : round3(cv) <= limit

export function computeStage(
  stage: BalanceStage,
  schools: readonly StageSchool[],
  compositeLimit: number,
): StageResult {
  const counted = schools.filter((s) => s.input.pupils > 0)
  const zeroPupils = schools.filter((s) => !(s.input.pupils > 0)).map((s) => s.id)
  const qualityLimit = QUALITY_CV_LIMITS[stage]

  const quality = QUALITY_INDICATORS.map((d): IndicatorResult => {
    const r = indicatorCv(d, counted)
    return { key: d.key, mean: r?.mean ?? null, cv: r?.cv ?? null, limit: qualityLimit, pass: null }
  }).map((r) => ({ ...r, pass: within(r.cv, r.limit) }))
  const basic = BASIC_INDICATORS.map((d): IndicatorResult => {
    const r = indicatorCv(d, counted)
    return { key: d.key, mean: r?.mean ?? null, cv: r?.cv ?? null, limit: null, pass: null }
  })

  const results = counted.map((s): SchoolResult => {
    const values: Record<string, number> = {}
    for (const d of [...QUALITY_INDICATORS, ...BASIC_INDICATORS]) values[d.key] = schoolValue(d, s.input) ?? 0
    const shortfalls = QUALITY_INDICATORS.flatMap((d) => {
      const value = values[d.key] ?? 0
      const minimum = d.minimum[stage]
      return value < minimum ? [{ key: d.key, value, minimum }] : []
    })
    const minimumsMet = QUALITY_INDICATORS.length - shortfalls.length
    return {
      id: s.id,
      pupils: s.input.pupils,
      values,
      minimumsMet,
      meetsMinimums: minimumsMet >= MINIMUMS_REQUIRED,
      shortfalls,
    }
  })

  const cvs = basic.map((b) => b.cv)
  const composite = cvs.every((c): c is number => c !== null) ? compositeCv(cvs) : null
  const cvsFailing = quality.filter((q) => q.pass === false).length
  const schoolsBelowMinimums = results.filter((r) => !r.meetsMinimums).length
  return {
    stage,
    schools: results,
    zeroPupils,
    pupils: counted.reduce((a, s) => a + s.input.pupils, 0),
    quality: {
      indicators: quality,
      pass: counted.length === 0 ? null : cvsFailing === 0 && schoolsBelowMinimums === 0,
      cvsFailing,
      schoolsBelowMinimums,
    },
    basic: { indicators: basic, composite, limit: compositeLimit, pass: within(composite, compositeLimit) },
  }
}

/** The 2012 综合差异系数 alone (last year's, for the change): no per-school detail. */
export function compositeOf(schools: readonly StageSchool[]): number | null {
  const counted = schools.filter((s) => s.input.pupils > 0)
  const cvs = BASIC_INDICATORS.map((d) => indicatorCv(d, counted)?.cv ?? null)
  return cvs.every((c): c is number => c !== null) ? compositeCv(cvs) : null
}

/** How a county's 综合差异系数 moved from last year (both at three decimals); rose: it grew. */
export function compositeChange(
  current: number | null,
  previous: number | null,
): { change: number | null; rose: boolean } {
  if (current === null || previous === null) return { change: null, rose: false }
  const change = round3(round3(current) - round3(previous))
  return { change, rose: change > 0 }
}
