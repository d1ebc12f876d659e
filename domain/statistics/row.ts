/**
 * One ledger row from entered values: every value checked against its column, blank derived
 * columns filled in, the period placed, and the row key built. Pure; the checks that need the
 * database (org units in scope, unique values, a key already taken) are the caller's.
 */
import { coerceValue, type InputValue, rowKeyOf, type StoredColumn, type StoredValue } from './columns.js'
import { type HomeCity, isInCity } from './in-city.js'
import { type Period, type PeriodKind, periodFromLabel, periodOf } from './periods.js'

export interface RowShape {
  periodKind: PeriodKind
  periodColumn: string | null
  keyColumns: readonly string[]
  columns: readonly StoredColumn[]
}

export interface RowDraft {
  /** By column key. */
  values: Record<string, StoredValue>
  /** By slot (i1, s3 …), every live column's slot present. */
  slots: Record<string, StoredValue>
  period: Period
  /** The date that places the row in periods. */
  periodDate: string
  rowKey: string | null
}

export interface RowProblem {
  /** A column key, or `period`. */
  field: string
  key: string
  params?: Record<string, unknown>
}

export interface RowContext {
  /** The period label given with the row ('2023'), for ledgers whose rows carry no date. */
  periodLabel?: string | undefined
  /** Today, for ledgers without periods or dates. */
  today: string
  home?: HomeCity | null
}

export function buildRow(
  shape: RowShape,
  raw: Record<string, InputValue>,
  ctx: RowContext,
): { draft: RowDraft | null; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const known = new Set(shape.columns.map((c) => c.key))
  for (const k of Object.keys(raw))
    if (!known.has(k)) problems.push({ field: k, key: 'stats_unknown_column', params: { column: k } })
  const values: Record<string, StoredValue> = {}
  const slots: Record<string, StoredValue> = {}
  for (const c of shape.columns) {
    let input = raw[c.key]
    const blank = input === null || input === undefined || (typeof input === 'string' && input.trim() === '')
    if (blank && c.derive?.rule === 'in_city' && ctx.home) {
      const from = raw[c.derive.from]
      if (typeof from === 'string' && from.trim()) input = isInCity(from, ctx.home)
    }
    const r = coerceValue(c, input)
    if (!r.ok) {
      problems.push({ field: c.key, key: r.key, ...(r.params ? { params: r.params } : {}) })
      continue
    }
    values[c.key] = r.value
    slots[c.slot] = r.value
  }
  let period: Period | null = null
  let periodDate: string | null = null
  const dated = shape.periodColumn ? values[shape.periodColumn] : null
  if (typeof dated === 'string') {
    period = periodOf(shape.periodKind, dated)
    periodDate = dated
    if (ctx.periodLabel && shape.periodKind !== 'none' && ctx.periodLabel !== period.label)
      problems.push({
        field: shape.periodColumn ?? 'period',
        key: 'stats_date_outside_period',
        params: { period: ctx.periodLabel },
      })
  } else if (shape.periodKind === 'none') {
    period = periodOf('none', ctx.today)
    periodDate = ctx.today
  } else {
    period = ctx.periodLabel ? periodFromLabel(shape.periodKind, ctx.periodLabel) : null
    if (period) periodDate = period.start
    else if (shape.periodColumn) problems.push({ field: shape.periodColumn, key: 'required' })
    else problems.push({ field: 'period', key: 'stats_period_required', params: { kind: shape.periodKind } })
  }
  if (problems.length || !period || !periodDate) return { draft: null, problems }
  const keyCols = shape.keyColumns
    .map((k) => shape.columns.find((c) => c.key === k))
    .filter((c) => c !== undefined)
  const complete =
    keyCols.length > 0 && keyCols.every((c) => values[c.key] !== null && values[c.key] !== undefined)
  return {
    draft: {
      values,
      slots,
      period,
      periodDate,
      rowKey: complete ? rowKeyOf(keyCols, values, period.label) : null,
    },
    problems,
  }
}
