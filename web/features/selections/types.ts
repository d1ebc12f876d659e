/** The selections API's answers (server/modules/selections/*-view.ts, reviews.ts, rubrics.ts). */
import type { Attachment } from '../../app/components/attachments/types'

export type ProgrammeKind = 'selection' | 'accreditation'
export type Aggregation = 'mean' | 'trimmed_mean'
export type ProgrammeStatus =
  | 'draft'
  | 'open'
  | 'reviewing'
  | 'scored'
  | 'decided'
  | 'approved'
  | 'notice'
  | 'final'
export type ProgrammeAction = 'open' | 'close' | 'decide' | 'approve' | 'return' | 'publish' | 'finalise'
export type NoticeState = 'not_published' | 'open' | 'closed'

export interface Criterion {
  key: string
  title: string
  weight: number
  maxScore?: number
  guidance?: string
  children?: Criterion[]
}

export interface Rubric {
  id: number
  name: string
  basedOn: number | null
  revision: number
  total: number
  criteria: Criterion[]
  leafCount: number
  note: string
  ownerUnit: string
  usedBy: number
  createdAt: string
  version: number
  voided: boolean
}

export interface Objection {
  id: number
  applicationId: number | null
  text: string
  lodgedBy: string
  lodgedOn: string
  answer: string | null
  upheld: boolean | null
  answeredBy: string | null
  version: number
}

export interface Programme {
  id: number
  name: string
  kind: ProgrammeKind
  batch: string
  description: string
  quota: number | null
  passMark: number | null
  eligibleKinds: string[]
  opensOn: string
  closesOn: string
  materials: string[]
  rubric: { id: number; name: string; revision: number; total: number }
  expertsPerApplication: number
  aggregation: Aggregation
  dispersionMargin: number
  blind: boolean
  noticeDays: number
  ownerUnit: string
  status: ProgrammeStatus
  assignSeed: number | null
  decisionNo: number
  approvedOn: string | null
  approvedBy: string | null
  returnReason: string | null
  notice: { publishedOn: string | null; endsOn: string | null; state: NoticeState }
  finalisedOn: string | null
  viewerRole: 'overseer' | 'applicant'
  applications: { submitted: number; draft: number } | null
  objections: Objection[]
  allowedActions: ProgrammeAction[]
  canApply: boolean
  version: number
  voided: boolean
}

export interface ProgrammeInput {
  name: string
  kind: ProgrammeKind
  batch: string
  description: string
  quota: number | null
  passMark: number | null
  eligibleKinds: string[]
  opensOn: string
  closesOn: string
  materials: string[]
  rubricId: number
  expertsPerApplication: number
  aggregation: Aggregation
  dispersionMargin: number
  blind: boolean
  noticeDays: number
}

export interface Material {
  name: string
  present: boolean
  files: Attachment[]
}

export interface Application {
  id: number
  programmeId: number
  programme: string
  unitId: number
  unit: string
  title: string
  field: string | null
  summary: string
  form: Record<string, string>
  status: 'draft' | 'submitted' | 'withdrawn'
  submittedAt: string | null
  withdrawReason: string | null
  materials: Material[]
  otherFiles: Attachment[]
  missingMaterials: string[]
  canEdit: boolean
  result: { rank: number; score: number | null; outcome: string } | null
  version: number
}

export interface ApplicationInput {
  title: string
  field?: string
  summary: string
  form: Record<string, string>
}

export interface PanelExpert {
  assignmentId: number
  expertId: number
  expert: string
  how: string
  status: 'assigned' | 'submitted'
  total: number | null
}

export interface SummaryRow {
  applicationId: number
  title: string
  unit: string
  field: string | null
  experts: PanelExpert[]
  totals: number[]
  score: number | null
  method: string
  dropped: number[]
  spread: number | null
  dispersed: boolean
  short: boolean
  notSubmitted: string[]
}

export interface Exclusion {
  applicationId: number
  expertId: number
  expert: string
  reason: 'same_unit' | 'related_unit' | 'declared'
  source: 'random' | 'manual'
  at: string
}

export interface RoundSummary {
  programmeId: number
  status: ProgrammeStatus
  assignSeed: number | null
  applications: number
  assignments: number
  submitted: number
  rows: SummaryRow[]
  exclusions: Exclusion[]
}

export interface RankingRow {
  rank: number
  applicationId: number
  title: string
  unit: string
  score: number | null
  heaviest: number | null
  median: number | null
  method: string
  dispersed: boolean
  experts: number
  outcome: string
  finalOutcome: string
}

export interface Ranking {
  programmeId: number
  frozen: boolean
  decisionNo: number
  rule: { kind: ProgrammeKind; quota: number | null; passMark: number | null }
  rows: RankingRow[]
}

export interface TimelineEvent {
  id: number
  applicationId: number | null
  at: string
  action: string
  actor: string
  detail: Record<string, unknown>
}

export interface Expert {
  id: number
  userId: number
  name: string
  unitId: number | null
  unit: string
  title: string
  fields: string[]
  conflictUnitIds: number[]
  note: string
  version: number
  voided: boolean
  voidReason: string | null
}

export interface ExpertInput {
  userId: number
  name: string
  unitId: number | null
  unitName: string
  title: string
  fields: string[]
  conflictUnitIds: number[]
  note: string
}

export interface ReviewFile {
  id: number
  filename: string | null
  fileType: string
  sizeBytes: number
}

export interface ReviewSummary {
  id: number
  programmeId: number
  programme: string
  batch: string
  kind: ProgrammeKind
  blind: boolean
  applicationId: number
  title: string
  field: string | null
  /** Null under blind review. */
  applicant: string | null
  status: 'assigned' | 'submitted'
  total: number | null
  submittedAt: string | null
  version: number
}

export interface Review extends ReviewSummary {
  summary: string
  form: Record<string, string>
  materials: { name: string; files: ReviewFile[] }[]
  otherFiles: ReviewFile[]
  criteria: Criterion[]
  rubricTotal: number
  scores: Record<string, number>
  comments: Record<string, string>
  comment: string
  runningTotal: number
  missing: string[]
}
