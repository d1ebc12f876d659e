/**
 * The petition state machine. The transition table is the single source of truth: nextStatus,
 * allowedActions and checkAction all read it, so the UI, the API and the figures can't disagree.
 */
import { isIsoDate, type WorkCalendar } from '../calendar/calendar.js'
import { type CaseDates, computeDeadlines, LIMITS } from './deadlines.js'

export const STATUSES = [
  'registered', // 登记
  'forwarded', // 已转送, awaiting the receiving unit
  'not_accepted', // 不予受理 / 不属于职权范围 — terminal
  'handling', // 办理中 (accepted)
  'extended', // 延期办理
  'replied', // 已答复 / 办结
  'review', // 复查中
  'reviewed', // 复查已决定
  'rereview', // 复核中
  'final', // 终结: the same matter is not accepted again
] as const
export type Status = (typeof STATUSES)[number]

export const ACTIONS = [
  'accept',
  'forward',
  'object',
  'decline',
  'extend',
  'reply',
  'request_review',
  'decide_review',
  'request_rereview',
  'decide_rereview',
  'finalise',
  'visit',
] as const
export type Action = (typeof ACTIONS)[number]

export const OUTCOMES = ['supported', 'explained', 'not_supported'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** 回访 satisfaction. */
export const SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const
export type Satisfaction = (typeof SATISFACTIONS)[number]

/** action → (from status → to status). A missing entry is an illegal transition. */
const TRANSITIONS: Record<Action, Partial<Record<Status, Status>>> = {
  accept: { registered: 'handling', forwarded: 'handling' },
  forward: { registered: 'forwarded' },
  // The receiving unit says "not ours": the matter goes back to the registering office.
  object: { forwarded: 'registered' },
  decline: { registered: 'not_accepted', forwarded: 'not_accepted' },
  extend: { handling: 'extended', extended: 'extended' },
  reply: { handling: 'replied', extended: 'replied' },
  request_review: { replied: 'review' },
  decide_review: { review: 'reviewed' },
  request_rereview: { reviewed: 'rereview' },
  decide_rereview: { rereview: 'final' },
  // The review window lapsed, or the petitioner accepts the reply / review decision.
  finalise: { replied: 'final', reviewed: 'final' },
  // 回访 records satisfaction and leaves the status alone.
  visit: { replied: 'replied', reviewed: 'reviewed', final: 'final' },
}

/** null = the action is not allowed in this status. */
export function nextStatus(status: Status, action: Action): Status | null {
  return TRANSITIONS[action][status] ?? null
}

export function allowedActions(status: Status): Action[] {
  return ACTIONS.filter((a) => nextStatus(status, a) !== null)
}

/**
 * Closed (办结) for figures. A reply closes the case; a later review or re-review is a new
 * procedure on a closed case and does not reopen the count.
 */
const CLOSED: ReadonlySet<Status> = new Set<Status>([
  'replied',
  'review',
  'reviewed',
  'rereview',
  'final',
  'not_accepted',
])
export function isClosed(status: Status): boolean {
  return CLOSED.has(status)
}

export interface ActionInput {
  action: Action
  /** The date the action happened, YYYY-MM-DD. */
  on: string
  /** extend: the days this extension adds (a positive integer). */
  extensionDays?: number
  /** reply: required. */
  outcome?: Outcome
  /** visit: required. */
  satisfaction?: Satisfaction
}

export type RefusalCode =
  | 'illegal_transition'
  | 'extension_too_long'
  | 'extension_invalid'
  | 'date_before_previous'
  | 'late_review_request'
  | 'late_rereview_request'
  | 'late_objection'
  | 'outcome_required'
  | 'satisfaction_required'
export type Refusal = { code: RefusalCode; params?: Record<string, string | number> }

/** The latest date the case has recorded; ISO strings compare correctly as strings. */
export function lastRecordedDate(d: CaseDates): string {
  const all = [
    d.receivedOn,
    d.forwardedOn,
    d.acceptedOn,
    d.repliedOn,
    d.reviewRequestedOn,
    d.reviewDecidedOn,
    d.rereviewRequestedOn,
    d.rereviewDecidedOn,
  ].filter((x): x is string => x !== null)
  // Not Math.max: these are strings. receivedOn is always there, so the list is never empty.
  return all.sort().at(-1) as string
}

/**
 * Why the action may not be taken now, or null when it may. Checks run in a fixed order:
 * transition, date order, then the action's own rule, so the first problem a user can fix is reported.
 * @throws RangeError when `input.on` or a recorded date is not a real YYYY-MM-DD date
 *   (a programming error: the API validates dates before they get here).
 */
export function checkAction(
  cal: WorkCalendar,
  status: Status,
  dates: CaseDates,
  input: ActionInput,
): Refusal | null {
  const { action, on } = input
  if (!isIsoDate(on)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(on)}`)
  if (nextStatus(status, action) === null) return { code: 'illegal_transition', params: { status, action } }

  const last = lastRecordedDate(dates)
  if (on < last) return { code: 'date_before_previous', params: { last } }

  switch (action) {
    case 'extend':
      return checkExtension(dates.extensionDays, input.extensionDays)
    case 'reply':
      return input.outcome !== undefined && OUTCOMES.includes(input.outcome)
        ? null
        : { code: 'outcome_required' }
    case 'visit':
      return input.satisfaction !== undefined && SATISFACTIONS.includes(input.satisfaction)
        ? null
        : { code: 'satisfaction_required' }
    case 'object':
    case 'request_review':
    case 'request_rereview':
      return checkWindow(cal, dates, action, on)
    default:
      return null
  }
}

function checkExtension(used: number, requested: number | undefined): Refusal | null {
  if (requested === undefined || !Number.isInteger(requested) || requested <= 0) {
    return { code: 'extension_invalid' }
  }
  if (used + requested > LIMITS.maxExtensionDays) {
    return { code: 'extension_too_long', params: { max: LIMITS.maxExtensionDays, used, requested } }
  }
  return null
}

/** Requests filed after their window are not accepted (statute), objections likewise. */
function checkWindow(
  cal: WorkCalendar,
  dates: CaseDates,
  action: 'object' | 'request_review' | 'request_rereview',
  on: string,
): Refusal | null {
  const dl = computeDeadlines(cal, dates)
  const [due, code] =
    action === 'object'
      ? [dl.objectionDue, 'late_objection' as const]
      : action === 'request_review'
        ? [dl.reviewRequestDue, 'late_review_request' as const]
        : [dl.rereviewRequestDue, 'late_rereview_request' as const]
  // A missing trigger date means the status and dates disagree; there is no window to enforce.
  if (due !== null && on > due) return { code, params: { due } }
  return null
}

/**
 * The case dates after the action. Assumes checkAction passed. `decline`, `finalise` and `visit`
 * record nothing here (their dates live in the case's action log).
 */
export function applyAction(dates: CaseDates, input: ActionInput): CaseDates {
  const { on } = input
  switch (input.action) {
    case 'accept':
      return { ...dates, acceptedOn: on }
    case 'forward':
      return { ...dates, forwardedOn: on }
    case 'object':
      // Back with the registering office; a new forward starts a new objection window.
      return { ...dates, forwardedOn: null }
    case 'extend': {
      const add = input.extensionDays
      if (add === undefined || !Number.isInteger(add) || add <= 0) {
        throw new RangeError(`extend needs a positive integer extensionDays, got ${add}`)
      }
      return { ...dates, extensionDays: dates.extensionDays + add }
    }
    case 'reply':
      return { ...dates, repliedOn: on }
    case 'request_review':
      return { ...dates, reviewRequestedOn: on }
    case 'decide_review':
      return { ...dates, reviewDecidedOn: on }
    case 'request_rereview':
      return { ...dates, rereviewRequestedOn: on }
    case 'decide_rereview':
      return { ...dates, rereviewDecidedOn: on }
    case 'decline':
    case 'finalise':
    case 'visit':
      return { ...dates }
  }
}
