/**
 * How balance numbers read on screen (counts grouped, CVs with the three decimals they are
 * published with, money in 万元) and the two rules the pages colour by: a CV against its limit,
 * and a school's value against its county's spread.
 */
export { percentText, wanText } from '../statistics/format'

/** Counts grouped by thousands: 40,918. */
export function countText(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toLocaleString('zh-CN')
}

/** A coefficient with three decimals: 0.067. */
export function cvText(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toFixed(3)
}

/** A change with its sign: +0.020 / −0.003 / 0.000. */
export function signedCv(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  const abs = Math.abs(v).toFixed(3)
  if (Number(abs) === 0) return '0.000'
  return v > 0 ? `+${abs}` : `−${abs}`
}

/** A per-pupil value: two decimals below 100, whole numbers above (equipment in yuan per pupil). */
export function valueText(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  const d = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 1 ? 2 : 3
  return v.toLocaleString('zh-CN', { minimumFractionDigits: d, maximumFractionDigits: d })
}

/** A CV at or above this share of its limit is "near" it (amber). */
export const NEAR_SHARE = 0.8

export type Heat = 'within' | 'near' | 'beyond' | 'none'

/** Green within the limit, amber from 80 % of it, red beyond it; no colour without a value. */
export function heatOf(cv: number | null | undefined, limit: number): Heat {
  if (cv === null || cv === undefined) return 'none'
  if (cv > limit) return 'beyond'
  if (cv >= limit * NEAR_SHARE) return 'near'
  return 'within'
}

export const HEAT_COLORS: Record<Heat, { background: string; color: string }> = {
  within: { background: '#f6ffed', color: '#237804' },
  near: { background: '#fffbe6', color: '#ad6800' },
  beyond: { background: '#fff1f0', color: '#cf1322' },
  none: { background: 'transparent', color: 'inherit' },
}

/**
 * Whether a school pulls its county's CV up in an indicator: the CV is material (at least half its
 * limit: below that there are no gaps worth naming) and the school's value lies more than one
 * enrolment-weighted standard deviation from the county mean (S = CV × mean). Those schools carry
 * most of the weighted variance, so bringing them towards the mean lowers the CV most.
 */
export function pullsUp(
  value: number | undefined,
  mean: number | null,
  cv: number | null,
  limit: number,
): boolean {
  if (value === undefined || mean === null || cv === null || mean === 0) return false
  return cv >= limit * MATERIAL_SHARE && Math.abs(value - mean) > cv * mean
}

/** A CV below this share of its limit names no school as pulling it up. */
export const MATERIAL_SHARE = 0.5

/** The school's distance from the county mean, in percent of the mean (signed). */
export function deviationPct(value: number | undefined, mean: number | null): number | null {
  if (value === undefined || mean === null || mean === 0) return null
  return ((value - mean) / mean) * 100
}

/** Enrolment rows count `children` (pupils): tell antd's Table it is no tree of child rows. */
export const NO_TREE = { childrenColumnName: '__noChildRows' } as const
