/**
 * The public notice (公示): it runs from the day it is published for a number of working days
 * (公示期不少于5个工作日 is the common rule; the programme sets it), counted on the maintained
 * calendar with holidays and make-up days. An objection is accepted through the last day; after
 * it, the list may be made final only if every objection has been answered.
 */
import { addWorkingDays, nextWorkingDay, type WorkCalendar } from '../calendar/calendar.js'

/** Last day of a notice published on `start` for `workingDays` working days (the start day counts if it is one). */
export function noticeEnds(cal: WorkCalendar, start: string, workingDays: number): string {
  const first = nextWorkingDay(cal, start)
  return workingDays <= 1 ? first : addWorkingDays(cal, first, workingDays - 1)
}

export type NoticeState = 'not_published' | 'open' | 'closed'

export function noticeState(today: string, published: string | null, ends: string | null): NoticeState {
  if (!published || !ends) return 'not_published'
  return today <= ends ? 'open' : 'closed'
}

/** Whether the list may be made final: the notice closed and no objection left unanswered. */
export function mayFinalise(state: NoticeState, openObjections: number): boolean {
  return state === 'closed' && openObjections === 0
}
