/** Table types of the indicator registry (see its migration for what each column means). */
import type { Generated } from 'kysely'
import type { Timestamp } from '../../db/schema.js'

export interface IndicatorDefTable {
  id: Generated<number>
  key: string
  zh: string
  en: string
  unit: string
  unit_zh: string
  description_zh: string
  description_en: string
  better: string | null
  kind: string
  definition_json: string
  version: number
  created_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

interface PeriodRow {
  id: Generated<number>
  indicator_key: string
  org_unit_id: number
  period_label: string
  period_from: string
  period_to: string
  note: string
  version: number
  entered_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface IndicatorValueTable extends PeriodRow {
  value: number
  source: string
}

export interface IndicatorTargetTable extends PeriodRow {
  target: number
  better: string
  yellow_from: number | null
}

export interface IndicatorCacheTable {
  cache_key: string
  value: number | null
  row_count: number | null
  changed_at: string | null
  computed_at: string
  /** `figure_sources_version.n` read before the value was computed (null: cached before it existed). */
  sources_version: string | null
}

/** One row (id 1): moves with every committed write to a table figures come from (migration 0020). */
export interface FigureSourcesVersionTable {
  id: number
  n: number | string
}

declare module '../../db/schema.js' {
  interface Database {
    indicator_defs: IndicatorDefTable
    indicator_values: IndicatorValueTable
    indicator_targets: IndicatorTargetTable
    indicator_cache: IndicatorCacheTable
    figure_sources_version: FigureSourcesVersionTable
  }
}
