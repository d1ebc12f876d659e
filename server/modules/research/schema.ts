/** Request and response shapes of research topics, field visits, findings and figures. */
import { z } from 'zod'
import { PROBLEM_STATUSES } from '../../../domain/rectification/lifecycle.js'
import { TOPIC_ACTIONS, TOPIC_STATUSES } from '../../../domain/research/lifecycle.js'
import { AttachmentView } from '../attachments/schema.js'
import { IsoDate } from '../supervision/schema.js'

const Id = z.number().int().positive().max(2_147_483_647)
const QueryId = z.coerce.number().int().positive().max(2_147_483_647)
const Version = z.number().int().positive().max(2_147_483_647)
const TrueFalse = z.enum(['true', 'false'])
const Reason = z.string().trim().min(1).max(200)

export const IdParams = z.object({ id: QueryId })
export const VoidBody = z.strictObject({ version: Version, reason: Reason })
export const ReasonBody = z.strictObject({ reason: Reason })

/** 课题编号: letters, digits and - _ / . (a bureau's numbering, e.g. DY2026-01). */
export const TopicCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}\-_/.]*$/u, { error: 'invalid_format' })

// ---------------------------------------------------------------------------------------------
// Topics

export const CreateTopicBody = z.strictObject({
  /** Generated (DY<year>-<seq>) when left out. */
  code: TopicCode.optional(),
  title: z.string().trim().min(1).max(200),
  campaignId: Id,
  aspectId: Id,
  /** The owning unit (its subtree sees the topic); default the actor's own unit. */
  ownerUnitId: Id.optional(),
  /** The leader who owns the topic (领衔领导), by name; his account too when known. */
  leaderName: z.string().trim().max(50).optional(),
  leaderUserId: Id.optional(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  /** Units planned to visit, in order. */
  plannedUnitIds: z.array(Id).max(100).default([]),
  description: z.string().trim().max(2000).default(''),
})
export type CreateTopicInput = z.infer<typeof CreateTopicBody>

export const UpdateTopicBody = z.strictObject({
  version: Version,
  code: TopicCode.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  aspectId: Id.optional(),
  ownerUnitId: Id.optional(),
  leaderName: z.string().trim().max(50).nullable().optional(),
  leaderUserId: Id.nullable().optional(),
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  plannedUnitIds: z.array(Id).max(100).optional(),
  description: z.string().trim().max(2000).optional(),
})
export type UpdateTopicInput = z.infer<typeof UpdateTopicBody>

export const TopicActionBody = z.strictObject({
  version: Version,
  action: z.enum(TOPIC_ACTIONS),
  /** Required to reopen (send a report back). */
  reason: z.string().trim().max(500).optional(),
  /** The report's summary (调研报告摘要): required to report. */
  summary: z.string().trim().max(5000).optional(),
  /** The day it happened (default today, never in the future). */
  on: IsoDate.optional(),
})
export type TopicActionInput = z.infer<typeof TopicActionBody>

export const ListTopicsQuery = z.object({
  campaignId: QueryId.optional(),
  aspectId: QueryId.optional(),
  status: z.enum(TOPIC_STATUSES).optional(),
  /** The owning unit or any unit below it. */
  ownerUnitId: QueryId.optional(),
  /** In the code, title, leader or description. */
  q: z.string().trim().max(50).optional(),
  includeVoided: TrueFalse.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type ListTopicsQuery = z.infer<typeof ListTopicsQuery>

const UnitRef = z.object({ id: z.number(), name: z.string() })

export const TopicSummary = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  campaignId: z.number(),
  campaign: z.string(),
  aspectId: z.number(),
  aspect: z.string(),
  ownerUnitId: z.number(),
  ownerUnit: z.string(),
  leaderName: z.string().nullable(),
  leaderUserId: z.number().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(TOPIC_STATUSES),
  plannedUnits: z.array(UnitRef),
  visitCount: z.number(),
  findingCount: z.number(),
  convertedCount: z.number(),
  reportedOn: z.string().nullable(),
  concludedOn: z.string().nullable(),
  source: z.string(),
  version: z.number(),
  voided: z.boolean(),
})
export type TopicSummary = z.infer<typeof TopicSummary>

export const VisitView = z.object({
  id: z.number(),
  visitedOn: z.string(),
  unitId: z.number(),
  unit: z.string(),
  unitKind: z.string(),
  /** The city and county the visit counts for (null when none). */
  city: z.string().nullable(),
  county: z.string().nullable(),
  participants: z.string(),
  note: z.string(),
  author: z.string(),
  at: z.string(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
})
export type VisitView = z.infer<typeof VisitView>

export const FindingView = z.object({
  id: z.number(),
  text: z.string(),
  categoryId: z.number(),
  category: z.string(),
  responsibleUnitId: z.number(),
  responsibleUnit: z.string(),
  foundOn: z.string(),
  /** The rectification problem it became: code and status read live from the problems ledger. */
  problem: z
    .object({ id: z.number(), code: z.string(), status: z.enum(PROBLEM_STATUSES), voided: z.boolean() })
    .nullable(),
  convertedAt: z.string().nullable(),
  convertedBy: z.string().nullable(),
  author: z.string(),
  version: z.number(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
})
export type FindingView = z.infer<typeof FindingView>

export const EventView = z.object({
  id: z.number(),
  at: z.string(),
  on: z.string(),
  action: z.string(),
  actor: z.string(),
  detail: z.record(z.string(), z.unknown()),
})

export const TopicDetail = TopicSummary.extend({
  description: z.string(),
  reportSummary: z.string().nullable(),
  voidReason: z.string().nullable(),
  visits: z.array(VisitView),
  findings: z.array(FindingView),
  /** The report's files (and any other file of the topic), voided ones included. */
  attachments: z.array(AttachmentView),
  /** Distinct places this topic's live visits reached. */
  citiesVisited: z.array(UnitRef),
  countiesVisited: z.array(UnitRef),
  events: z.array(EventView),
  allowedActions: z.array(z.enum(TOPIC_ACTIONS)),
  canEdit: z.boolean(),
  /** May turn findings into rectification problems (task.write and problem.write). */
  canConvert: z.boolean(),
})
export type TopicDetail = z.infer<typeof TopicDetail>

// ---------------------------------------------------------------------------------------------
// Visits and findings

export const VisitBody = z.strictObject({
  visitedOn: IsoDate,
  orgUnitId: Id,
  /** Who went (调研人员). */
  participants: z.string().trim().max(200).default(''),
  note: z.string().trim().max(2000).default(''),
})
export type VisitInput = z.infer<typeof VisitBody>

export const FindingBody = z.strictObject({
  text: z.string().trim().min(1).max(1000),
  /** An entry of the rectification category list (思想观念, 工作作风 …). */
  categoryId: Id,
  responsibleUnitId: Id,
  /** Default today; never in the future. */
  foundOn: IsoDate.optional(),
})
export type FindingInput = z.infer<typeof FindingBody>

export const UpdateFindingBody = z.strictObject({
  version: Version,
  text: z.string().trim().min(1).max(1000).optional(),
  categoryId: Id.optional(),
  responsibleUnitId: Id.optional(),
  foundOn: IsoDate.optional(),
})
export type UpdateFindingInput = z.infer<typeof UpdateFindingBody>

export const ToProblemBody = z.strictObject({
  version: Version,
  /** The problem's responsible leader (责任领导), if already known. */
  responsibleLeader: z.string().trim().max(50).optional(),
  fixAtOnce: z.boolean().default(false),
})
export type ToProblemInput = z.infer<typeof ToProblemBody>

export const ProblemLinkView = z.object({
  problemId: z.number(),
  findingId: z.number(),
  findingText: z.string(),
  topicId: z.number(),
  topicCode: z.string(),
  topicTitle: z.string(),
})

// ---------------------------------------------------------------------------------------------
// Figures

export const FiguresQuery = z.object({ campaignId: QueryId.optional() })

const Item = z.object({ key: z.string(), label: z.string(), value: z.number() })

export const FiguresView = z.object({
  campaignId: z.number().nullable(),
  campaign: z.string().nullable(),
  asOf: z.string(),
  /** Live topics (个调研课题), whatever their status. */
  topics: z.number(),
  /** 个方面: the campaign's aspects (without a campaign: the aspects the topics fall under). */
  aspects: z.number(),
  aspectsWithTopics: z.number(),
  byAspect: z.array(Item),
  byStatus: z.object({
    planned: z.number(),
    in_progress: z.number(),
    reported: z.number(),
    concluded: z.number(),
  }),
  /** Topics whose report is in (reported or concluded). */
  reports: z.number(),
  /** Live field visits of live topics. */
  visits: z.number(),
  /** 深入**个市的**个县: distinct cities and counties the visits reached. */
  citiesVisited: z.number(),
  countiesVisited: z.number(),
  /** The cities and counties, with their number of visits. */
  cities: z.array(Item),
  counties: z.array(Item),
  findings: z.number(),
  findingsConverted: z.number(),
  /** findingsConverted / findings, null when there is no finding. */
  conversionRate: z.number().nullable(),
})
export type FiguresView = z.infer<typeof FiguresView>
