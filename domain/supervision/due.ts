/**
 * Where a task stands against its deadline today, and how far supervision escalates.
 *
 * - cancelled: out of the count.
 * - done: on time when finished on or before the deadline, else `done_late` (the on-time
 *   completion rate counts it against the unit). A done task is never overdue.
 * - open: `overdue` after the deadline day (the deadline day itself is still in time),
 *   `due_soon` within the warning window (deadline − today ≤ window), `ok` otherwise.
 *
 * Escalation by days overdue: from `unitDays` (default 3) the unit's responsible leader is told,
 * from `bureauDays` (default 10) the bureau's leaders.
 */
import { daysBetween } from '../calendar/calendar.js'
import { isOpen, type TaskStatus } from './workflow.js'

export type DueState = 'ok' | 'due_soon' | 'overdue' | 'done' | 'done_late' | 'cancelled'

export interface DueInput {
  status: TaskStatus
  deadline: string
  doneOn: string | null
}

export interface Due {
  state: DueState
  /** Deadline − today for open tasks (negative when overdue); null otherwise. */
  daysLeft: number | null
  /** Days past the deadline for open overdue tasks; 0 otherwise. */
  daysOverdue: number
}

export function dueOf(t: DueInput, today: string, warningDays: number): Due {
  if (t.status === 'cancelled') return { state: 'cancelled', daysLeft: null, daysOverdue: 0 }
  if (!isOpen(t.status)) {
    const late = t.doneOn !== null && t.doneOn > t.deadline
    return { state: late ? 'done_late' : 'done', daysLeft: null, daysOverdue: 0 }
  }
  const left = daysBetween(today, t.deadline)
  if (left < 0) return { state: 'overdue', daysLeft: left, daysOverdue: -left }
  return { state: left <= warningDays ? 'due_soon' : 'ok', daysLeft: left, daysOverdue: 0 }
}

export interface EscalationThresholds {
  /** Days overdue from which the unit's responsible leader is notified. */
  unitDays: number
  /** Days overdue from which the bureau's leaders are notified. */
  bureauDays: number
}

export const DEFAULT_ESCALATION: EscalationThresholds = { unitDays: 3, bureauDays: 10 }

/** 0 none, 1 the unit's leader (单位领导), 2 the bureau's leaders (局领导). */
export type EscalationLevel = 0 | 1 | 2

export function escalationLevel(daysOverdue: number, th: EscalationThresholds): EscalationLevel {
  if (daysOverdue <= 0) return 0
  if (daysOverdue >= th.bureauDays) return 2
  if (daysOverdue >= th.unitDays) return 1
  return 0
}
