/**
 * The figures the indicator registry reads from ledgers: one aggregate over the approved, live rows
 * of a ledger in a date range and an org subtree. Only this file and `aggregate-repository.ts` know how
 * a definition's columns map to slots; the registry speaks in ledger and column keys.
 */
import { type ColumnType, enumValueOf, type StoredColumn } from '../../../domain/statistics/columns.js'
import { earlierDate, laterDate, periodOf } from '../../../domain/statistics/periods.js'
import type { Tx } from '../../context.js'
import { badRequest } from '../../http/errors.js'
import { aggregateQuery, groupedQuery, type SqlFilter } from './aggregate-repository.js'
import { type Ledger, toLedger } from './definition.js'
import { ledgerByKey, listLedgerRecords, unitsByIds } from './repository.js'

export type AggregateFn = 'count' | 'sum' | 'avg' | 'count_distinct' | 'min' | 'max'
export interface LedgerFilter {
  column: string
  op: 'eq' | 'ne' | 'in' | 'gte' | 'lte' | 'is_true' | 'is_false' | 'like'
  value?: string | number | boolean | (string | number)[]
}
export interface LedgerAggregate {
  ledger: string
  fn: AggregateFn
  column?: string
  filters?: LedgerFilter[]
  dateColumn?: string
  from: string
  to: string
  scopePath: string
  orgColumn?: string
}
export interface AggregateProblem {
  field: string
  key: string
  params: Record<string, unknown>
}

const NUMERIC: ColumnType[] = ['integer', 'decimal', 'money', 'percent', 'boolean']
const ORDERED: ColumnType[] = ['integer', 'decimal', 'money', 'percent']

type Query = Omit<LedgerAggregate, 'from' | 'to' | 'scopePath'>

function filterValue(col: StoredColumn, v: unknown): string | number | null {
  if (typeof v === 'boolean') return col.type === 'boolean' ? (v ? 1 : 0) : null
  if (typeof v === 'number')
    return Number.isFinite(v) && col.type !== 'text' && col.type !== 'enum' && col.type !== 'date' ? v : null
  if (typeof v !== 'string') return null
  if (col.type === 'enum') return enumValueOf(col, v)
  if (col.type === 'text' || col.type === 'date') return v
  const n = Number(v)
  return Number.isFinite(n) ? n : null
}

/** Problems of a query against a loaded definition, and the SQL filters when there are none. */
function plan(ledger: Ledger | undefined, q: Query) {
  const problems: AggregateProblem[] = []
  if (!ledger || ledger.voided) {
    problems.push({ field: 'ledger', key: 'stats_unknown_ledger', params: { ledger: q.ledger } })
    return { problems, filters: [] as SqlFilter[] }
  }
  const col = (field: string, key: string | undefined) => {
    const c = ledger.columns.find((x) => x.key === key)
    if (!c)
      problems.push({ field, key: 'stats_unknown_column', params: { column: key ?? '', ledger: ledger.key } })
    return c
  }
  let measure: StoredColumn | undefined
  if (q.fn !== 'count' || q.column !== undefined) {
    if (q.column === undefined)
      problems.push({ field: 'column', key: 'stats_column_needed', params: { fn: q.fn } })
    else measure = col('column', q.column)
  }
  if (measure) {
    const ok =
      q.fn === 'count' || q.fn === 'count_distinct'
        ? true
        : q.fn === 'sum' || q.fn === 'avg'
          ? NUMERIC.includes(measure.type)
          : ORDERED.includes(measure.type)
    if (!ok)
      problems.push({
        field: 'fn',
        key: 'stats_fn_type',
        params: { fn: q.fn, column: measure.labelZh, type: measure.type },
      })
  }
  if (q.dateColumn !== undefined) {
    const c = col('dateColumn', q.dateColumn)
    if (c && c.type !== 'date')
      problems.push({
        field: 'dateColumn',
        key: 'stats_role_column',
        params: { column: c.key, type: 'date' },
      })
  }
  if (q.orgColumn !== undefined) {
    const c = col('orgColumn', q.orgColumn)
    if (c && c.type !== 'org')
      problems.push({ field: 'orgColumn', key: 'stats_role_column', params: { column: c.key, type: 'org' } })
  }
  const filters: SqlFilter[] = []
  ;(q.filters ?? []).forEach((f, i) => {
    const c = col(`filters.${i}.column`, f.column)
    if (!c) return
    const bad = () =>
      problems.push({
        field: `filters.${i}.value`,
        key: 'stats_filter_value',
        params: { column: c.labelZh, op: f.op },
      })
    if (f.op === 'is_true' || f.op === 'is_false') {
      if (c.type !== 'boolean') {
        bad()
        return
      }
      filters.push({ slot: c.slot, op: 'eq', value: f.op === 'is_true' ? 1 : 0 })
      return
    }
    if (f.op === 'in') {
      const list = Array.isArray(f.value) ? f.value.map((v) => filterValue(c, v)) : []
      if (!list.length || list.some((v) => v === null)) {
        bad()
        return
      }
      filters.push({ slot: c.slot, op: 'in', value: list as (string | number)[] })
      return
    }
    if (f.op === 'like') {
      if ((c.type !== 'text' && c.type !== 'enum') || typeof f.value !== 'string' || !f.value) {
        bad()
        return
      }
      filters.push({ slot: c.slot, op: 'like', value: f.value })
      return
    }
    if ((f.op === 'gte' || f.op === 'lte') && !ORDERED.includes(c.type) && c.type !== 'date') {
      bad()
      return
    }
    const v = filterValue(c, f.value)
    if (v === null) {
      bad()
      return
    }
    filters.push({ slot: c.slot, op: f.op, value: v })
  })
  return { problems, filters, measure, ledger }
}

function slotOf(ledger: Ledger, key: string | undefined): string | undefined {
  return key === undefined ? undefined : ledger.columns.find((c) => c.key === key)?.slot
}

async function prepare(db: Tx, q: LedgerAggregate) {
  const record = await ledgerByKey(db, q.ledger)
  const ledger = record ? toLedger(record) : undefined
  const p = plan(ledger, q)
  if (p.problems.length || !p.ledger) throw badRequest('validation', {}, p.problems)
  const dateSlot =
    q.dateColumn && q.dateColumn !== p.ledger.periodColumn ? slotOf(p.ledger, q.dateColumn) : undefined
  return {
    ledger: p.ledger,
    spec: {
      ledgerId: p.ledger.id,
      fn: q.fn,
      measureSlot: p.measure?.slot,
      dateSlot,
      orgSlot: slotOf(p.ledger, q.orgColumn),
      from: q.from,
      to: q.to,
      scopePath: q.scopePath,
      filters: p.filters,
    },
  }
}

/** Only live rows of approved submissions count. Money sums are fen; percent/decimal are doubles. */
export async function aggregateLedger(
  db: Tx,
  q: LedgerAggregate,
): Promise<{ value: number | null; rows: number }> {
  const { spec } = await prepare(db, q)
  const r = await aggregateQuery(db, spec)
  // A count or a sum of nothing is 0; an average, minimum or maximum of nothing is undefined.
  const value =
    r.value === null && (q.fn === 'count' || q.fn === 'sum' || q.fn === 'count_distinct') ? 0 : r.value
  return { value: value === null ? null : Number(value), rows: Number(r.rows) }
}

/**
 * The same aggregate per group: `org` (the row's unit, or the org column's unit), `period` (the
 * ledger's period of each row's date), or a column key (its stored value). Groups come sorted.
 */
export async function aggregateLedgerBy(
  db: Tx,
  q: LedgerAggregate,
  by: 'org' | 'period' | string,
): Promise<{ group: string; label: string; value: number | null; rows: number }[]> {
  const { ledger, spec } = await prepare(db, q)
  if (by === 'period') {
    const byDate = await groupedQuery(db, spec, spec.dateSlot ?? 'period_date')
    if (q.fn === 'avg' || q.fn === 'count_distinct') {
      // Folding dates into periods needs the raw rows for these two; ask per period instead.
      const labels = [...new Set(byDate.map((g) => periodOf(ledger.periodKind, String(g.grp)).label))]
      const out = []
      for (const label of labels.sort()) {
        const dates = byDate.filter((g) => periodOf(ledger.periodKind, String(g.grp)).label === label)
        const first = String(dates[0]?.grp)
        const p = periodOf(ledger.periodKind, first)
        const from = laterDate(p.start, q.from)
        const to = earlierDate(p.end, q.to)
        const r = await aggregateLedger(db, { ...q, from, to })
        out.push({ group: label, label, ...r })
      }
      return out
    }
    const folded = new Map<string, { value: number | null; rows: number }>()
    for (const g of byDate) {
      const label = periodOf(ledger.periodKind, String(g.grp)).label
      const prev = folded.get(label)
      const v = g.value === null ? null : Number(g.value)
      const value =
        prev === undefined
          ? v
          : prev.value === null
            ? v
            : v === null
              ? prev.value
              : q.fn === 'min'
                ? Math.min(prev.value, v)
                : q.fn === 'max'
                  ? Math.max(prev.value, v)
                  : prev.value + v
      folded.set(label, { value, rows: (prev?.rows ?? 0) + Number(g.rows) })
    }
    return [...folded]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([group, r]) => ({ group, label: group, ...r }))
  }
  const slot = by === 'org' ? (spec.orgSlot ?? 'org_unit_id') : ledger.columns.find((c) => c.key === by)?.slot
  if (!slot)
    throw badRequest('validation', {}, [
      { field: 'by', key: 'stats_unknown_column', params: { column: by, ledger: ledger.key } },
    ])
  const groups = await groupedQuery(db, spec, slot)
  const column = ledger.columns.find((c) => c.slot === slot)
  const units =
    by === 'org' || column?.type === 'org'
      ? await unitsByIds(
          db,
          groups.map((g) => Number(g.grp)),
        )
      : new Map()
  return groups.map((g) => {
    const key = g.grp === null ? '' : String(g.grp)
    const option = column?.options?.find((o) => o.value === key)
    const label = units.get(Number(g.grp))?.name ?? option?.labelZh ?? key
    return { group: key, label, value: g.value === null ? null : Number(g.value), rows: Number(g.rows) }
  })
}

/** Problems with a definition before it is saved: unknown ledger/column, fn not valid for the column type, bad filter value. */
export async function checkAggregate(
  db: Tx,
  q: Omit<LedgerAggregate, 'from' | 'to' | 'scopePath'>,
): Promise<{ field: string; key: string; params: Record<string, unknown> }[]> {
  const record = await ledgerByKey(db, q.ledger)
  return plan(record ? toLedger(record) : undefined, q).problems
}

/** When any row of the ledger last changed (write, import, approval, void), for caching. */
export async function ledgerChangedAt(db: Tx, ledger: string): Promise<string | null> {
  return (await ledgerByKey(db, ledger))?.data_changed_at ?? null
}

export interface LedgerDefinitionSummary {
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
    type: ColumnType
    options?: { value: string; labelZh: string; labelEn: string }[]
  }[]
}

/** Definitions, for the registry's pickers: key, names, columns (key, label, type). */
export async function listLedgerDefinitions(db: Tx): Promise<LedgerDefinitionSummary[]> {
  return (await listLedgerRecords(db, false)).map(toLedger).map((l) => ({
    key: l.key,
    nameZh: l.nameZh,
    nameEn: l.nameEn,
    periodKind: l.periodKind,
    periodColumn: l.periodColumn,
    orgColumn: l.orgColumn,
    columns: l.columns.map((c) => ({
      key: c.key,
      labelZh: c.labelZh,
      labelEn: c.labelEn,
      type: c.type,
      ...(c.options
        ? { options: c.options.map(({ value, labelZh, labelEn }) => ({ value, labelZh, labelEn })) }
        : {}),
    })),
  }))
}
