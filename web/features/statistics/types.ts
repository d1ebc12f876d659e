/** Shapes of the statistics-ledger API (server/modules/statistics/schema.ts). */

export const COLUMN_TYPES = [
  'text',
  'integer',
  'decimal',
  'money',
  'date',
  'boolean',
  'enum',
  'org',
  'percent',
] as const
export type ColumnType = (typeof COLUMN_TYPES)[number]

export const PERIOD_KINDS = ['year', 'quarter', 'month', 'none'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]

export interface EnumOption {
  value: string
  labelZh: string
  labelEn: string
  synonyms?: string[]
}

export interface LedgerColumn {
  key: string
  labelZh: string
  labelEn: string
  type: ColumnType
  required: boolean
  unique: boolean
  options?: EnumOption[]
  synonyms: string[]
  help?: string
  moneyUnit?: 'yuan' | 'wan'
  derived: boolean
  derive?: { rule: 'in_city'; from: string }
}

export interface LedgerDefinition {
  id: number
  key: string
  nameZh: string
  nameEn: string
  description: string
  ownerUnitId: number | null
  submitterKinds: string[]
  submitterUnitIds: number[]
  periodKind: PeriodKind
  periodColumn: string | null
  orgColumn: string | null
  keyColumns: string[]
  dueDays: number | null
  builtin: boolean
  columns: LedgerColumn[]
  version: number
  dataChangedAt: string | null
  voided: boolean
}

export type CellValue = string | number | boolean | null

export interface LedgerRow {
  id: number
  ledger: string
  orgUnitId: number
  orgUnit: string
  periodDate: string
  submissionId: number
  status: SubmissionStatus
  values: Record<string, CellValue>
  version: number
  createdAt: string
  updatedAt: string
  voided: boolean
  voidReason: string | null
}

export interface RowFilters {
  orgUnitId?: number
  /** A year: rows whose period date falls in it. */
  year?: string
  q?: string
  status?: SubmissionStatus
  sort?: string
  order?: 'asc' | 'desc'
  includeVoided?: boolean
}

export interface Submission {
  id: number
  ledger: string
  orgUnitId: number
  orgUnit: string
  period: string
  periodStart: string
  periodEnd: string
  dueOn: string | null
  status: SubmissionStatus
  rows: number
  firstSubmittedOn: string | null
  submittedAt: string | null
  submittedBy: string | null
  decidedAt: string | null
  decidedBy: string | null
  returnReason: string | null
  version: number
}

export interface Completeness {
  ledger: string
  period: string
  dueOn: string | null
  expected: number
  approved: number
  onTime: number
  completeness: number | null
  timeliness: number | null
  units: {
    orgUnitId: number
    name: string
    status: string
    firstSubmittedOn: string | null
    onTime: boolean | null
  }[]
}

export interface ImportMapping {
  columns: Record<string, string | null>
  moneyUnits: Record<string, 'yuan' | 'wan'>
}

export interface PreviewSheet {
  name: string
  headerRow: number
  headerRows: number
  columns: { index: number; letter: string; label: string; field: string | null }[]
  missing: string[]
  moneyUnits: Record<string, 'yuan' | 'wan'>
  rows: number
  skipped: number
  errors: number
  sample: {
    row: number
    values: Record<string, CellValue>
    problems: { field: string; column?: string; message: string }[]
  }[]
}

export interface ImportPreview {
  ledger: string
  fields: { key: string; labelZh: string; labelEn: string; type: ColumnType; required: boolean }[]
  sheets: PreviewSheet[]
  mapping: ImportMapping
}

/** What the definition form sends (CreateDefinitionBody / UpdateDefinitionBody). */
export interface ColumnInput {
  key: string
  labelZh: string
  labelEn: string
  type: ColumnType
  required: boolean
  unique: boolean
  options?: EnumOption[]
  synonyms: string[]
  help?: string
  moneyUnit?: 'yuan' | 'wan'
}

export interface DefinitionInput {
  nameZh: string
  nameEn: string
  description: string
  ownerUnitId: number | null
  submitterKinds: string[]
  periodKind: PeriodKind
  periodColumn: string | null
  orgColumn: string | null
  keyColumns: string[]
  dueDays: number | null
  columns: ColumnInput[]
}
