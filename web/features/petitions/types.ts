/**
 * Shapes of the petition ledger's JSON, mirroring server/modules/petitions/schema.ts.
 * Enum lists of the server schema are repeated (the bundle must not pull in server code); the
 * statuses and actions come from domain/, which is pure.
 */

// The statuses and actions are the domain's own lists (pure code, safe in the bundle).
import type { Action, Status } from '../../../domain/petitions/lifecycle'

export { ACTIONS, STATUSES } from '../../../domain/petitions/lifecycle'
export type CaseAction = Action
export type CaseStatus = Status

export const CHANNELS = ['online', 'letter', 'phone', 'fax', 'visit'] as const
export type Channel = (typeof CHANNELS)[number]
export const KINDS = ['suggestion', 'accusation', 'claim'] as const
export type CaseKind = (typeof KINDS)[number]
export const LEVELS = ['city', 'county', 'school'] as const
export type Level = (typeof LEVELS)[number]
export const OUTCOMES = ['supported', 'explained', 'not_supported'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const SATISFACTIONS = ['satisfied', 'basic', 'unsatisfied'] as const
export type Satisfaction = (typeof SATISFACTIONS)[number]
export const PLAN_STATUSES = ['draft', 'running', 'done'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export type DueState = 'none' | 'ok' | 'due_soon' | 'overdue'

export interface CaseSummary {
  id: number
  caseNo: string
  receivedOn: string
  channel: string
  kind: string
  categoryId: number
  category: string
  demandId: number
  demand: string
  /** Already masked by the server. */
  petitioner: string
  countyId: number | null
  county: string | null
  responsibleUnit: string
  responsibleLeader: string | null
  status: CaseStatus
  stage: string | null
  due: string | null
  daysLeft: number | null
  dueState: DueState
  closedOn: string | null
  version: number
  voided: boolean
}

export interface Person {
  seq: number
  role: string
  name: string
  idNumber: string | null
  idUntrusted: boolean
  phone: string | null
  address: string | null
}

export interface CaseEvent {
  id: number
  at: string
  on: string
  action: string
  actor: string
  detail: Record<string, unknown>
}

export interface CaseDetail extends CaseSummary {
  groupSize: number | null
  summary: string
  orgUnitId: number
  orgUnit: string
  level: string
  responsibleUnitId: number
  regionLeader: string | null
  accusedUnitId: number | null
  forwardedOn: string | null
  acceptedOn: string | null
  extensionDays: number
  repliedOn: string | null
  outcome: string | null
  reviewRequestedOn: string | null
  reviewDecidedOn: string | null
  rereviewRequestedOn: string | null
  rereviewDecidedOn: string | null
  satisfaction: string | null
  visitedOn: string | null
  deadlines: Record<string, string | null>
  allowedActions: CaseAction[]
  duplicateOf: number | null
  source: string
  personalErased: boolean
  people: Person[]
  peopleMasked: boolean
  canSeePersonal: boolean
  events: CaseEvent[]
  campaigns: { id: number; name: string }[]
}

/** GET /api/petitions/cases query; strings because they go into the URL as they are. */
export interface CaseFilters {
  q?: string
  status?: CaseStatus
  open?: 'true' | 'false'
  dueState?: 'overdue' | 'due_soon'
  categoryId?: number
  demandId?: number
  countyId?: number
  campaignId?: number
  receivedFrom?: string
  receivedTo?: string
  includeVoided?: 'true'
}

export interface PersonInput {
  name: string
  idNumber?: string
  phone?: string
  address?: string
}

export interface RegisterCaseInput {
  receivedOn: string
  channel: Channel
  kind: CaseKind
  groupSize?: number
  petitioners: PersonInput[]
  categoryId: number
  demandId: number
  summary: string
  orgUnitId: number
  level: Level
  responsibleUnitId: number
  responsibleLeader?: string
  regionLeader?: string
  accusedUnitId?: number
  duplicateOf?: number
}

export interface ActionInput {
  version: number
  action: CaseAction
  on: string
  extensionDays?: number
  outcome?: Outcome
  satisfaction?: Satisfaction
  forwardToUnitId?: number
  note?: string
  approvedBy?: string
}

export interface SimilarCase {
  id: number
  caseNo: string
  receivedOn: string
  demand: string
  status: CaseStatus
  score: number
  samePerson: boolean
  /** 复核终结: the same matter is not accepted again. */
  final: boolean
}

export interface Category {
  id: number
  /** null for a category (first level); a demand's category otherwise. */
  parentId: number | null
  name: string
  synonyms: string[]
  sortOrder: number
  version: number
  voided: boolean
}

export interface Campaign {
  id: number
  name: string
  cutoffOn: string
  endsOn: string | null
  goal: string
  cases: number
  version: number
}

export interface BoardRow {
  key: string
  label: string
  total: number
  open: number
  overdue: number
}

export interface CampaignBoard {
  byUnit: BoardRow[]
  byLeader: BoardRow[]
}

export interface Plan {
  id: number
  categoryId: number
  category: string
  demandId: number | null
  demand: string | null
  title: string
  owner: string
  measures: string
  status: PlanStatus
  dueOn: string | null
  openCases: number
  version: number
}

export interface PlanInput {
  categoryId: number
  demandId?: number
  title: string
  owner: string
  measures: string
  status: PlanStatus
  dueOn?: string
}

interface Count {
  key: string
  label: string
  value: number
}

export interface Figures {
  cutoff: string
  asOf: string
  firstYear: number | null
  cases: number
  categoriesUsed: number
  demandsUsed: number
  stockAtCutoff: number
  stockResolved: number
  stockResolvedRate: number | null
  newReceived: number
  newResolved: number
  openNow: number
  backlog: number
  backlogDays: number
  overdue: number
  dueSoon: number
  onTimeNoticeRate: number | null
  onTimeHandlingRate: number | null
  satisfaction: { satisfied: number; basic: number; unsatisfied: number; rate: number | null }
  repeatCases: number
  byCategory: (Count & { open: number; hasPlan: boolean })[]
  byDemand: (Count & { categoryId: number; open: number })[]
  byCounty: (Count & { open: number; overdue: number })[]
  byMonth: { month: string; received: number; resolved: number }[]
  categoriesWithoutPlan: string[]
}

export interface Settings {
  dueSoonDays: number
  backlogDays: number
  retentionYears: number
}

export interface ImportMapping {
  /** Header label → field key, or null to ignore the column. */
  columns: Record<string, string | null>
  /** Category text in the file → category id, or null (left unmapped: an error row). */
  categories: Record<string, number | null>
  /** "category/demand" text in the file → demand id, or null. */
  demands: Record<string, number | null>
}

export interface ImportPreview {
  sheetName: string
  /** Data rows found (not in the written contract, but sent by the server). */
  rows?: number
  columns: { index: number; letter: string; label: string; field: string | null }[]
  fields: { field: string; header: string; headerEn: string; required: boolean }[]
  values: {
    category: { value: string; count: number; mapped: number | null }[]
    demand: { value: string; category: string; count: number; mapped: number | null }[]
  }
  mapping: ImportMapping
}
