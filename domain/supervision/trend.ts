/**
 * The overdue trend (逾期任务走势): how many key tasks were past their deadline and not done at the
 * end of each of the last weeks, reconstructed from what the ledger records: the start date, the
 * done date, and every deadline move (an edit before start, an approved extension) with the day it
 * happened. A deadline moved on day E counts from E on, so a task overdue before its extension was
 * approved shows as overdue in the weeks before E. Cancelled tasks are left out, as in every other
 * supervision figure; a reopened task counts as open from its start (its earlier done date is gone).
 * At today the count equals the figures' `overdueNow`.
 */
import { addDays } from '../calendar/calendar.js'
import { isOpen, type TaskStatus } from './workflow.js'

export interface DeadlineMove {
  /** The day the move took effect. */
  on: string
  /** The deadline in force before it. */
  from: string
}

export interface TrendTask {
  status: TaskStatus
  startsOn: string
  /** The deadline in force now. */
  deadline: string
  doneOn: string | null
  /** Oldest first (same-day moves in the order they were recorded). */
  moves: readonly DeadlineMove[]
}

/** The deadline in force at the end of `day`: the `from` of the first move made after that day. */
export function deadlineOn(t: Pick<TrendTask, 'deadline' | 'moves'>, day: string): string {
  return t.moves.find((m) => m.on > day)?.from ?? t.deadline
}

/** Past its deadline and not done at the end of `day` (the deadline day itself is still in time). */
export function overdueOn(t: TrendTask, day: string): boolean {
  if (t.status === 'cancelled' || t.startsOn > day) return false
  const done = !isOpen(t.status) && t.doneOn !== null && t.doneOn <= day
  return !done && deadlineOn(t, day) < day
}

/** `points` days, `stepDays` apart, ending today, oldest first. */
export function trendDays(today: string, points: number, stepDays: number): string[] {
  return Array.from({ length: points }, (_, i) => addDays(today, -(points - 1 - i) * stepDays))
}

export function overdueTrend(tasks: readonly TrendTask[], days: readonly string[]) {
  return days.map((on) => ({ on, overdue: tasks.filter((t) => overdueOn(t, on)).length }))
}
