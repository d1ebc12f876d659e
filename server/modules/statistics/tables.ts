/** Table types of statistics ledgers (see the module's migration for what each column means). */
import type { Generated } from 'kysely'
import type { Bool, Timestamp } from '../../db/schema.js'

export interface StatsLedgerTable {
  id: Generated<number>
  key: string
  name_zh: string
  name_en: string
  description: string
  owner_unit_id: number | null
  submitter_kinds_json: string
  submitter_units_json: string
  period_kind: string
  period_column: string | null
  org_column: string | null
  key_columns_json: string
  columns_json: string
  due_days: number | null
  builtin: Bool
  data_changed_at: Timestamp | null
  version: number
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface StatsLedgerVersionTable {
  ledger_id: number
  version: number
  definition_json: string
  changed_at: Timestamp
  changed_by: string
}

export interface StatsSubmissionTable {
  id: Generated<number>
  ledger_id: number
  org_unit_id: number
  scope_path: string
  period_label: string
  period_start: string
  period_end: string
  due_on: string | null
  status: string
  first_submitted_on: string | null
  submitted_at: Timestamp | null
  submitted_by: string | null
  decided_at: Timestamp | null
  decided_by: string | null
  return_reason: string | null
  version: number
  created_at: Timestamp
  updated_at: Timestamp
}

/** The typed slots a ledger's columns are mapped onto. */
export interface StatsSlots {
  i1: number | null
  i2: number | null
  i3: number | null
  i4: number | null
  i5: number | null
  i6: number | null
  i7: number | null
  i8: number | null
  i9: number | null
  i10: number | null
  i11: number | null
  i12: number | null
  i13: number | null
  i14: number | null
  i15: number | null
  i16: number | null
  r1: number | null
  r2: number | null
  r3: number | null
  r4: number | null
  r5: number | null
  r6: number | null
  r7: number | null
  r8: number | null
  s1: string | null
  s2: string | null
  s3: string | null
  s4: string | null
  s5: string | null
  s6: string | null
  s7: string | null
  s8: string | null
  s9: string | null
  s10: string | null
  s11: string | null
  s12: string | null
  s13: string | null
  s14: string | null
  s15: string | null
  s16: string | null
  d1: string | null
  d2: string | null
  d3: string | null
  d4: string | null
}

export interface StatsRowTable extends StatsSlots {
  id: Generated<number>
  ledger_id: number
  submission_id: number
  org_unit_id: number
  scope_path: string
  period_date: string
  row_key: string | null
  status: string
  source: string
  version: number
  created_by: string
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

declare module '../../db/schema.js' {
  interface Database {
    stats_ledgers: StatsLedgerTable
    stats_ledger_versions: StatsLedgerVersionTable
    stats_submissions: StatsSubmissionTable
    stats_rows: StatsRowTable
  }
}
