/**
 * Targets (目标) per indicator, unit and period, and what a report says about them: how far a
 * figure has come (attainment), whether it got there before the period ended ("提前达到95.6%的年度
 * 目标"), a traffic light, and a ranking of units. Pure.
 */

export type Better = 'higher' | 'lower'
export type Light = 'green' | 'yellow' | 'red'

export interface TargetStatus {
  target: number
  /** value ÷ target × 100 when higher is better; target ÷ value × 100 when lower is better. */
  attainmentPct: number | null
  attained: boolean
  /** Attained while the period still had days to run (as of a date before its last day). */
  attainedEarly: boolean
  light: Light | null
}

export interface Bands {
  /** Attainment (%) from which the light is yellow rather than red; green is attained. Default 90. */
  yellowFrom?: number
}

export function targetStatus(
  value: number | null,
  target: number,
  better: Better,
  asOf: string,
  periodEnd: string,
  bands: Bands = {},
): TargetStatus {
  if (value === null)
    return { target, attainmentPct: null, attained: false, attainedEarly: false, light: null }
  const attained = better === 'higher' ? value >= target : value <= target
  let attainmentPct: number | null
  if (better === 'higher') attainmentPct = target === 0 ? (value >= 0 ? 100 : 0) : (value / target) * 100
  else attainmentPct = value === 0 ? (target >= 0 ? 100 : 0) : (target / value) * 100
  const yellowFrom = bands.yellowFrom ?? 90
  const light: Light = attained ? 'green' : attainmentPct >= yellowFrom ? 'yellow' : 'red'
  return { target, attainmentPct, attained, attainedEarly: attained && asOf < periodEnd, light }
}

export interface Ranked<T> {
  item: T
  value: number | null
  /** 1-based; equal values share a rank and the next rank skips (1, 2, 2, 4). Null values: no rank. */
  rank: number | null
}

/**
 * Ranks units by a figure: best first (highest when higher is better, lowest otherwise), ties
 * sharing a rank, units without a value last and unranked.
 */
export function rank<T>(items: readonly { item: T; value: number | null }[], better: Better): Ranked<T>[] {
  const withValue = items.filter((x): x is { item: T; value: number } => x.value !== null)
  const without = items.filter((x) => x.value === null)
  withValue.sort((a, b) => (better === 'higher' ? b.value - a.value : a.value - b.value))
  const out: Ranked<T>[] = []
  withValue.forEach((x, i) => {
    const prev = out[i - 1]
    const rank = prev && prev.value === x.value ? (prev.rank ?? i + 1) : i + 1
    out.push({ item: x.item, value: x.value, rank })
  })
  for (const x of without) out.push({ item: x.item, value: null, rank: null })
  return out
}
