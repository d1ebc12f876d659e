/**
 * Shapes of the research module's JSON, mirroring server/modules/research/schema.ts. The statuses
 * and actions are the domain's own lists (pure code, safe in the bundle).
 */
import type { ProblemStatus } from '../../../domain/rectification/lifecycle'
import type { TopicAction, TopicStatus } from '../../../domain/research/lifecycle'

export { TOPIC_ACTIONS, TOPIC_STATUSES } from '../../../domain/research/lifecycle'
export type { TopicAction, TopicStatus }

export interface TopicFilters {
  campaignId?: number
  aspectId?: number
  status?: TopicStatus
  ownerUnitId?: number
  q?: string
  includeVoided?: 'true'
}

export interface UnitRef {
  id: number
  name: string
}

export interface TopicSummary {
  id: number
  code: string
  title: string
  campaignId: number
  campaign: string
  aspectId: number
  aspect: string
  ownerUnitId: number
  ownerUnit: string
  leaderName: string | null
  leaderUserId: number | null
  startsOn: string
  endsOn: string
  status: TopicStatus
  plannedUnits: UnitRef[]
  visitCount: number
  findingCount: number
  convertedCount: number
  reportedOn: string | null
  concludedOn: string | null
  source: string
  version: number
  voided: boolean
}

export interface Visit {
  id: number
  visitedOn: string
  unitId: number
  unit: string
  unitKind: string
  city: string | null
  county: string | null
  participants: string
  note: string
  author: string
  at: string
  voided: boolean
  voidReason: string | null
}

export interface Finding {
  id: number
  text: string
  categoryId: number
  category: string
  responsibleUnitId: number
  responsibleUnit: string
  foundOn: string
  problem: { id: number; code: string; status: ProblemStatus; voided: boolean } | null
  convertedAt: string | null
  convertedBy: string | null
  author: string
  version: number
  voided: boolean
  voidReason: string | null
}

export interface Attachment {
  id: number
  filename: string
  contentType: string
  fileType: string
  sizeBytes: number
  sha256: string
  note: string
  uploadedBy: string
  createdAt: string
  voidedAt: string | null
  voidReason: string | null
}

export interface TopicEvent {
  id: number
  at: string
  on: string
  action: string
  actor: string
  detail: Record<string, unknown>
}

export interface TopicDetail extends TopicSummary {
  description: string
  reportSummary: string | null
  voidReason: string | null
  visits: Visit[]
  findings: Finding[]
  attachments: Attachment[]
  citiesVisited: UnitRef[]
  countiesVisited: UnitRef[]
  events: TopicEvent[]
  allowedActions: TopicAction[]
  canEdit: boolean
  canConvert: boolean
}

/** What the create form sends; edit sends the changed fields with `version`. */
export interface TopicInput {
  code?: string
  title: string
  campaignId: number
  aspectId: number
  ownerUnitId?: number
  leaderName?: string | null
  startsOn: string
  endsOn: string
  plannedUnitIds: number[]
  description: string
}

export interface VisitInput {
  visitedOn: string
  orgUnitId: number
  participants: string
  note: string
}

export interface FindingInput {
  text: string
  categoryId: number
  responsibleUnitId: number
  foundOn?: string
}

export interface Campaign {
  id: number
  name: string
  aspects: { id: number; name: string; sortOrder: number }[]
}

export interface ListItem {
  id: number
  name: string
  voided: boolean
}

export interface FigureItem {
  key: string
  label: string
  value: number
}

export interface Figures {
  campaignId: number | null
  campaign: string | null
  asOf: string
  topics: number
  aspects: number
  aspectsWithTopics: number
  byAspect: FigureItem[]
  byStatus: Record<TopicStatus, number>
  reports: number
  visits: number
  citiesVisited: number
  countiesVisited: number
  cities: FigureItem[]
  counties: FigureItem[]
  findings: number
  findingsConverted: number
  conversionRate: number | null
}
