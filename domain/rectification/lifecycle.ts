/**
 * Problems found and their rectification (检视问题 → 整改 → 销号). The transition table is the single
 * source of truth: the API refuses what it does not list, the UI offers what it lists.
 *
 *   open ──start──▶ rectifying ──complete──▶ rectified ──signoff──▶ signed_off
 *                        ▲                        │                     │
 *                        └───────── reopen (with a reason) ─────────────┘
 *
 * `complete` needs every live measure done (and at least one measure); `signoff` needs a piece of
 * evidence and a reviewer who is not the problem's owner.
 */

export const PROBLEM_STATUSES = ['open', 'rectifying', 'rectified', 'signed_off'] as const
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number]

/** Actions of the actions route; sign-off has its own route (its own permission and record). */
export const PROBLEM_ACTIONS = ['start', 'complete', 'reopen'] as const
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number]

export const PROBLEM_SOURCES = [
  'self_review',
  'research_finding',
  'inspection',
  'public_feedback',
  'petition_analysis',
  'balance_warning',
] as const
export type ProblemSource = (typeof PROBLEM_SOURCES)[number]

export const SOURCE_LABELS: Record<ProblemSource, { zh: string; en: string }> = {
  self_review: { zh: '自我检视', en: 'Self-review' },
  research_finding: { zh: '调研发现', en: 'Research finding' },
  inspection: { zh: '督导检查', en: 'Inspection' },
  public_feedback: { zh: '群众反映', en: 'Public feedback' },
  petition_analysis: { zh: '信访分析', en: 'Petition analysis' },
  balance_warning: { zh: '均衡预警', en: 'Balance warning' },
}

export const STATUS_LABELS: Record<ProblemStatus, { zh: string; en: string }> = {
  open: { zh: '待整改', en: 'Open' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  rectified: { zh: '已整改待销号', en: 'Rectified, awaiting sign-off' },
  signed_off: { zh: '已销号', en: 'Signed off' },
}

export const MEASURE_STATUSES = ['todo', 'doing', 'done'] as const
export type MeasureStatus = (typeof MEASURE_STATUSES)[number]

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, { zh: string; en: string }> = {
  todo: { zh: '未开始', en: 'To do' },
  doing: { zh: '推进中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
}

type Step = ProblemAction | 'signoff'

/** step → (from → to). A missing entry is an illegal transition. */
const TRANSITIONS: Record<Step, Partial<Record<ProblemStatus, ProblemStatus>>> = {
  start: { open: 'rectifying' },
  complete: { rectifying: 'rectified' },
  signoff: { rectified: 'signed_off' },
  // Sent back: by the reviewer who will not sign it off, or after a sign-off that proved premature.
  reopen: { rectified: 'rectifying', signed_off: 'rectifying' },
}

/** null = not allowed from this status. */
export function nextProblemStatus(status: ProblemStatus, step: Step): ProblemStatus | null {
  return TRANSITIONS[step][status] ?? null
}

export function allowedProblemActions(status: ProblemStatus): ProblemAction[] {
  return PROBLEM_ACTIONS.filter((a) => nextProblemStatus(status, a) !== null)
}

/** Measures and evidence may change until the problem is declared rectified. */
export function isProblemLocked(status: ProblemStatus): boolean {
  return status === 'rectified' || status === 'signed_off'
}

export interface Refusal {
  /**
   * HTTP status the API answers with: 400 (fix the input), 403 (not you), 409 (not now),
   * 413 / 415 (a file too large / of a kind not accepted).
   */
  status: 400 | 403 | 409 | 413 | 415
  code: string
  field?: string
  params?: Record<string, string | number>
}

export interface MeasureState {
  status: MeasureStatus
  voided: boolean
}

const illegal = (from: ProblemStatus, action: Step): Refusal => ({
  status: 409,
  code: 'problem_illegal_transition',
  field: 'action',
  params: { from, action },
})

/** Why the action may not be taken now, or null when it may. */
export function checkProblemAction(
  status: ProblemStatus,
  action: ProblemAction,
  o: { measures: readonly MeasureState[]; reason?: string | null | undefined },
): Refusal | null {
  if (nextProblemStatus(status, action) === null) return illegal(status, action)
  if (action === 'reopen' && !o.reason?.trim())
    return { status: 400, code: 'problem_reason_required', field: 'reason' }
  if (action === 'complete') {
    const live = o.measures.filter((m) => !m.voided)
    if (live.length === 0) return { status: 409, code: 'problem_measures_required', field: 'action' }
    const open = live.filter((m) => m.status !== 'done').length
    if (open > 0)
      return {
        status: 409,
        code: 'problem_measures_open',
        field: 'action',
        params: { open, total: live.length },
      }
  }
  return null
}

export interface SignoffCheck {
  status: ProblemStatus
  /** Live (not voided) evidence files. */
  evidence: number
  reviewerId: number
  /** Who recorded the problem, and who is responsible for it: neither may sign it off. */
  createdBy: number | null
  responsibleUserId: number | null
}

/** 销号: a rectified problem, evidence on file, and a reviewer who is not its owner. */
export function checkSignoff(c: SignoffCheck): Refusal | null {
  if (nextProblemStatus(c.status, 'signoff') === null) return illegal(c.status, 'signoff')
  if (c.reviewerId !== 0 && (c.reviewerId === c.createdBy || c.reviewerId === c.responsibleUserId))
    return { status: 403, code: 'problem_signoff_by_owner' }
  if (c.evidence < 1) return { status: 409, code: 'problem_signoff_needs_evidence', field: 'evidence' }
  return null
}

/** A measure not done whose deadline has passed (the deadline day itself is still in time). */
export function isMeasureOverdue(
  m: { status: MeasureStatus; deadline: string | null; voided: boolean },
  today: string,
): boolean {
  return !m.voided && m.status !== 'done' && m.deadline !== null && m.deadline < today
}

/** part ÷ whole to 4 decimals; null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000
}

export interface StatusCount {
  status: ProblemStatus
  fixAtOnce: boolean
  n: number
}

export interface Tally {
  /** Live problems found. */
  found: number
  open: number
  rectifying: number
  /** Rectified and awaiting sign-off. */
  rectified: number
  signedOff: number
  /** 完成整改: rectified + signed off. */
  completed: number
  fixAtOnce: number
  /** Live measures past their deadline and not done. */
  overdueMeasures: number
  /** 整改率 (销号率): signed off ÷ found. */
  rate: number | null
  /** 完成整改率: (rectified + signed off) ÷ found. */
  completionRate: number | null
}

/** Adds up grouped counts of live problems (and the overdue measures of the same group). */
export function tally(counts: readonly StatusCount[], overdueMeasures = 0): Tally {
  const t = {
    found: 0,
    open: 0,
    rectifying: 0,
    rectified: 0,
    signedOff: 0,
    fixAtOnce: 0,
  }
  for (const c of counts) {
    t.found += c.n
    if (c.fixAtOnce) t.fixAtOnce += c.n
    if (c.status === 'open') t.open += c.n
    else if (c.status === 'rectifying') t.rectifying += c.n
    else if (c.status === 'rectified') t.rectified += c.n
    else if (c.status === 'signed_off') t.signedOff += c.n
  }
  const completed = t.rectified + t.signedOff
  return {
    ...t,
    completed,
    overdueMeasures,
    rate: rate(t.signedOff, t.found),
    completionRate: rate(completed, t.found),
  }
}
