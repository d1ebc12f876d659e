/**
 * Which deadline a case is currently running against, and how close it is — for lists, badges
 * and reminders. Only statuses where *we* owe something have a due date; a replied case waiting
 * for the petitioner's review request is not overdue on our side.
 */
import { daysBetween } from '../calendar/calendar.js'
import type { Deadlines } from './deadlines.js'
import type { Status } from './lifecycle.js'

export type DueState = 'none' | 'ok' | 'due_soon' | 'overdue'
export type Stage = 'notice' | 'objection' | 'handling' | 'review' | 'rereview'

export interface StageDue {
  stage: Stage | null
  due: string | null
  daysLeft: number | null
  state: DueState
}

const NONE: StageDue = { stage: null, due: null, daysLeft: null, state: 'none' }

/** @param dueSoonDays due_soon when 0 ≤ daysLeft ≤ dueSoonDays. */
export function currentDue(
  status: Status,
  deadlines: Deadlines,
  today: string,
  dueSoonDays: number,
): StageDue {
  const running = runningDeadline(status, deadlines)
  if (running === null) return NONE
  const daysLeft = daysBetween(today, running.due)
  const state: DueState = daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays ? 'due_soon' : 'ok'
  return { stage: running.stage, due: running.due, daysLeft, state }
}

function runningDeadline(status: Status, dl: Deadlines): { stage: Stage; due: string } | null {
  const pick = (stage: Stage, due: string | null) => (due === null ? null : { stage, due })
  switch (status) {
    case 'registered':
      return pick('notice', dl.noticeDue)
    case 'forwarded':
      // Forwarding does not stop the 15-day notice clock; whichever ends first is the one to watch.
      // On a tie the objection is shown, as that is what the receiving unit has to act on.
      if (dl.objectionDue !== null && dl.objectionDue <= dl.noticeDue)
        return pick('objection', dl.objectionDue)
      return pick('notice', dl.noticeDue)
    case 'handling':
    case 'extended':
      return pick('handling', dl.handlingDue)
    case 'review':
      return pick('review', dl.reviewDue)
    case 'rereview':
      return pick('rereview', dl.rereviewDue)
    default:
      return null
  }
}
