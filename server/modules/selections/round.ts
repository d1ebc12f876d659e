/**
 * The review round: from each application's submitted scores to its aggregate (domain/selections
 * aggregate.ts), the tie-break figures the ranking needs, and the ranking itself (ranking.ts).
 * `heaviest` is the mean, over the experts whose totals counted (the trimmed mean drops two), of
 * the points each gave on the rubric's heaviest top-level criterion (the first when two weigh the
 * same); `median` is the median of all submitted totals.
 */
import { type Aggregate, aggregateScores } from '../../../domain/selections/aggregate.js'
import { median, type Ranked, rankApplications } from '../../../domain/selections/ranking.js'
import { type Criterion, round2 } from '../../../domain/selections/rubric.js'
import type { ApplicationRow, AssignmentRow, ProgrammeRow } from './repository.js'

export interface RoundRow {
  application: ApplicationRow
  assignments: AssignmentRow[]
  /** Submitted totals, in assignment order. */
  totals: number[]
  aggregate: Aggregate
  score: number | null
  heaviest: number | null
  median: number | null
  pending: AssignmentRow[]
}

export function heaviestKey(criteria: readonly Criterion[]): string | null {
  let best: Criterion | null = null
  for (const c of criteria) if (!best || c.weight > best.weight) best = c
  return best?.key ?? null
}

export function roundRows(
  p: Pick<ProgrammeRow, 'aggregation' | 'dispersion_margin'>,
  criteria: readonly Criterion[],
  apps: readonly ApplicationRow[],
  assignments: readonly AssignmentRow[],
): RoundRow[] {
  const heavy = heaviestKey(criteria)
  const byApp = new Map<number, AssignmentRow[]>()
  for (const s of assignments) {
    const list = byApp.get(s.application_id) ?? []
    list.push(s)
    byApp.set(s.application_id, list)
  }
  return apps.map((a) => {
    const mine = byApp.get(a.id) ?? []
    const submitted = mine.filter((s) => s.status === 'submitted' && s.total !== null)
    const totals = submitted.map((s) => s.total as number)
    const aggregate = aggregateScores(totals, p.aggregation as 'mean' | 'trimmed_mean', p.dispersion_margin)
    const counted = submitted.filter((_s, i) => !aggregate.dropped.includes(i))
    const tops = counted.map((s) => (JSON.parse(s.by_top_json) as Record<string, number>)[heavy ?? ''] ?? 0)
    return {
      application: a,
      assignments: mine,
      totals,
      aggregate,
      score: aggregate.score,
      heaviest: tops.length ? round2(tops.reduce((x, y) => x + y, 0) / tops.length) : null,
      median: median(totals),
      pending: mine.filter((s) => s.status !== 'submitted'),
    }
  })
}

export function rankRound(
  p: Pick<ProgrammeRow, 'kind' | 'quota' | 'pass_mark'>,
  rows: readonly RoundRow[],
): Ranked<RoundRow>[] {
  return rankApplications(
    rows,
    p.kind === 'accreditation'
      ? { kind: 'accreditation', passMark: p.pass_mark ?? 0 }
      : { kind: 'selection', quota: p.quota ?? 0 },
  )
}
