/** Request and response shapes of the petition ledger. */
import { z } from 'zod'
import { ACTIONS, OUTCOMES, SATISFACTIONS, STATUSES } from '../../../domain/petitions/lifecycle.js'

export const CHANNELS = ['online', 'letter', 'phone', 'fax', 'visit'] as const
export const KINDS = ['suggestion', 'accusation', 'claim'] as const
export const LEVELS = ['city', 'county', 'school'] as const
export const PLAN_STATUSES = ['draft', 'running', 'done'] as const

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' })
const Id = z.number().int().positive().max(2_147_483_647)
export const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })

export const PersonInput = z.strictObject({
  name: z.string().trim().min(1).max(50),
  idNumber: z.string().trim().max(18).optional(),
  phone: z.string().trim().max(20).optional(),
  address: z.string().trim().max(200).optional(),
})
export type PersonInput = z.infer<typeof PersonInput>

export const RegisterCaseBody = z.strictObject({
  caseNo: z.string().trim().min(1).max(40).optional(),
  receivedOn: IsoDate,
  channel: z.enum(CHANNELS),
  kind: z.enum(KINDS),
  /** A group visit: how many came; its representatives (at most 5) are the people listed. */
  groupSize: z.number().int().min(2).max(10_000).optional(),
  petitioners: z.array(PersonInput).min(1).max(5),
  categoryId: Id,
  demandId: Id,
  summary: z.string().trim().max(4000).default(''),
  orgUnitId: Id,
  level: z.enum(LEVELS),
  responsibleUnitId: Id,
  responsibleLeader: z.string().trim().max(50).optional(),
  regionLeader: z.string().trim().max(50).optional(),
  accusedUnitId: Id.optional(),
  duplicateOf: Id.optional(),
})
export type RegisterCaseInput = z.infer<typeof RegisterCaseBody>

export const ActionBody = z.strictObject({
  version: z.number().int().positive(),
  action: z.enum(ACTIONS),
  on: IsoDate,
  extensionDays: z.number().int().min(1).max(30).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  satisfaction: z.enum(SATISFACTIONS).optional(),
  forwardToUnitId: Id.optional(),
  /** Why: required for extend, object, decline; kept in the timeline. */
  note: z.string().trim().max(2000).optional(),
  approvedBy: z.string().trim().max(50).optional(),
})
export type ActionInput = z.infer<typeof ActionBody>

export const VoidCaseBody = z.strictObject({
  version: z.number().int().positive(),
  reason: z.string().trim().min(1).max(200),
})

export const DueState = z.enum(['none', 'ok', 'due_soon', 'overdue'])

export const CaseSummary = z.object({
  id: z.number(),
  caseNo: z.string(),
  receivedOn: z.string(),
  channel: z.string(),
  kind: z.string(),
  categoryId: z.number(),
  category: z.string(),
  demandId: z.number(),
  demand: z.string(),
  petitioner: z.string(),
  countyId: z.number().nullable(),
  county: z.string().nullable(),
  responsibleUnit: z.string(),
  responsibleLeader: z.string().nullable(),
  status: z.enum(STATUSES),
  stage: z.string().nullable(),
  due: z.string().nullable(),
  daysLeft: z.number().nullable(),
  dueState: DueState,
  closedOn: z.string().nullable(),
  version: z.number(),
  voided: z.boolean(),
})
export type CaseSummary = z.infer<typeof CaseSummary>

export const PersonView = z.object({
  seq: z.number(),
  role: z.string(),
  name: z.string(),
  idNumber: z.string().nullable(),
  idUntrusted: z.boolean(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
})

export const EventView = z.object({
  id: z.number(),
  at: z.string(),
  on: z.string(),
  action: z.string(),
  actor: z.string(),
  detail: z.record(z.string(), z.unknown()),
})

export const CaseDetail = CaseSummary.extend({
  groupSize: z.number().nullable(),
  summary: z.string(),
  orgUnitId: z.number(),
  orgUnit: z.string(),
  level: z.string(),
  responsibleUnitId: z.number(),
  regionLeader: z.string().nullable(),
  accusedUnitId: z.number().nullable(),
  forwardedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  extensionDays: z.number(),
  repliedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  reviewRequestedOn: z.string().nullable(),
  reviewDecidedOn: z.string().nullable(),
  rereviewRequestedOn: z.string().nullable(),
  rereviewDecidedOn: z.string().nullable(),
  satisfaction: z.string().nullable(),
  visitedOn: z.string().nullable(),
  deadlines: z.record(z.string(), z.string().nullable()),
  allowedActions: z.array(z.enum(ACTIONS)),
  duplicateOf: z.number().nullable(),
  duplicateOfCaseNo: z.string().nullable(),
  source: z.string(),
  personalErased: z.boolean(),
  /** Masked unless the caller asked for, and may see, the full values (that view is audited). */
  people: z.array(PersonView),
  peopleMasked: z.boolean(),
  canSeePersonal: z.boolean(),
  events: z.array(EventView),
  campaigns: z.array(z.object({ id: z.number(), name: z.string() })),
})
export type CaseDetail = z.infer<typeof CaseDetail>

export const ListCasesQuery = z.object({
  q: z.string().trim().max(50).optional(),
  status: z.enum(STATUSES).optional(),
  open: z.enum(['true', 'false']).optional(),
  dueState: z.enum(['overdue', 'due_soon']).optional(),
  categoryId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  demandId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  countyId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  campaignId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  receivedFrom: IsoDate.optional(),
  receivedTo: IsoDate.optional(),
  includeVoided: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type ListCasesQuery = z.infer<typeof ListCasesQuery>

export const CategoryView = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  synonyms: z.array(z.string()),
  sortOrder: z.number(),
  version: z.number(),
  voided: z.boolean(),
})
export const CategoryBody = z.strictObject({
  parentId: Id.nullable().optional(),
  name: z.string().trim().min(1).max(40),
  synonyms: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
})
export const UpdateCategoryBody = z.strictObject({
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(40).optional(),
  synonyms: z.array(z.string().trim().min(1).max(40)).max(20).optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
})

export const CampaignView = z.object({
  id: z.number(),
  name: z.string(),
  cutoffOn: z.string(),
  endsOn: z.string().nullable(),
  goal: z.string(),
  cases: z.number(),
  version: z.number(),
})
export const CampaignBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  cutoffOn: IsoDate,
  endsOn: IsoDate.optional(),
  goal: z.string().trim().max(500).default(''),
})
export const TagCasesBody = z.strictObject({ caseIds: z.array(Id).min(1).max(1000) })

export const PlanView = z.object({
  id: z.number(),
  categoryId: z.number(),
  category: z.string(),
  demandId: z.number().nullable(),
  demand: z.string().nullable(),
  title: z.string(),
  owner: z.string(),
  measures: z.string(),
  status: z.enum(PLAN_STATUSES),
  dueOn: z.string().nullable(),
  openCases: z.number(),
  version: z.number(),
})
export const PlanBody = z.strictObject({
  categoryId: Id,
  demandId: Id.optional(),
  title: z.string().trim().min(1).max(100),
  owner: z.string().trim().min(1).max(50),
  measures: z.string().trim().max(4000).default(''),
  status: z.enum(PLAN_STATUSES).default('running'),
  dueOn: IsoDate.optional(),
})
export const UpdatePlanBody = PlanBody.partial()
  .extend({ version: z.number().int().positive(), demandId: Id.nullable().optional() })
  .strict()

export const FiguresQuery = z.object({
  campaignId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  cutoff: IsoDate.optional(),
  asOf: IsoDate.optional(),
  countyId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
})

const Count = z.object({ key: z.string(), label: z.string(), value: z.number() })
export const FiguresView = z.object({
  cutoff: z.string(),
  asOf: z.string(),
  firstYear: z.number().nullable(),
  cases: z.number(),
  categoriesUsed: z.number(),
  demandsUsed: z.number(),
  stockAtCutoff: z.number(),
  stockResolved: z.number(),
  stockResolvedRate: z.number().nullable(),
  newReceived: z.number(),
  newResolved: z.number(),
  openNow: z.number(),
  backlog: z.number(),
  backlogDays: z.number(),
  overdue: z.number(),
  dueSoon: z.number(),
  onTimeNoticeRate: z.number().nullable(),
  onTimeHandlingRate: z.number().nullable(),
  satisfaction: z.object({
    satisfied: z.number(),
    basic: z.number(),
    unsatisfied: z.number(),
    rate: z.number().nullable(),
  }),
  repeatCases: z.number(),
  byCategory: z.array(Count.extend({ open: z.number(), hasPlan: z.boolean() })),
  byDemand: z.array(Count.extend({ categoryId: z.number(), open: z.number() })),
  byCounty: z.array(Count.extend({ open: z.number(), overdue: z.number() })),
  byMonth: z.array(z.object({ month: z.string(), received: z.number(), resolved: z.number() })),
  categoriesWithoutPlan: z.array(z.string()),
})
export type FiguresView = z.infer<typeof FiguresView>

export const SettingsView = z.object({
  dueSoonDays: z.number(),
  backlogDays: z.number(),
  retentionYears: z.number(),
})
export const SettingsBody = z.strictObject({
  dueSoonDays: z.number().int().min(0).max(30).optional(),
  backlogDays: z.number().int().min(1).max(3650).optional(),
  retentionYears: z.number().int().min(1).max(50).optional(),
})

export const SimilarQuery = z.object({
  idNumber: z.string().trim().max(18).optional(),
  phone: z.string().trim().max(20).optional(),
  demandId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  summary: z.string().trim().max(2000).optional(),
})
export const SimilarView = z.object({
  items: z.array(
    CaseSummary.pick({ id: true, caseNo: true, receivedOn: true, demand: true, status: true }).extend({
      score: z.number(),
      samePerson: z.boolean(),
      final: z.boolean(),
    }),
  ),
})
