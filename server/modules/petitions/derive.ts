/** Between the stored case row and the domain's deadline maths. */
import { periodEnd, type WorkCalendar } from '../../../domain/calendar/calendar.js'
import {
  type CaseDates,
  computeDeadlines,
  type Deadlines,
  LIMITS,
} from '../../../domain/petitions/deadlines.js'
import type { Status } from '../../../domain/petitions/lifecycle.js'
import { currentDue, type StageDue } from '../../../domain/petitions/stage.js'
import type { CaseRow } from './repository.js'

type DateFields = Pick<
  CaseRow,
  | 'received_on'
  | 'forwarded_on'
  | 'accepted_on'
  | 'extension_days'
  | 'replied_on'
  | 'review_requested_on'
  | 'review_decided_on'
  | 'rereview_requested_on'
  | 'rereview_decided_on'
>

export function caseDates(r: DateFields): CaseDates {
  return {
    receivedOn: r.received_on,
    forwardedOn: r.forwarded_on,
    acceptedOn: r.accepted_on,
    extensionDays: r.extension_days,
    repliedOn: r.replied_on,
    reviewRequestedOn: r.review_requested_on,
    reviewDecidedOn: r.review_decided_on,
    rereviewRequestedOn: r.rereview_requested_on,
    rereviewDecidedOn: r.rereview_decided_on,
  }
}

export function dateFields(d: CaseDates): DateFields {
  return {
    received_on: d.receivedOn,
    forwarded_on: d.forwardedOn,
    accepted_on: d.acceptedOn,
    extension_days: d.extensionDays,
    replied_on: d.repliedOn,
    review_requested_on: d.reviewRequestedOn,
    review_decided_on: d.reviewDecidedOn,
    rereview_requested_on: d.rereviewRequestedOn,
    rereview_decided_on: d.rereviewDecidedOn,
  }
}

/**
 * Old ledgers often record a case as 办理中 without the date it was accepted. Its handling
 * deadline is then counted from the latest lawful acceptance (the notice deadline), so a case
 * overdue even on that reading shows as overdue. The acceptance date itself stays empty, and the
 * case does not count in the on-time notice rate.
 */
function forDeadlines(cal: WorkCalendar, status: Status, r: DateFields): CaseDates {
  const d = caseDates(r)
  if (d.acceptedOn !== null || (status !== 'handling' && status !== 'extended')) return d
  return { ...d, acceptedOn: periodEnd(cal, d.receivedOn, LIMITS.noticeDays) }
}

/**
 * The stored, derived deadline columns. `current_due` is the deadline of the running stage,
 * whatever today is, so "overdue" is `current_due < today` in SQL.
 */
/**
 * Deadlines per calendar, memoised on the dates: an import or a recomputation meets the same
 * few thousand date combinations again and again. A new calendar object (any correction) starts
 * a new memo.
 */
const memos = new WeakMap<WorkCalendar, Map<string, Deadlines>>()
function deadlinesMemo(cal: WorkCalendar, d: CaseDates): Deadlines {
  let memo = memos.get(cal)
  if (!memo) {
    memo = new Map()
    memos.set(cal, memo)
  }
  const key = `${d.receivedOn}|${d.forwardedOn}|${d.acceptedOn}|${d.extensionDays}|${d.repliedOn}|${d.reviewRequestedOn}|${d.reviewDecidedOn}|${d.rereviewRequestedOn}|${d.rereviewDecidedOn}`
  let dl = memo.get(key)
  if (!dl) {
    dl = computeDeadlines(cal, d)
    if (memo.size > 100_000) memo.clear()
    memo.set(key, dl)
  }
  return dl
}

export function derived(cal: WorkCalendar, status: Status, r: DateFields) {
  const dl = deadlinesMemo(cal, forDeadlines(cal, status, r))
  const running = currentDue(status, dl, r.received_on, 0)
  return {
    notice_due: dl.noticeDue,
    handling_due: dl.handlingDue,
    current_stage: running.stage,
    current_due: running.due,
  }
}

export function deadlinesOf(cal: WorkCalendar, status: Status, r: DateFields): Deadlines {
  return computeDeadlines(cal, forDeadlines(cal, status, r))
}

export function dueNow(
  cal: WorkCalendar,
  status: Status,
  r: DateFields,
  today: string,
  dueSoonDays: number,
): StageDue {
  return currentDue(status, deadlinesOf(cal, status, r), today, dueSoonDays)
}

// One definition of today, in server/context.ts; re-exported for this module's files.
export { todayInChina } from '../../context.js'
