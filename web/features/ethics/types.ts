/**
 * Shapes of the teacher-ethics cases' JSON, mirroring server/modules/rectification/schema.ts.
 * The handlings are the domain's own list (pure code, safe in the bundle).
 */

import type { Handling } from '../../../domain/rectification/public-summary'
import type { Attachment } from '../../app/components/attachments/types'

export { HANDLINGS } from '../../../domain/rectification/public-summary'
export type { ListItem } from '../rectification/types'
export type { Handling }

export interface CaseFilters {
  q?: string
  schoolId?: number
  violationTypeId?: number
  handling?: Handling
  published?: 'true' | 'false'
  /** The same teacher again: the server matches it by keyed hash. */
  teacherIdNumber?: string
  from?: string
  to?: string
  includeVoided?: 'true'
}

export interface CaseSummary {
  id: number
  caseNo: string
  /** Masked (张**) unless the full view was asked for (that view is audited). */
  teacherName: string
  teacherIdNumber: string | null
  schoolId: number
  school: string
  occurredOn: string
  violationTypeId: number
  violationType: string
  handling: Handling
  handlingLabel: string
  published: boolean
  publishedOn: string | null
  version: number
  voided: boolean
}

export interface CaseDetail extends CaseSummary {
  finding: string
  handlingDetail: string
  handledOn: string | null
  /** The redacted text for publication; only a published case has one. */
  publicSummary: string | null
  personalMasked: boolean
  canSeePersonal: boolean
  voidReason: string | null
  /** Case documents (decision letter, hearing record): listed only when `canSeePersonal`. */
  attachments: Attachment[]
}

export interface PublicCase {
  id: number
  caseNo: string
  violationType: string
  handling: Handling
  /** YYYY-MM */
  occurredIn: string
  publishedOn: string | null
  publicSummary: string
}

export interface CaseInput {
  teacherName: string
  teacherIdNumber?: string
  schoolId: number
  occurredOn: string
  violationTypeId: number
  finding: string
  handling: Handling
  handlingDetail?: string
  handledOn?: string
  published?: boolean
}

/** One count of the ethics figures (a violation type, a handling). */
export interface FigureItem {
  key: string
  label: string
  value: number
}

/** GET /api/ethics/figures: named so reports can use them (通报典型案例 * 起). */
export interface EthicsFigures {
  asOf: string
  year: number | null
  unitId: number | null
  unit: string | null
  /** Live cases (that happened in `year`, when given). */
  cases: number
  /** Published cases (published in `year`, when given). */
  published: number
  byViolationType: FigureItem[]
  byHandling: FigureItem[]
  byYear: { year: number; cases: number; published: number }[]
}
