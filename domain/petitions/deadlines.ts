/**
 * Statutory deadlines of a petition (信访工作条例, 2022), computed from the dates a case has
 * recorded so far. Every period runs from the day after its trigger and ends on a working day
 * (see domain/calendar for the 民法典 counting rules).
 */
import {
  addDays,
  addWorkingDays,
  nextWorkingDay,
  periodEnd,
  type WorkCalendar,
} from '../calendar/calendar.js'

export const LIMITS = {
  /** Tell the petitioner within 15 days of receipt whether the matter is accepted. */
  noticeDays: 15,
  /** A unit that receives a forwarded matter may object (not its remit) within 5 working days. */
  objectionWorkingDays: 5,
  /** Handle and reply within 60 days of acceptance … */
  handlingDays: 60,
  /** … extendable once approved, by no more than 30 days in total. */
  maxExtensionDays: 30,
  /** The petitioner may ask for a review (复查) within 30 days of the reply; */
  reviewRequestDays: 30,
  /** the reviewing body decides within 30 days. */
  reviewDecisionDays: 30,
  /** a re-review (复核) may be requested within 30 days of the review decision; */
  rereviewRequestDays: 30,
  /** and is decided within 30 days. */
  rereviewDecisionDays: 30,
} as const

export interface CaseDates {
  receivedOn: string
  /** Forwarded / assigned to another unit (转送/交办); that unit may object within 5 working days. */
  forwardedOn: string | null
  /** 受理; the date of the written acceptance notice counts as acceptance. */
  acceptedOn: string | null
  /** Total approved extension in days, 0..30. */
  extensionDays: number
  /** 答复 / 办结. */
  repliedOn: string | null
  /** 复查申请. */
  reviewRequestedOn: string | null
  reviewDecidedOn: string | null
  /** 复核申请. */
  rereviewRequestedOn: string | null
  rereviewDecidedOn: string | null
}

export interface Deadlines {
  noticeDue: string
  objectionDue: string | null
  handlingDue: string | null
  reviewRequestDue: string | null
  reviewDue: string | null
  rereviewRequestDue: string | null
  rereviewDue: string | null
}

/** @throws RangeError when extensionDays is not an integer in 0..30, or a date is malformed. */
export function computeDeadlines(cal: WorkCalendar, d: CaseDates): Deadlines {
  const ext = d.extensionDays
  if (!Number.isInteger(ext) || ext < 0 || ext > LIMITS.maxExtensionDays) {
    throw new RangeError(`extensionDays must be an integer in 0..${LIMITS.maxExtensionDays}, got ${ext}`)
  }
  const within = (from: string | null, days: number) => (from === null ? null : periodEnd(cal, from, days))
  return {
    noticeDue: periodEnd(cal, d.receivedOn, LIMITS.noticeDays),
    objectionDue:
      d.forwardedOn === null ? null : addWorkingDays(cal, d.forwardedOn, LIMITS.objectionWorkingDays),
    handlingDue: d.acceptedOn === null ? null : handlingDue(cal, d.acceptedOn, ext),
    reviewRequestDue: within(d.repliedOn, LIMITS.reviewRequestDays),
    reviewDue: within(d.reviewRequestedOn, LIMITS.reviewDecisionDays),
    rereviewRequestDue: within(d.reviewDecidedOn, LIMITS.rereviewRequestDays),
    rereviewDue: within(d.rereviewRequestedOn, LIMITS.rereviewDecisionDays),
  }
}

/**
 * The extension continues from the unextended raw end (accepted + 60), not from a rolled-forward
 * end; the rest-day rule is applied once, to the final day. Rolling first and then adding would
 * let a holiday at day 60 lengthen the total beyond 60 + extension.
 */
function handlingDue(cal: WorkCalendar, acceptedOn: string, extensionDays: number): string {
  return nextWorkingDay(cal, addDays(acceptedOn, LIMITS.handlingDays + extensionDays))
}
