/**
 * A ledger definition as the module works with it (parsed from its row), its presentation, and
 * the checks a definition must pass before it is saved.
 */
import { type ColumnDef, liveColumns, type StoredColumn } from '../../../domain/statistics/columns.js'
import type { PeriodKind } from '../../../domain/statistics/periods.js'
import type { FieldError } from '../../http/errors.js'
import type { DefinitionView } from './schema.js'
import type { StatsLedgerTable } from './tables.js'

export type LedgerRecord = Omit<StatsLedgerTable, 'id'> & { id: number }

export interface Ledger {
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
  /** Every column ever defined, retired ones included (their slots stay theirs). */
  allColumns: StoredColumn[]
  /** The live columns, in order. */
  columns: StoredColumn[]
  version: number
  dataChangedAt: string | null
  voided: boolean
}

function jsonArray<T>(text: string): T[] {
  try {
    const v: unknown = JSON.parse(text)
    return Array.isArray(v) ? (v as T[]) : []
  } catch {
    return []
  }
}

export function toLedger(r: LedgerRecord): Ledger {
  const all = jsonArray<StoredColumn>(r.columns_json)
  return {
    id: r.id,
    key: r.key,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    description: r.description,
    ownerUnitId: r.owner_unit_id,
    submitterKinds: jsonArray<string>(r.submitter_kinds_json),
    submitterUnitIds: jsonArray<number>(r.submitter_units_json),
    periodKind: r.period_kind as PeriodKind,
    periodColumn: r.period_column,
    orgColumn: r.org_column,
    keyColumns: jsonArray<string>(r.key_columns_json),
    dueDays: r.due_days,
    builtin: r.builtin === 1,
    allColumns: all,
    columns: liveColumns(all),
    version: r.version,
    dataChangedAt: r.data_changed_at,
    voided: r.voided_at !== null,
  }
}

export function presentDefinition(l: Ledger): DefinitionView {
  return {
    id: l.id,
    key: l.key,
    nameZh: l.nameZh,
    nameEn: l.nameEn,
    description: l.description,
    ownerUnitId: l.ownerUnitId,
    submitterKinds: l.submitterKinds,
    submitterUnitIds: l.submitterUnitIds,
    periodKind: l.periodKind,
    periodColumn: l.periodColumn,
    orgColumn: l.orgColumn,
    keyColumns: l.keyColumns,
    dueDays: l.dueDays,
    builtin: l.builtin,
    columns: l.columns.map((c) => ({
      key: c.key,
      labelZh: c.labelZh,
      labelEn: c.labelEn,
      type: c.type,
      required: c.required === true,
      unique: c.unique === true,
      ...(c.options
        ? { options: c.options.map(({ value, labelZh, labelEn }) => ({ value, labelZh, labelEn })) }
        : {}),
      synonyms: c.synonyms ?? [],
      ...(c.help ? { help: c.help } : {}),
      ...(c.moneyUnit ? { moneyUnit: c.moneyUnit } : {}),
      derived: c.derive !== undefined,
      ...(c.derive ? { derive: c.derive } : {}),
    })),
    version: l.version,
    dataChangedAt: l.dataChangedAt,
    voided: l.voided,
  }
}

export interface DefinitionShape {
  periodKind: PeriodKind
  periodColumn: string | null
  orgColumn: string | null
  keyColumns: string[]
  columns: ColumnDef[]
}

/** Structural checks: unique keys, enum options, and columns that the roles point at exist and fit. */
export function checkDefinition(d: DefinitionShape): FieldError[] {
  const problems: FieldError[] = []
  const byKey = new Map<string, ColumnDef>()
  d.columns.forEach((c, i) => {
    if (byKey.has(c.key))
      problems.push({ field: `columns.${i}.key`, key: 'stats_column_duplicate', params: { key: c.key } })
    byKey.set(c.key, c)
    if (c.type === 'enum') {
      const values = (c.options ?? []).map((o) => o.value)
      if (values.length === 0)
        problems.push({ field: `columns.${i}.options`, key: 'stats_enum_needs_options' })
      if (new Set(values).size !== values.length)
        problems.push({ field: `columns.${i}.options`, key: 'stats_enum_duplicate' })
    } else if (c.options?.length) {
      problems.push({ field: `columns.${i}.options`, key: 'stats_options_only_enum' })
    }
    if (c.derive) {
      const from = d.columns.find((x) => x.key === c.derive?.from)
      if (c.type !== 'boolean' || from?.type !== 'text')
        problems.push({ field: `columns.${i}.derive`, key: 'stats_derive_invalid' })
    }
  })
  const role = (field: string, key: string | null, type: ColumnDef['type']) => {
    if (key === null) return
    if (byKey.get(key)?.type !== type)
      problems.push({ field, key: 'stats_role_column', params: { column: key, type } })
  }
  role('periodColumn', d.periodColumn, 'date')
  role('orgColumn', d.orgColumn, 'org')
  d.keyColumns.forEach((k, i) => {
    const c = byKey.get(k)
    if (!c) problems.push({ field: `keyColumns.${i}`, key: 'stats_unknown_column', params: { column: k } })
    else if (!c.required)
      problems.push({
        field: `keyColumns.${i}`,
        key: 'stats_key_column_required',
        params: { column: c.labelZh },
      })
  })
  return problems
}
