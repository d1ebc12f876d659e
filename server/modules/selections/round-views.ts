/**
 * What overseers read of a round: the summary (each application's experts, totals, aggregate,
 * dispersion flag, who has not submitted, who was excluded and why) and the ranking (a live
 * preview until the decision, the frozen one after it). Applicants see the ranking only once the
 * public notice is published, and then only the list (selected / passed).
 */
import type { Ranked } from '../../../domain/selections/ranking.js'
import type { Ctx, Tx } from '../../context.js'
import { notFound } from '../../http/errors.js'
import { loadOverseenProgramme, loadProgramme } from './access.js'
import { criteriaOf } from './programmes.js'
import {
  type ApplicationRow,
  findRubric,
  listApplications,
  listExclusions,
  listResults,
  liveAssignments,
  type ProgrammeRow,
} from './repository.js'
import { type RoundRow, rankRound, roundRows } from './round.js'

export async function currentRound(db: Tx, p: ProgrammeRow): Promise<RoundRow[]> {
  const rubric = await findRubric(db, p.rubric_id)
  const apps = await listApplications(db, { programmeId: p.id, status: 'submitted' })
  const assignments = await liveAssignments(db, { programmeId: p.id })
  return roundRows(p, criteriaOf(rubric?.criteria_json ?? '[]'), apps, assignments)
}

export async function getRoundSummary(ctx: Ctx, id: number) {
  const p = await loadOverseenProgramme(ctx, ctx.db, id)
  const rows = await currentRound(ctx.db, p)
  const exclusions = await listExclusions(ctx.db, p.id)
  return {
    programmeId: p.id,
    status: p.status,
    assignSeed: p.assign_seed,
    applications: rows.length,
    assignments: rows.reduce((n, r) => n + r.assignments.length, 0),
    submitted: rows.reduce((n, r) => n + r.totals.length, 0),
    rows: rows.map((r) => ({
      applicationId: r.application.id,
      title: r.application.title,
      unit: r.application.unit_name,
      field: r.application.field,
      experts: r.assignments.map((s) => ({
        assignmentId: s.id,
        expertId: s.expert_id,
        expert: s.expert_name,
        how: s.how,
        status: s.status,
        total: s.status === 'submitted' ? s.total : null,
        submittedAt: s.submitted_at,
      })),
      totals: r.totals,
      score: r.aggregate.score,
      method: r.aggregate.method,
      dropped: r.aggregate.dropped,
      spread: r.aggregate.spread,
      dispersed: r.aggregate.dispersed,
      short: r.assignments.length < p.experts_per_application,
      notSubmitted: r.pending.map((s) => s.expert_name),
    })),
    exclusions: exclusions.map((x) => ({
      applicationId: x.application_id,
      expertId: x.expert_id,
      expert: x.expert_name,
      reason: x.reason,
      source: x.source,
      at: x.created_at,
    })),
  }
}

export interface RankingRowView {
  rank: number
  applicationId: number
  title: string
  unitId: number
  unit: string
  score: number | null
  heaviest: number | null
  median: number | null
  method: string
  dispersed: boolean
  experts: number
  outcome: string
  /** After the notice: `revoked` when an objection against it was upheld; else the outcome. */
  finalOutcome: string
}

const FROZEN = ['decided', 'approved', 'notice', 'final']
const LISTED = ['selected', 'passed']

function liveRanking(ranked: Ranked<RoundRow>[]): RankingRowView[] {
  return ranked.map((r) => ({
    rank: r.rank,
    applicationId: r.item.application.id,
    title: r.item.application.title,
    unitId: r.item.application.unit_id,
    unit: r.item.application.unit_name,
    score: r.item.score,
    heaviest: r.item.heaviest,
    median: r.item.median,
    method: r.item.aggregate.method,
    dispersed: r.item.aggregate.dispersed,
    experts: r.item.totals.length,
    outcome: r.outcome,
    finalOutcome: r.outcome,
  }))
}

/** The frozen ranking of the current decision, with the applications' names. */
export async function frozenRanking(db: Tx, p: ProgrammeRow): Promise<RankingRowView[]> {
  const results = await listResults(db, p.id, p.decision_no)
  const apps = new Map<number, ApplicationRow>()
  for (const a of await listApplications(db, { ids: results.map((r) => r.application_id) })) apps.set(a.id, a)
  return results.map((r) => ({
    rank: r.rank,
    applicationId: r.application_id,
    title: apps.get(r.application_id)?.title ?? '',
    unitId: apps.get(r.application_id)?.unit_id ?? 0,
    unit: apps.get(r.application_id)?.unit_name ?? '',
    score: r.score,
    heaviest: r.heaviest,
    median: r.median,
    method: r.method,
    dispersed: r.dispersed === 1,
    experts: r.experts,
    outcome: r.outcome,
    finalOutcome: r.final_outcome ?? r.outcome,
  }))
}

export async function getRanking(ctx: Ctx, id: number) {
  const { p, role } = await loadProgramme(ctx, ctx.db, id)
  const frozen = FROZEN.includes(p.status)
  const rule = { kind: p.kind, quota: p.quota, passMark: p.pass_mark }
  if (role === 'overseer') {
    const rows = frozen
      ? await frozenRanking(ctx.db, p)
      : liveRanking(rankRound(p, await currentRound(ctx.db, p)))
    return { programmeId: p.id, frozen, decisionNo: p.decision_no, rule, rows }
  }
  // Applicants: the published list only.
  if (!['notice', 'final'].includes(p.status)) throw notFound()
  const rows = (await frozenRanking(ctx.db, p)).filter((r) => LISTED.includes(r.finalOutcome))
  return { programmeId: p.id, frozen, decisionNo: p.decision_no, rule, rows }
}
