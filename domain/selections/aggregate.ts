/**
 * From the experts' totals to an application's score (评审结果): the mean, or — with at least five
 * experts — the trimmed mean that drops one highest and one lowest total (去掉一个最高分和一个最低
 * 分), the usual rule of Chinese expert reviews. A dispersion flag marks applications on which the
 * experts disagree by more than a margin (max − min), for the panel to discuss before ranking.
 */
import { round2 } from './rubric.js'

export type Aggregation = 'mean' | 'trimmed_mean'

export interface Aggregate {
  score: number | null
  method: Aggregation
  /** Which totals were dropped (trimmed mean): their indexes in the input. */
  dropped: number[]
  spread: number | null
  dispersed: boolean
}

export const TRIM_FROM = 5

export function aggregateScores(totals: readonly number[], want: Aggregation, margin: number): Aggregate {
  if (totals.length === 0) return { score: null, method: want, dropped: [], spread: null, dispersed: false }
  const spread = round2(Math.max(...totals) - Math.min(...totals))
  const dispersed = spread > margin
  if (want === 'trimmed_mean' && totals.length >= TRIM_FROM) {
    // Drop exactly one highest and one lowest, even when several experts gave the same total
    // (first of the highest, last of the lowest: distinct indexes whenever there are two totals).
    const drop = [totals.indexOf(Math.max(...totals)), totals.lastIndexOf(Math.min(...totals))]
    const kept = totals.filter((_t, i) => !drop.includes(i))
    return {
      score: round2(mean(kept)),
      method: 'trimmed_mean',
      dropped: drop.sort((a, b) => a - b),
      spread,
      dispersed,
    }
  }
  // Fewer than five experts: trimming would throw away too much; the mean is used and says so.
  return { score: round2(mean(totals)), method: 'mean', dropped: [], spread, dispersed }
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
