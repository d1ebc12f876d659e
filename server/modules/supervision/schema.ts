/** Request and response shapes of supervision: campaigns, key tasks, extensions, notices, figures. */
import { z } from 'zod'
import { isIsoDate } from '../../../domain/calendar/calendar.js'
import { MAX_RULE_DAY } from '../../../domain/supervision/recurrence.js'
import { TASK_ACTIONS, TASK_STATUSES } from '../../../domain/supervision/workflow.js'
import { AttachmentView } from '../attachments/schema.js'

export const CAMPAIGN_KINDS = ['theme', 'three_year', 'special', 'other'] as const
export const DUE_STATES = ['ok', 'due_soon', 'overdue', 'done', 'done_late', 'cancelled'] as const
export const EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const

/** A real calendar day as YYYY-MM-DD (2026-02-30 is refused, not rolled over). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' })
  .refine(isIsoDate, { error: 'date' })
const Id = z.number().int().positive().max(2_147_483_647)
const QueryId = z.coerce.number().int().positive().max(2_147_483_647)
export const IdParams = z.object({ id: QueryId })
const Version = z.number().int().positive().max(2_147_483_647)
const Weight = z.number().int().min(1).max(100)

export const VoidBody = z.strictObject({
  version: Version,
  reason: z.string().trim().min(1).max(200),
})

// ---------------------------------------------------------------------------------------------
// Campaigns

export const AspectInput = z.strictObject({
  /** An existing aspect (rename or reorder it); omitted for a new one. */
  id: Id.optional(),
  name: z.string().trim().min(1).max(80),
})

export const CampaignBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  kind: z.enum(CAMPAIGN_KINDS).default('special'),
  /** The unit that runs it; default the actor's own unit. */
  orgUnitId: Id.optional(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  description: z.string().trim().max(2000).default(''),
  aspects: z
    .array(AspectInput.omit({ id: true }))
    .max(50)
    .default([]),
})
export type CampaignInput = z.infer<typeof CampaignBody>

export const UpdateCampaignBody = z.strictObject({
  version: Version,
  name: z.string().trim().min(1).max(80).optional(),
  kind: z.enum(CAMPAIGN_KINDS).optional(),
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  description: z.string().trim().max(2000).optional(),
  /** The full ordered list: listed ids are kept (renamed, reordered), missing ones voided, new added. */
  aspects: z.array(AspectInput).max(50).optional(),
})
export type UpdateCampaignInput = z.infer<typeof UpdateCampaignBody>

export const AspectView = z.object({
  id: z.number(),
  name: z.string(),
  sortOrder: z.number(),
  tasks: z.number(),
})

export const CampaignView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(CAMPAIGN_KINDS),
  orgUnitId: z.number(),
  orgUnit: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  description: z.string(),
  aspects: z.array(AspectView),
  tasks: z.number(),
  version: z.number(),
  voided: z.boolean(),
})
export type CampaignView = z.infer<typeof CampaignView>

// ---------------------------------------------------------------------------------------------
// Tasks

export const RecurrenceInput = z.strictObject({
  /** Day of the month a progress note is due: 1–28, or 'last' (the month's last day). */
  day: z.union([z.number().int().min(1).max(MAX_RULE_DAY), z.literal('last')]),
})

export const MilestoneInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  dueOn: IsoDate,
  weight: Weight.default(1),
})

export const CreateTaskBody = z.strictObject({
  campaignId: Id,
  aspectId: Id,
  parentId: Id.optional(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  leadUnitId: Id,
  coUnitIds: z.array(Id).max(50).default([]),
  leader: z.string().trim().max(50).optional(),
  startsOn: IsoDate,
  deadline: IsoDate,
  weight: Weight.default(1),
  recurrence: RecurrenceInput.optional(),
  milestones: z.array(MilestoneInput).max(50).default([]),
})
export type CreateTaskInput = z.infer<typeof CreateTaskBody>

export const UpdateTaskBody = z.strictObject({
  version: Version,
  aspectId: Id.optional(),
  parentId: Id.nullable().optional(),
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(4000).optional(),
  leadUnitId: Id.optional(),
  coUnitIds: z.array(Id).max(50).optional(),
  leader: z.string().trim().max(50).nullable().optional(),
  startsOn: IsoDate.optional(),
  /** Only before work starts; afterwards a deadline moves by an approved extension. */
  deadline: IsoDate.optional(),
  weight: Weight.optional(),
  recurrence: RecurrenceInput.nullable().optional(),
})
export type UpdateTaskInput = z.infer<typeof UpdateTaskBody>

export const ActionBody = z.strictObject({
  version: Version,
  action: z.enum(TASK_ACTIONS),
  /** The day it happened (complete: the done date); default today; never in the future. */
  on: IsoDate.optional(),
  /** Required for reopen and cancel. */
  reason: z.string().trim().max(500).optional(),
})
export type ActionInput = z.infer<typeof ActionBody>

export const ProgressBody = z.strictObject({
  /** The reporting unit: the lead or a co-unit in the actor's scope; default the first such. */
  unitId: Id.optional(),
  on: IsoDate,
  text: z.string().trim().min(1).max(4000),
  percent: z.number().int().min(0).max(100).optional(),
})
export type ProgressInput = z.infer<typeof ProgressBody>

export const UpdateMilestoneBody = z.strictObject({
  version: Version,
  title: z.string().trim().min(1).max(200).optional(),
  dueOn: IsoDate.optional(),
  weight: Weight.optional(),
  /** The day it was reached; null to undo. */
  doneOn: IsoDate.nullable().optional(),
})
export type UpdateMilestoneInput = z.infer<typeof UpdateMilestoneBody>

export const ExtensionBody = z.strictObject({
  requestedDeadline: IsoDate,
  reason: z.string().trim().min(1).max(1000),
})
export const DecideBody = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  /** Required when refusing. */
  reason: z.string().trim().max(1000).optional(),
  /** Approve a different (earlier) new deadline than asked; still after the current one. */
  deadline: IsoDate.optional(),
})
export type DecideInput = z.infer<typeof DecideBody>

export const UnitRef = z.object({ id: z.number(), name: z.string() })

export const TaskSummary = z.object({
  id: z.number(),
  campaignId: z.number(),
  campaign: z.string(),
  aspectId: z.number(),
  aspect: z.string(),
  parentId: z.number().nullable(),
  title: z.string(),
  leadUnitId: z.number(),
  leadUnit: z.string(),
  coUnits: z.array(UnitRef),
  leader: z.string().nullable(),
  startsOn: z.string(),
  deadline: z.string(),
  originalDeadline: z.string(),
  status: z.enum(TASK_STATUSES),
  doneOn: z.string().nullable(),
  /** Percent, one decimal. */
  progress: z.number(),
  weight: z.number(),
  dueState: z.enum(DUE_STATES),
  daysLeft: z.number().nullable(),
  daysOverdue: z.number(),
  /** 0 none, 1 the unit's leader, 2 the bureau's leaders. */
  escalation: z.number(),
  recurring: z.boolean(),
  version: z.number(),
  voided: z.boolean(),
})
export type TaskSummary = z.infer<typeof TaskSummary>

export const MilestoneView = z.object({
  id: z.number(),
  title: z.string(),
  dueOn: z.string(),
  weight: z.number(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
})

export const NoteView = z.object({
  id: z.number(),
  unitId: z.number(),
  unit: z.string(),
  on: z.string(),
  text: z.string(),
  percent: z.number().nullable(),
  author: z.string(),
  at: z.string(),
  attachments: z.array(AttachmentView),
})

export const ExtensionView = z.object({
  id: z.number(),
  taskId: z.number(),
  taskTitle: z.string(),
  unitId: z.number().nullable(),
  unit: z.string().nullable(),
  oldDeadline: z.string(),
  requestedDeadline: z.string(),
  reason: z.string(),
  status: z.enum(EXTENSION_STATUSES),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  approvedDeadline: z.string().nullable(),
  decisionReason: z.string().nullable(),
})
export type ExtensionView = z.infer<typeof ExtensionView>

export const EventView = z.object({
  id: z.number(),
  at: z.string(),
  on: z.string(),
  action: z.string(),
  actor: z.string(),
  detail: z.record(z.string(), z.unknown()),
})

export const TaskDetail = TaskSummary.extend({
  description: z.string(),
  recurrence: RecurrenceInput.nullable(),
  milestones: z.array(MilestoneView),
  notes: z.array(NoteView),
  extensions: z.array(ExtensionView),
  children: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      status: z.enum(TASK_STATUSES),
      weight: z.number(),
      progress: z.number(),
    }),
  ),
  events: z.array(EventView),
  allowedActions: z.array(z.enum(TASK_ACTIONS)),
  /** The actor may edit the task itself (its lead unit is in his scope, and he may write). */
  canEdit: z.boolean(),
  /** The actor may report progress or ask for an extension. */
  canReport: z.boolean(),
  canApprove: z.boolean(),
})
export type TaskDetail = z.infer<typeof TaskDetail>

const TrueFalse = z.enum(['true', 'false'])
export const ListTasksQuery = z.object({
  campaignId: QueryId.optional(),
  aspectId: QueryId.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  dueState: z.enum(['overdue', 'due_soon', 'open']).optional(),
  /** Lead or co-unit (or below it). */
  unitId: QueryId.optional(),
  leader: z.string().trim().max(50).optional(),
  q: z.string().trim().max(50).optional(),
  topLevel: TrueFalse.optional(),
  parentId: QueryId.optional(),
  includeVoided: TrueFalse.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type ListTasksQuery = z.infer<typeof ListTasksQuery>

export const OccurrencesView = z.object({
  taskId: z.number(),
  recurrence: RecurrenceInput.nullable(),
  asOf: z.string(),
  units: z.array(
    z.object({
      unitId: z.number(),
      unit: z.string(),
      role: z.enum(['lead', 'co']),
      due: z.number(),
      complete: z.number(),
      onTime: z.number(),
      completenessRate: z.number().nullable(),
      timelinessRate: z.number().nullable(),
      occurrences: z.array(
        z.object({
          month: z.string(),
          dueOn: z.string(),
          complete: z.boolean(),
          onTime: z.boolean(),
          noteOn: z.string().nullable(),
        }),
      ),
    }),
  ),
})

// ---------------------------------------------------------------------------------------------
// Supervision

export const SettingsView = z.object({
  dueSoonDays: z.number(),
  escalateUnitDays: z.number(),
  escalateBureauDays: z.number(),
})
export const SettingsBody = z.strictObject({
  dueSoonDays: z.number().int().min(0).max(60).optional(),
  escalateUnitDays: z.number().int().min(1).max(365).optional(),
  escalateBureauDays: z.number().int().min(1).max(365).optional(),
})

export const BoardQuery = z.object({
  campaignId: QueryId.optional(),
  unitId: QueryId.optional(),
})
const BoardGroup = z.object({
  overdue: z.number(),
  dueSoon: z.number(),
  maxDaysOverdue: z.number(),
  escalation: z.number(),
  tasks: z.array(TaskSummary),
})
export const BoardView = z.object({
  today: z.string(),
  dueSoonDays: z.number(),
  thresholds: z.object({ unitDays: z.number(), bureauDays: z.number() }),
  byUnit: z.array(BoardGroup.extend({ unitId: z.number(), unit: z.string() })),
  byLeader: z.array(BoardGroup.extend({ leader: z.string() })),
})

export const NoticeBody = z.strictObject({
  unitId: Id,
  /** Default: every overdue task the unit leads (that the actor sees). */
  taskIds: z.array(Id).min(1).max(200).optional(),
  /** Reply wanted by; default 5 days from today. */
  replyBy: IsoDate.optional(),
})
export const NoticeView = z.object({
  id: z.number(),
  noticeNo: z.string(),
  unitId: z.number(),
  unit: z.string(),
  level: z.number(),
  title: z.string(),
  body: z.string(),
  replyBy: z.string(),
  tasks: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      deadline: z.string(),
      daysOverdue: z.number(),
    }),
  ),
  createdBy: z.string(),
  createdAt: z.string(),
})
export type NoticeView = z.infer<typeof NoticeView>
export const ListNoticesQuery = z.object({
  unitId: QueryId.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

export const DigestView = z.object({
  today: z.string(),
  startingToday: z.array(TaskSummary),
  dueToday: z.array(TaskSummary),
  overdue: z.array(TaskSummary),
  dueSoon: z.array(TaskSummary),
  /** Extension requests waiting for the actor's decision (leaders only; empty otherwise). */
  pendingExtensions: z.array(ExtensionView),
  counts: z.object({
    startingToday: z.number(),
    dueToday: z.number(),
    overdue: z.number(),
    dueSoon: z.number(),
    pendingExtensions: z.number(),
  }),
})

export const ChangesQuery = z.object({ since: IsoDate })
const Change = z.object({
  taskId: z.number(),
  title: z.string(),
  at: z.string(),
  on: z.string(),
  actor: z.string(),
  detail: z.record(z.string(), z.unknown()),
})
export const ChangesView = z.object({
  since: z.string(),
  created: z.array(Change),
  completed: z.array(Change),
  deadlineMoved: z.array(Change),
  progress: z.array(Change),
})

export const FiguresQuery = z.object({ campaignId: QueryId.optional() })
const Count = z.object({ key: z.string(), label: z.string(), value: z.number() })
export const FiguresView = z.object({
  campaignId: z.number().nullable(),
  campaign: z.string().nullable(),
  asOf: z.string(),
  /** Top-level key tasks (项重点工作任务); sub-tasks are parts of them and counted apart. */
  tasks: z.number(),
  subTasks: z.number(),
  /** 个方面: the campaign's aspects (without a campaign: the aspects the tasks fall under). */
  aspects: z.number(),
  aspectsWithTasks: z.number(),
  byAspect: z.array(Count),
  byStatus: z.object({
    not_started: z.number(),
    in_progress: z.number(),
    done: z.number(),
    cancelled: z.number(),
  }),
  done: z.number(),
  doneOnTime: z.number(),
  doneLate: z.number(),
  /** Tasks that should be finished by today (done, or deadline passed), cancelled left out. */
  dueByToday: z.number(),
  /** doneOnTime / dueByToday. */
  onTimeCompletionRate: z.number().nullable(),
  overdueNow: z.number(),
  dueSoon: z.number(),
  byUnit: z.array(Count.extend({ done: z.number(), overdue: z.number() })),
  /** Tasks overdue at the end of each of the last 13 weeks, ending today (domain/supervision/trend.ts). */
  overdueTrend: z.array(z.object({ on: z.string(), overdue: z.number() })),
})
export type FiguresView = z.infer<typeof FiguresView>
