/** Shapes of the report API (server/modules/reports/schema.ts). */

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month'
export const PERIOD_KINDS: PeriodKind[] = ['year', 'half', 'quarter', 'month']

export interface TemplateSummary {
  key: string
  title: string
  description: string
  periodKind: PeriodKind
  builtin: boolean
  /** The source's version number (each save of a changed source adds one). */
  currentVersion: number
  /** The row's optimistic-lock version, sent back on every write. */
  version: number
  updatedAt: string
  voided: boolean
}

export interface TemplateView extends TemplateSummary {
  source: string
  history: { versionNo: number; note: string; createdAt: string }[]
}

export interface Problem {
  line: number
  col: number
  message: string
}

export type FigureSourceKind = 'ledger' | 'module' | 'manual' | 'expression'

/** One figure of a rendering and where it came from. */
export interface FigureView {
  index: number
  key: string
  name: string
  unit: string
  period: string
  orgUnitId: number
  value: number | null
  changedAt: string | null
  rows: number | null
  source: { kind: FigureSourceKind; ref: string }
  /** For a ledger aggregate: the ledger rows API query listing the rows behind it. */
  rowsQuery?: { ledger: string; query: Record<string, string | string[]>; exact: boolean }
}

export interface PreviewView {
  html: string
  figures: FigureView[]
}

export interface SnapshotSummary {
  id: number
  template: string
  templateVersion: number
  title: string
  period: string
  orgUnitId: number
  orgName: string
  figures: number
  createdAt: string
}

export interface SnapshotView extends SnapshotSummary {
  html: string
  publicHtml: string
  figureList: FigureView[]
  terms: {
    reviewed: string[]
    org: number
    personal: number
    suggested: { term: string; kind: string; count: number }[]
  }
}

export type TermKind = 'place' | 'person' | 'org' | 'other'
export const TERM_KINDS: TermKind[] = ['place', 'person', 'org', 'other']

export interface Term {
  id: number
  term: string
  kind: TermKind
  note: string
  version: number
  createdAt: string
}

export type DocFormat = 'docx' | 'html' | 'md'
export type Copy = 'full' | 'public'
