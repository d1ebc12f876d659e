/**
 * Shapes of the problem list's JSON, mirroring server/modules/rectification/schema.ts. The
 * statuses, sources and actions are the domain's own lists (pure code, safe in the bundle).
 */
import type {
  MeasureStatus,
  ProblemAction,
  ProblemSource,
  ProblemStatus,
} from '../../../domain/rectification/lifecycle'

export {
  MEASURE_STATUSES,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
} from '../../../domain/rectification/lifecycle'
export type { MeasureStatus, ProblemAction, ProblemSource, ProblemStatus }

export interface ProblemFilters {
  q?: string
  status?: ProblemStatus
  source?: ProblemSource
  categoryId?: number
  campaign?: string
  unitId?: number
  fixAtOnce?: 'true' | 'false'
  overdue?: 'true'
  includeVoided?: 'true'
}

export interface ProblemSummary {
  id: number
  code: string
  description: string
  source: ProblemSource
  sourceLabel: string
  categoryId: number
  category: string
  campaign: string
  campaignId: number | null
  responsibleUnitId: number
  responsibleUnit: string
  responsibleLeader: string | null
  responsibleUserId: number | null
  foundOn: string
  fixAtOnce: boolean
  status: ProblemStatus
  statusLabel: string
  measuresTotal: number
  measuresDone: number
  measuresOverdue: number
  nextDeadline: string | null
  evidenceCount: number
  signedOffAt: string | null
  version: number
  voided: boolean
}

export interface Measure {
  id: number
  seq: number
  content: string
  owner: string
  ownerUnitId: number | null
  deadline: string | null
  status: MeasureStatus
  doneOn: string | null
  overdue: boolean
  version: number
  voided: boolean
}

export interface Evidence {
  id: number
  measureId: number | null
  filename: string
  contentType: string
  fileType: string
  size: number
  sha256: string
  note: string
  uploadedBy: string
  uploadedAt: string
  voided: boolean
}

export interface ProblemEvent {
  id: number
  at: string
  action: string
  actor: string
  detail: Record<string, unknown>
}

export interface ProblemDetail extends ProblemSummary {
  createdBy: number | null
  rectifiedOn: string | null
  signoff: { by: number | null; byName: string; at: string; comment: string } | null
  reopenCount: number
  voidReason: string | null
  origin: string
  allowedActions: ProblemAction[]
  /** The caller may sign it off now (permission, not the owner, rectified, evidence on file). */
  canSignOff: boolean
  measures: Measure[]
  evidence: Evidence[]
  events: ProblemEvent[]
}

export interface MeasureInput {
  content: string
  owner?: string
  ownerUnitId?: number
  deadline: string
}

export interface ProblemInput {
  description: string
  source: ProblemSource
  categoryId: number
  campaign?: string
  responsibleUnitId: number
  responsibleLeader?: string
  foundOn: string
  fixAtOnce?: boolean
  measures?: MeasureInput[]
}

export interface Tally {
  found: number
  open: number
  rectifying: number
  rectified: number
  signedOff: number
  completed: number
  fixAtOnce: number
  overdueMeasures: number
  /** 整改率 (销号率): signed off ÷ found; null when nothing was found. */
  rate: number | null
  completionRate: number | null
}

export interface FigureRow extends Tally {
  key: string
  label: string
}

export interface Figures extends Tally {
  asOf: string
  unitId: number | null
  unit: string | null
  campaign: string | null
  campaignId: number | null
  bySource: FigureRow[]
  byCategory: FigureRow[]
  byUnit: (FigureRow & { unitId: number })[]
  /** By the campaign name on each problem; key '' gathers problems outside any campaign. */
  byCampaign: FigureRow[]
  /** The last twelve months, oldest first. */
  byMonth: { month: string; found: number; signedOff: number }[]
}

/** An entry of a configurable list (problem categories, violation types). */
export interface ListItem {
  id: number
  name: string
  sortOrder: number
  version: number
  voided: boolean
}
