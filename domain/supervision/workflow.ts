/**
 * The key-task state machine. The transition table is the single source of truth: the API refuses
 * anything it does not list (409 `task_illegal_transition`), and the UI shows `allowedTaskActions`.
 *
 *   not_started ──start──▶ in_progress ──complete──▶ done
 *        │                   │    ▲                   │
 *        └──────cancel───────┘    └──────reopen───────┘
 *                 ▼
 *             cancelled (terminal)
 */
export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export const TASK_ACTIONS = ['start', 'complete', 'reopen', 'cancel'] as const
export type TaskAction = (typeof TASK_ACTIONS)[number]

/** action → (from status → to status). A missing entry is an illegal transition. */
const TRANSITIONS: Record<TaskAction, Partial<Record<TaskStatus, TaskStatus>>> = {
  start: { not_started: 'in_progress' },
  // A task is finished from work in hand; one never started is started first (the timeline says when).
  complete: { in_progress: 'done' },
  // Finished too early (a review found gaps): back to work, the done date cleared.
  reopen: { done: 'in_progress' },
  cancel: { not_started: 'cancelled', in_progress: 'cancelled' },
}

/** Actions that must say why: they undo or abandon work, and the timeline keeps the reason. */
export const NEEDS_REASON: ReadonlySet<TaskAction> = new Set<TaskAction>(['reopen', 'cancel'])

/** null = the action is not allowed in this status. */
export function nextTaskStatus(status: TaskStatus, action: TaskAction): TaskStatus | null {
  return TRANSITIONS[action][status] ?? null
}

export function allowedTaskActions(status: TaskStatus): TaskAction[] {
  return TASK_ACTIONS.filter((a) => nextTaskStatus(status, a) !== null)
}

/** Open = still to be worked on: counts for overdue and due-soon. */
export function isOpen(status: TaskStatus): boolean {
  return status === 'not_started' || status === 'in_progress'
}

export function isTaskStatus(s: string): s is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(s)
}
