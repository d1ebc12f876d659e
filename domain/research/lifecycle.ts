/**
 * The life of a research topic (调研课题). The transition table is the single source of truth: the
 * API refuses what it does not list, the UI offers what it lists.
 *
 *   planned ──start──▶ in_progress ──report──▶ reported ──conclude──▶ concluded
 *      │                   ▲                       │
 *      └─ first field visit┘◀──── reopen (reason) ─┘
 *
 * The first field visit starts a planned topic by itself. A report needs its summary and at least
 * one field visit (a research report rests on going there); a report sent back is reopened with a
 * reason. A concluded topic (结题) is closed for good: entered in error, it is voided instead.
 */

export const TOPIC_STATUSES = ['planned', 'in_progress', 'reported', 'concluded'] as const
export type TopicStatus = (typeof TOPIC_STATUSES)[number]

export const TOPIC_ACTIONS = ['start', 'report', 'conclude', 'reopen'] as const
export type TopicAction = (typeof TOPIC_ACTIONS)[number]

export const TOPIC_STATUS_LABELS: Record<TopicStatus, { zh: string; en: string }> = {
  planned: { zh: '计划中', en: 'Planned' },
  in_progress: { zh: '调研中', en: 'In progress' },
  reported: { zh: '已提交报告', en: 'Reported' },
  concluded: { zh: '已结题', en: 'Concluded' },
}

export const TOPIC_ACTION_LABELS: Record<TopicAction, { zh: string; en: string }> = {
  start: { zh: '开始调研', en: 'start' },
  report: { zh: '提交调研报告', en: 'submit the report' },
  conclude: { zh: '结题', en: 'conclude' },
  reopen: { zh: '退回修改', en: 'reopen' },
}

/** action → (from → to). A missing entry is an illegal transition. */
const TRANSITIONS: Record<TopicAction, Partial<Record<TopicStatus, TopicStatus>>> = {
  start: { planned: 'in_progress' },
  report: { in_progress: 'reported' },
  conclude: { reported: 'concluded' },
  reopen: { reported: 'in_progress' },
}

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextTopicStatus(status: TopicStatus, action: TopicAction): TopicStatus | null {
  return TRANSITIONS[action][status] ?? null
}

export function allowedTopicActions(status: TopicStatus): TopicAction[] {
  return TOPIC_ACTIONS.filter((a) => nextTopicStatus(status, a) !== null)
}

/** Actions that must say why (kept in the timeline). */
export const TOPIC_NEEDS_REASON: ReadonlySet<TopicAction> = new Set(['reopen'])

/** Field visits are recorded before the report: afterwards the topic must be reopened first. */
export function canRecordVisit(status: TopicStatus): boolean {
  return status === 'planned' || status === 'in_progress'
}

/** Findings come from the research itself: once it started, until it is concluded. */
export function canRecordFinding(status: TopicStatus): boolean {
  return status === 'in_progress' || status === 'reported'
}

/** The topic's own fields, its files and its voids may change until it is concluded. */
export function isTopicClosed(status: TopicStatus): boolean {
  return status === 'concluded'
}
