/** Shapes of the indicator registry API (server/modules/indicators). */

export type IndicatorUnit = 'count' | 'people' | 'fen' | 'percent' | 'coefficient' | 'number'
export type Source = 'module' | 'aggregate' | 'expression' | 'manual'
export const SOURCES: Source[] = ['module', 'aggregate', 'expression', 'manual']
export const UNITS: IndicatorUnit[] = ['count', 'people', 'fen', 'percent', 'coefficient', 'number']
export const FNS = ['count', 'sum', 'avg', 'count_distinct', 'min', 'max'] as const
export const FILTER_OPS = ['eq', 'ne', 'in', 'gte', 'lte', 'is_true', 'is_false', 'like'] as const
export const EXPR_OPS = ['ratio', 'difference', 'sum'] as const

export type FilterValue = string | number | boolean | (string | number)[]

export interface AggregateDefinition {
  ledger: string
  fn: (typeof FNS)[number]
  column?: string
  filters?: { column: string; op: (typeof FILTER_OPS)[number]; value?: FilterValue }[]
  dateColumn?: string
  orgColumn?: string
}

export interface ExpressionDefinition {
  op: (typeof EXPR_OPS)[number]
  of: string[]
  factor?: number
}

export type Definition =
  | { kind: 'aggregate'; aggregate: AggregateDefinition }
  | { kind: 'expression'; expression: ExpressionDefinition }
  | { kind: 'manual'; manual: { inherit: boolean } }

export interface Indicator {
  key: string
  zh: string
  en: string
  unit: IndicatorUnit
  unitZh: string
  descriptionZh: string
  descriptionEn: string
  better?: 'higher' | 'lower'
  source: Source
  module: string | null
  definition: Definition | null
  id: number | null
  version: number | null
}

export interface Period {
  kind: string
  from: string
  to: string
  label: string
}

export interface FigureValue {
  key: string
  value: number | null
  changedAt: string | null
  rows: number | null
  computedAt: string
  cached: boolean
}

export interface Comparison {
  base: number | null
  delta: number | null
  growthPct: number | null
  direction: 'up' | 'down' | 'flat' | null
}

export interface TargetView {
  target: number
  attainmentPct: number | null
  attained: boolean
  attainedEarly: boolean
  light: 'green' | 'yellow' | 'red' | null
  orgUnitId: number
  inherited: boolean
  better: string
}

export interface Figure {
  indicator: Indicator
  period: Period
  unit: { id: number; name: string; code: string | null; kind: string }
  figure: FigureValue
  comparisons: Partial<
    Record<'yoy' | 'prev', { period: Period; figure: FigureValue; comparison: Comparison }>
  >
  target: TargetView | null
  trail: { period: Period; value: number | null }[]
}

export interface Ranking {
  indicator: Indicator
  period: Period
  parent: { id: number; name: string }
  better: 'higher' | 'lower'
  items: {
    rank: number | null
    unit: { id: number; name: string; code: string | null; kind: string }
    value: number | null
    changedAt: string | null
    target: TargetView | null
  }[]
}

export interface PivotResult {
  indicators: { key: string; zh: string; en: string; unit: IndicatorUnit; unitZh: string }[]
  periods: string[]
  rows: {
    unit: { id: number; name: string; code: string | null }
    period: string
    values: Record<string, number | null>
  }[]
}

export interface Entry {
  id: number
  orgUnitId: number
  unitName: string
  period: string
  from: string
  to: string
  value?: number | null
  source?: string
  target?: number | null
  better?: string
  yellowFrom?: number | null
  note: string
  version: number
  updatedAt: string
}

export interface LedgerChoice {
  key: string
  nameZh: string
  nameEn: string
  periodKind: string
  periodColumn: string | null
  orgColumn: string | null
  columns: {
    key: string
    labelZh: string
    labelEn: string
    type: string
    options?: { value: string; labelZh: string; labelEn: string }[]
  }[]
}
