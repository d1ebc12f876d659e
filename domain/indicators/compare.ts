/**
 * Comparisons a report states about a figure: the change against a base (同比 / 环比), its growth
 * rate, and for percentages the difference in percentage points ("高于全国3个百分点"). Pure.
 */

export interface Comparison {
  base: number | null
  /** value − base. For a percent figure this IS the difference in percentage points. */
  delta: number | null
  /** (value − base) ÷ |base| × 100; null when the base is 0 or missing (a growth from nothing). */
  growthPct: number | null
  /** 增加 / 减少 / 持平, decided on the delta rounded to `decimals` (what the prose will print). */
  direction: 'up' | 'down' | 'flat' | null
}

const round = (x: number, decimals: number) => {
  const f = 10 ** decimals
  return Math.round(x * f) / f
}

export function compare(value: number | null, base: number | null, decimals = 2): Comparison {
  if (value === null || base === null) return { base, delta: null, growthPct: null, direction: null }
  const delta = value - base
  const shown = round(delta, decimals)
  return {
    base,
    delta,
    growthPct: base === 0 ? null : (delta / Math.abs(base)) * 100,
    direction: shown > 0 ? 'up' : shown < 0 ? 'down' : 'flat',
  }
}
