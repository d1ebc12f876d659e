/** Request and response shapes of problems, rectification and teacher-ethics cases. */
import { z } from 'zod'
import {
  MEASURE_STATUSES,
  PROBLEM_ACTIONS,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
} from '../../../domain/rectification/lifecycle.js'
import { HANDLINGS } from '../../../domain/rectification/public-summary.js'
import { AttachmentView } from '../attachments/schema.js'

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' })
const Id = z.number().int().positive().max(2_147_483_647)
const QueryId = z.coerce.number().int().positive().max(2_147_483_647)
const Version = z.number().int().positive().max(2_147_483_647)
const Bool = z.enum(['true', 'false'])

export const IdParams = z.object({ id: QueryId })
export const MeasureParams = z.object({ id: QueryId, measureId: QueryId })
export const FullQuery = z.object({ full: Bool.optional() })
export const VoidBody = z.strictObject({ version: Version, reason: z.string().trim().min(1).max(200) })
export const VoidEvidenceBody = z.strictObject({ reason: z.string().trim().min(1).max(200) })

// ---------------------------------------------------------------------------------------------
// Problems

export const MeasureInput = z.strictObject({
  content: z.string().trim().min(1).max(1000),
  owner: z.string().trim().max(100).default(''),
  ownerUnitId: Id.optional(),
  deadline: IsoDate,
})
export type MeasureInput = z.infer<typeof MeasureInput>

export const CreateProblemBody = z.strictObject({
  /** 问题编号: generated when left out. */
  code: z.string().trim().min(1).max(40).optional(),
  description: z.string().trim().min(1).max(2000),
  source: z.enum(PROBLEM_SOURCES),
  categoryId: Id,
  campaign: z.string().trim().max(100).default(''),
  campaignId: Id.optional(),
  responsibleUnitId: Id,
  responsibleLeader: z.string().trim().max(50).optional(),
  /** The user account answerable for the problem: like its creator, he may not sign it off. */
  responsibleUserId: Id.optional(),
  foundOn: IsoDate,
  fixAtOnce: z.boolean().default(false),
  measures: z.array(MeasureInput).max(20).default([]),
})
export type CreateProblemInput = z.infer<typeof CreateProblemBody>

export const UpdateProblemBody = z.strictObject({
  version: Version,
  description: z.string().trim().min(1).max(2000).optional(),
  source: z.enum(PROBLEM_SOURCES).optional(),
  categoryId: Id.optional(),
  campaign: z.string().trim().max(100).optional(),
  campaignId: Id.nullable().optional(),
  responsibleUnitId: Id.optional(),
  responsibleLeader: z.string().trim().max(50).nullable().optional(),
  responsibleUserId: Id.nullable().optional(),
  foundOn: IsoDate.optional(),
  fixAtOnce: z.boolean().optional(),
})
export type UpdateProblemInput = z.infer<typeof UpdateProblemBody>

export const ProblemActionBody = z.strictObject({
  version: Version,
  action: z.enum([...PROBLEM_ACTIONS, 'void']),
  /** Required to reopen and to void: kept in the history. */
  reason: z.string().trim().max(500).optional(),
})
export type ProblemActionInput = z.infer<typeof ProblemActionBody>

export const SignoffBody = z.strictObject({
  version: Version,
  comment: z.string().trim().max(1000).default(''),
})

export const UpdateMeasureBody = z.strictObject({
  version: Version,
  content: z.string().trim().min(1).max(1000).optional(),
  owner: z.string().trim().max(100).optional(),
  ownerUnitId: Id.nullable().optional(),
  deadline: IsoDate.optional(),
  status: z.enum(MEASURE_STATUSES).optional(),
  /** When marking done: the day it was done (default today). */
  doneOn: IsoDate.optional(),
})
export type UpdateMeasureInput = z.infer<typeof UpdateMeasureBody>

export const ListProblemsQuery = z.object({
  q: z.string().trim().max(50).optional(),
  status: z.enum(PROBLEM_STATUSES).optional(),
  source: z.enum(PROBLEM_SOURCES).optional(),
  categoryId: QueryId.optional(),
  campaign: z.string().trim().max(100).optional(),
  campaignId: QueryId.optional(),
  unitId: QueryId.optional(),
  fixAtOnce: Bool.optional(),
  overdue: Bool.optional(),
  includeVoided: Bool.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type ListProblemsQuery = z.infer<typeof ListProblemsQuery>

export const ProblemSummary = z.object({
  id: z.number(),
  code: z.string(),
  description: z.string(),
  source: z.enum(PROBLEM_SOURCES),
  sourceLabel: z.string(),
  categoryId: z.number(),
  category: z.string(),
  campaign: z.string(),
  campaignId: z.number().nullable(),
  responsibleUnitId: z.number(),
  responsibleUnit: z.string(),
  responsibleLeader: z.string().nullable(),
  responsibleUserId: z.number().nullable(),
  foundOn: z.string(),
  fixAtOnce: z.boolean(),
  status: z.enum(PROBLEM_STATUSES),
  statusLabel: z.string(),
  measuresTotal: z.number(),
  measuresDone: z.number(),
  measuresOverdue: z.number(),
  nextDeadline: z.string().nullable(),
  evidenceCount: z.number(),
  signedOffAt: z.string().nullable(),
  version: z.number(),
  voided: z.boolean(),
})
export type ProblemSummary = z.infer<typeof ProblemSummary>

export const MeasureView = z.object({
  id: z.number(),
  seq: z.number(),
  content: z.string(),
  owner: z.string(),
  ownerUnitId: z.number().nullable(),
  deadline: z.string().nullable(),
  status: z.enum(MEASURE_STATUSES),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number(),
  voided: z.boolean(),
})

export const EvidenceView = z.object({
  id: z.number(),
  measureId: z.number().nullable(),
  filename: z.string(),
  contentType: z.string(),
  fileType: z.string(),
  size: z.number(),
  sha256: z.string(),
  note: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  voided: z.boolean(),
})

export const EventView = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  actor: z.string(),
  detail: z.record(z.string(), z.unknown()),
})

export const ProblemDetail = ProblemSummary.extend({
  createdBy: z.number().nullable(),
  rectifiedOn: z.string().nullable(),
  signoff: z
    .object({ by: z.number().nullable(), byName: z.string(), at: z.string(), comment: z.string() })
    .nullable(),
  reopenCount: z.number(),
  voidReason: z.string().nullable(),
  origin: z.string(),
  allowedActions: z.array(z.enum(PROBLEM_ACTIONS)),
  /** The caller may sign it off now (permission, not the owner, rectified, evidence on file). */
  canSignOff: z.boolean(),
  measures: z.array(MeasureView),
  evidence: z.array(EvidenceView),
  events: z.array(EventView),
})
export type ProblemDetail = z.infer<typeof ProblemDetail>

export const FiguresQuery = z.object({
  campaign: z.string().trim().max(100).optional(),
  campaignId: QueryId.optional(),
  unitId: QueryId.optional(),
})
export type FiguresQuery = z.infer<typeof FiguresQuery>

const TallyView = z.object({
  found: z.number(),
  open: z.number(),
  rectifying: z.number(),
  rectified: z.number(),
  signedOff: z.number(),
  completed: z.number(),
  fixAtOnce: z.number(),
  overdueMeasures: z.number(),
  rate: z.number().nullable(),
  completionRate: z.number().nullable(),
})
const Row = TallyView.extend({ key: z.string(), label: z.string() })
export const FiguresView = TallyView.extend({
  asOf: z.string(),
  unitId: z.number().nullable(),
  unit: z.string().nullable(),
  campaign: z.string().nullable(),
  campaignId: z.number().nullable(),
  bySource: z.array(Row),
  byCategory: z.array(Row),
  byUnit: z.array(Row.extend({ unitId: z.number() })),
  /** Per campaign (活动), by the name recorded on each problem; '' for problems outside any. */
  byCampaign: z.array(Row),
  /** The last twelve months: problems found and signed off in each (China's calendar month). */
  byMonth: z.array(z.object({ month: z.string(), found: z.number(), signedOff: z.number() })),
})
export type FiguresView = z.infer<typeof FiguresView>

export const ListItem = z.object({
  id: z.number(),
  name: z.string(),
  sortOrder: z.number(),
  version: z.number(),
  voided: z.boolean(),
})
export const ListItemBody = z.strictObject({
  name: z.string().trim().min(1).max(40),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
})

// ---------------------------------------------------------------------------------------------
// Teacher-ethics cases

export const RegisterEthicsCaseBody = z.strictObject({
  teacherName: z.string().trim().min(1).max(50),
  teacherIdNumber: z.string().trim().max(18).optional(),
  schoolId: Id,
  occurredOn: IsoDate,
  violationTypeId: Id,
  finding: z.string().trim().min(1).max(4000),
  handling: z.enum(HANDLINGS),
  handlingDetail: z.string().trim().max(500).default(''),
  handledOn: IsoDate.optional(),
  published: z.boolean().default(false),
})
export type RegisterEthicsCaseInput = z.infer<typeof RegisterEthicsCaseBody>

export const UpdateEthicsCaseBody = z.strictObject({
  version: Version,
  teacherName: z.string().trim().min(1).max(50).optional(),
  teacherIdNumber: z.string().trim().max(18).nullable().optional(),
  schoolId: Id.optional(),
  occurredOn: IsoDate.optional(),
  violationTypeId: Id.optional(),
  finding: z.string().trim().min(1).max(4000).optional(),
  handling: z.enum(HANDLINGS).optional(),
  handlingDetail: z.string().trim().max(500).optional(),
  handledOn: IsoDate.nullable().optional(),
  published: z.boolean().optional(),
})
export type UpdateEthicsCaseInput = z.infer<typeof UpdateEthicsCaseBody>

export const ListEthicsQuery = z.object({
  q: z.string().trim().max(50).optional(),
  schoolId: QueryId.optional(),
  violationTypeId: QueryId.optional(),
  handling: z.enum(HANDLINGS).optional(),
  published: Bool.optional(),
  /** The same teacher again: matched by keyed hash, never stored or logged in clear. */
  teacherIdNumber: z.string().trim().max(18).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  includeVoided: Bool.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type ListEthicsQuery = z.infer<typeof ListEthicsQuery>

export const EthicsCaseSummary = z.object({
  id: z.number(),
  caseNo: z.string(),
  /** Masked (张**) unless the caller asked for, and may see, the full values (that view is audited). */
  teacherName: z.string(),
  teacherIdNumber: z.string().nullable(),
  schoolId: z.number(),
  school: z.string(),
  occurredOn: z.string(),
  violationTypeId: z.number(),
  violationType: z.string(),
  handling: z.enum(HANDLINGS),
  handlingLabel: z.string(),
  published: z.boolean(),
  publishedOn: z.string().nullable(),
  version: z.number(),
  voided: z.boolean(),
})
export type EthicsCaseSummary = z.infer<typeof EthicsCaseSummary>

export const EthicsCaseDetail = EthicsCaseSummary.extend({
  finding: z.string(),
  handlingDetail: z.string(),
  handledOn: z.string().nullable(),
  /** The redacted text for publication; only a published case has one. */
  publicSummary: z.string().nullable(),
  personalMasked: z.boolean(),
  canSeePersonal: z.boolean(),
  voidReason: z.string().nullable(),
  /** Case documents (decision letters …): listed only to users who may see personal data. */
  attachments: z.array(AttachmentView),
})
export type EthicsCaseDetail = z.infer<typeof EthicsCaseDetail>

export const PublicCaseView = z.object({
  id: z.number(),
  caseNo: z.string(),
  violationType: z.string(),
  handling: z.enum(HANDLINGS),
  /** YYYY-MM: the month, as the summary gives it. */
  occurredIn: z.string(),
  publishedOn: z.string().nullable(),
  publicSummary: z.string(),
})

export const EthicsFiguresQuery = z.object({
  /** Cases that happened in this year, and cases published in it. */
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  unitId: QueryId.optional(),
})
export type EthicsFiguresQuery = z.infer<typeof EthicsFiguresQuery>

const FigureItem = z.object({ key: z.string(), label: z.string(), value: z.number() })
export const EthicsFiguresView = z.object({
  asOf: z.string(),
  year: z.number().nullable(),
  unitId: z.number().nullable(),
  unit: z.string().nullable(),
  /** 查处师德师风违规案件 * 起: live cases (that happened in `year`, when given). */
  cases: z.number(),
  /** 通报典型案例 * 起: live published cases (published in `year`, when given). */
  published: z.number(),
  /** Every live violation type, in the list's order (voided ones only while cases use them). */
  byViolationType: z.array(FigureItem),
  /** Every handling, warning first. */
  byHandling: z.array(FigureItem),
  /** Each year with a case or a publication, oldest first: cases that happened, cases published. */
  byYear: z.array(z.object({ year: z.number(), cases: z.number(), published: z.number() })),
})
export type EthicsFiguresView = z.infer<typeof EthicsFiguresView>
