/**
 * Ranking and decision (排名与确定). The tie rule, documented for the public notice:
 *   1. the higher final score;
 *   2. then the higher score on the rubric's heaviest top-level criterion (the first listed when
 *      two weigh the same), averaged over the experts whose totals counted;
 *   3. then the higher median of the experts' totals;
 *   4. still equal: the same rank (并列), and the quota decides them together — if they do not all
 *      fit, none of them is selected automatically and the decision says so (a leader resolves it).
 * A selection takes the top `quota`; an accreditation passes every application at or above the
 * pass mark.
 */

export interface Ranked<T> {
  item: T
  rank: number
  outcome: 'selected' | 'passed' | 'not_selected' | 'failed' | 'tie_at_quota'
}

export interface RankInput {
  score: number | null
  heaviest: number | null
  median: number | null
}

const cmp = (a: number | null, b: number | null) => (b ?? -Infinity) - (a ?? -Infinity)

export function compareForRank(a: RankInput, b: RankInput): number {
  return cmp(a.score, b.score) || cmp(a.heaviest, b.heaviest) || cmp(a.median, b.median)
}

export function rankApplications<T extends RankInput>(
  items: readonly T[],
  rule: { kind: 'selection'; quota: number } | { kind: 'accreditation'; passMark: number },
): Ranked<T>[] {
  const sorted = [...items].sort(compareForRank)
  const ranked: Ranked<T>[] = []
  for (const [i, item] of sorted.entries()) {
    const prev = ranked[i - 1]
    const rank = prev && compareForRank(prev.item, item) === 0 ? prev.rank : i + 1
    ranked.push({ item, rank, outcome: 'not_selected' })
  }
  if (rule.kind === 'accreditation') {
    for (const r of ranked)
      r.outcome = r.item.score !== null && r.item.score >= rule.passMark ? 'passed' : 'failed'
    return ranked
  }
  for (const r of ranked) {
    if (r.item.score === null) continue
    const sameRank = ranked.filter((x) => x.rank === r.rank).length
    const lastPlace = r.rank + sameRank - 1
    if (lastPlace <= rule.quota) r.outcome = 'selected'
    else if (r.rank <= rule.quota) r.outcome = 'tie_at_quota'
  }
  return ranked
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}
