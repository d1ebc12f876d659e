/** Shapes of /api/supervision (server/modules/supervision/schema.ts is the contract). */

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
export const TASK_ACTIONS = ['start', 'complete', 'reopen', 'cancel'] as const
export type TaskAction = (typeof TASK_ACTIONS)[number]
/** Actions that undo or abandon work: the server wants a reason (domain NEEDS_REASON). */
export const ACTIONS_NEEDING_REASON: readonly TaskAction[] = ['reopen', 'cancel']
export type DueState = 'ok' | 'due_soon' | 'overdue' | 'done' | 'done_late' | 'cancelled'
export type ExtensionStatus = 'pending' | 'approved' | 'refused'
export type CampaignKind = 'theme' | 'three_year' | 'special' | 'other'

export interface Aspect {
  id: number
  name: string
  sortOrder: number
  tasks: number
}

export interface Campaign {
  id: number
  name: string
  kind: CampaignKind
  orgUnitId: number
  orgUnit: string
  startsOn: string
  endsOn: string
  description: string
  aspects: Aspect[]
  tasks: number
  version: number
  voided: boolean
}

export interface UnitRef {
  id: number
  name: string
}

export interface TaskSummary {
  id: number
  campaignId: number
  campaign: string
  aspectId: number
  aspect: string
  parentId: number | null
  title: string
  leadUnitId: number
  leadUnit: string
  coUnits: UnitRef[]
  leader: string | null
  startsOn: string
  deadline: string
  originalDeadline: string
  status: TaskStatus
  doneOn: string | null
  /** Percent, one decimal. */
  progress: number
  weight: number
  dueState: DueState
  daysLeft: number | null
  daysOverdue: number
  /** 0 none, 1 the unit's leader, 2 the bureau's leaders. */
  escalation: number
  recurring: boolean
  version: number
  voided: boolean
}

export interface Milestone {
  id: number
  title: string
  dueOn: string
  weight: number
  doneOn: string | null
  overdue: boolean
  version: number
}

export interface Attachment {
  id: number
  filename: string
  contentType: string
  fileType?: string
  sizeBytes: number
  sha256: string
  note?: string
  uploadedBy?: string
  createdAt: string
  voidedAt: string | null
  voidReason?: string | null
}

export interface ProgressNote {
  id: number
  unitId: number
  unit: string
  on: string
  text: string
  percent: number | null
  author: string
  at: string
  /** Present once the server stores attachments on progress notes. */
  attachments?: Attachment[]
}

export interface Extension {
  id: number
  taskId: number
  taskTitle: string
  unitId: number | null
  unit: string | null
  oldDeadline: string
  requestedDeadline: string
  reason: string
  status: ExtensionStatus
  requestedBy: string
  requestedAt: string
  decidedBy: string | null
  decidedAt: string | null
  approvedDeadline: string | null
  decisionReason: string | null
}

export interface TaskEvent {
  id: number
  at: string
  on: string
  action: string
  actor: string
  detail: Record<string, unknown>
}

export interface Recurrence {
  day: number | 'last'
}

export interface TaskDetail extends TaskSummary {
  description: string
  recurrence: Recurrence | null
  milestones: Milestone[]
  notes: ProgressNote[]
  extensions: Extension[]
  children: { id: number; title: string; status: TaskStatus; weight: number; progress: number }[]
  events: TaskEvent[]
  allowedActions: TaskAction[]
  canEdit: boolean
  canReport: boolean
  canApprove: boolean
}

export interface TaskFilters {
  campaignId?: number
  aspectId?: number
  status?: TaskStatus
  dueState?: 'overdue' | 'due_soon' | 'open'
  unitId?: number
  leader?: string
  q?: string
  includeVoided?: 'true'
}

export interface MilestoneInput {
  title: string
  dueOn: string
  weight: number
}

export interface TaskInput {
  campaignId: number
  aspectId: number
  parentId?: number
  title: string
  description?: string
  leadUnitId: number
  coUnitIds: number[]
  leader?: string
  startsOn: string
  deadline: string
  weight?: number
  recurrence?: Recurrence
  milestones?: MilestoneInput[]
}

/** PATCH /tasks/:id: any subset; `leader` and `recurrence` are cleared with null. */
export type TaskUpdate = Partial<Omit<TaskInput, 'campaignId' | 'milestones' | 'leader' | 'recurrence'>> & {
  leader?: string | null
  recurrence?: Recurrence | null
}

export interface Occurrences {
  taskId: number
  recurrence: Recurrence | null
  asOf: string
  units: {
    unitId: number
    unit: string
    role: 'lead' | 'co'
    due: number
    complete: number
    onTime: number
    completenessRate: number | null
    timelinessRate: number | null
    occurrences: { month: string; dueOn: string; complete: boolean; onTime: boolean; noteOn: string | null }[]
  }[]
}

export interface Settings {
  dueSoonDays: number
  escalateUnitDays: number
  escalateBureauDays: number
}

interface BoardGroup {
  overdue: number
  dueSoon: number
  maxDaysOverdue: number
  escalation: number
  tasks: TaskSummary[]
}
export interface Board {
  today: string
  dueSoonDays: number
  thresholds: { unitDays: number; bureauDays: number }
  byUnit: (BoardGroup & { unitId: number; unit: string })[]
  byLeader: (BoardGroup & { leader: string })[]
}

export interface Notice {
  id: number
  noticeNo: string
  unitId: number
  unit: string
  level: number
  title: string
  body: string
  replyBy: string
  tasks: { id: number; title: string; deadline: string; daysOverdue: number }[]
  createdBy: string
  createdAt: string
}

export interface Digest {
  today: string
  startingToday: TaskSummary[]
  dueToday: TaskSummary[]
  overdue: TaskSummary[]
  dueSoon: TaskSummary[]
  pendingExtensions: Extension[]
  counts: {
    startingToday: number
    dueToday: number
    overdue: number
    dueSoon: number
    pendingExtensions: number
  }
}

export interface Change {
  taskId: number
  title: string
  at: string
  on: string
  actor: string
  detail: Record<string, unknown>
}
export interface Changes {
  since: string
  created: Change[]
  completed: Change[]
  deadlineMoved: Change[]
  progress: Change[]
}

interface Count {
  key: string
  label: string
  value: number
}
export interface Figures {
  campaignId: number | null
  campaign: string | null
  asOf: string
  tasks: number
  subTasks: number
  aspects: number
  aspectsWithTasks: number
  byAspect: Count[]
  byStatus: Record<TaskStatus, number>
  done: number
  doneOnTime: number
  doneLate: number
  dueByToday: number
  onTimeCompletionRate: number | null
  overdueNow: number
  dueSoon: number
  byUnit: (Count & { done: number; overdue: number })[]
  overdueTrend: { on: string; overdue: number }[]
}

export interface ImportResult {
  created?: number
  updated?: number
  unchanged?: number
  rows?: number
  skipped?: number
}
