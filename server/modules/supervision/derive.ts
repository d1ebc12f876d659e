/** Between stored task rows and the domain's rules: today in China, due state, escalation. */
import { addDays } from '../../../domain/calendar/calendar.js'
import { type Due, dueOf, escalationLevel } from '../../../domain/supervision/due.js'
import type { TaskStatus } from '../../../domain/supervision/workflow.js'
import { type SupervisionSettings, thresholdsOf } from './settings.js'

/** The instant a China calendar day begins, as stored ISO text (for comparisons with `at`). */
export function startOfChinaDay(date: string): string {
  return `${addDays(date, -1)}T16:00:00.000Z`
}

export interface DueNow extends Due {
  escalation: 0 | 1 | 2
}

export function dueNow(
  t: { status: string; deadline: string; done_on: string | null },
  today: string,
  s: SupervisionSettings,
): DueNow {
  const due = dueOf(
    { status: t.status as TaskStatus, deadline: t.deadline, doneOn: t.done_on },
    today,
    s.dueSoonDays,
  )
  return { ...due, escalation: escalationLevel(due.daysOverdue, thresholdsOf(s)) }
}

// One definition of today, in server/context.ts; re-exported for this module's files.
export { todayInChina } from '../../context.js'
