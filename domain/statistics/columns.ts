/**
 * Ledger column types and how each is kept in the rows table's typed slots. Rows are not stored
 * as JSON: every column of a definition is given a slot of its storage family when it is defined
 * (`i1..i16` 64-bit integers, `r1..r8` doubles, `s1..s16` text, `d1..d4` ISO dates), so a sum over a
 * million rows is one indexed scan of a plain column on either database. Pure and IO-free.
 */

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

export type SlotFamily = 'i' | 'r' | 's' | 'd'

/** How many slots of each family a rows table has (the migration creates exactly these). */
export const SLOT_COUNTS: Record<SlotFamily, number> = { i: 16, r: 8, s: 16, d: 4 }

export const FAMILY_OF: Record<ColumnType, SlotFamily> = {
  integer: 'i',
  money: 'i', // integer fen
  boolean: 'i', // 0/1
  org: 'i', // org unit id
  decimal: 'r',
  percent: 'r',
  text: 's',
  enum: 's', // the option's value
  date: 'd',
}

/** Every slot name, e.g. `i1`, in a fixed order. */
export const ALL_SLOTS: readonly string[] = (Object.keys(SLOT_COUNTS) as SlotFamily[]).flatMap((f) =>
  Array.from({ length: SLOT_COUNTS[f] }, (_, i) => `${f}${i + 1}`),
)

export interface EnumOption {
  value: string
  labelZh: string
  labelEn: string
  synonyms?: string[]
}

export interface ColumnDef {
  /** Stable snake_case key; the slot and the data stay with it. */
  key: string
  labelZh: string
  labelEn: string
  type: ColumnType
  required?: boolean
  /** Unique among the ledger's live rows. */
  unique?: boolean
  options?: EnumOption[]
  /** Other headers this column goes by in bureaus' own sheets, for import. */
  synonyms?: string[]
  help?: string
  /** Money: the unit of bare numbers in an import when the header does not say (default 元). */
  moneyUnit?: 'yuan' | 'wan'
  /**
   * Boolean: when left blank, derive the value from another column. `in_city`: the text column
   * names a place in the submitting unit's city ("本市", the city's name, a district of it).
   */
  derive?: { rule: 'in_city'; from: string }
}

/** A column as stored: with its slot, and retired when removed from the definition. */
export interface StoredColumn extends ColumnDef {
  slot: string
  retired?: boolean
}

export interface SlotProblem {
  field: string
  key: string
  params?: Record<string, unknown>
}

/**
 * Gives each new column a free slot of its family and keeps the slot of every existing one.
 * Columns dropped from the definition stay, retired, so their slot is never reused for other data.
 * Retyping a column into another family would strand its values: refused here; retyping within a
 * family is refused by the caller when the column holds data.
 */
export function assignSlots(
  next: readonly ColumnDef[],
  previous: readonly StoredColumn[] = [],
): { columns: StoredColumn[]; problems: SlotProblem[] } {
  const problems: SlotProblem[] = []
  const old = new Map(previous.map((c) => [c.key, c]))
  const used = new Set(previous.map((c) => c.slot))
  const out: StoredColumn[] = []
  next.forEach((c, i) => {
    const before = old.get(c.key)
    if (before) {
      if (FAMILY_OF[before.type] !== FAMILY_OF[c.type]) {
        problems.push({
          field: `columns.${i}.type`,
          key: 'stats_column_retype',
          params: { column: c.labelZh, from: before.type, to: c.type },
        })
      }
      out.push({ ...c, slot: before.slot })
      return
    }
    const family = FAMILY_OF[c.type]
    let slot: string | undefined
    for (let n = 1; n <= SLOT_COUNTS[family]; n++) {
      if (!used.has(`${family}${n}`)) {
        slot = `${family}${n}`
        break
      }
    }
    if (!slot) {
      problems.push({
        field: `columns.${i}.type`,
        key: 'stats_too_many_columns',
        params: { column: c.labelZh, max: SLOT_COUNTS[family] },
      })
      return
    }
    used.add(slot)
    out.push({ ...c, slot })
  })
  const keys = new Set(next.map((c) => c.key))
  for (const p of previous) if (!keys.has(p.key)) out.push({ ...p, retired: true })
  return { columns: out, problems }
}

/** The live (not retired) columns. */
export const liveColumns = (cols: readonly StoredColumn[]) => cols.filter((c) => !c.retired)

export type StoredValue = number | string | null

/** A value as the API and the forms carry it. */
export type InputValue = string | number | boolean | null | undefined

export type Coerced =
  | { ok: true; value: StoredValue }
  | { ok: false; key: string; params?: Record<string, unknown> }

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function validIso(s: string): boolean {
  if (!ISO_DATE.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/**
 * An entered value → what its slot holds. Money is integer fen, booleans 0/1, enums the option's
 * value (a label or synonym is accepted too), org columns the unit id (scope is checked by the caller).
 */
export function coerceValue(col: ColumnDef, raw: InputValue): Coerced {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return col.required ? { ok: false, key: 'required' } : { ok: true, value: null }
  }
  switch (col.type) {
    case 'text': {
      const s = String(raw).replace(/\s+/g, ' ').trim()
      if ([...s].length > 500) return { ok: false, key: 'text_too_long', params: { max: 500 } }
      return { ok: true, value: s }
    }
    case 'integer':
    case 'money':
    case 'org': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN
      if (!Number.isSafeInteger(n))
        return { ok: false, key: 'integer_invalid', params: { value: String(raw) } }
      if ((col.type === 'money' || col.type === 'org') && n < 0)
        return { ok: false, key: 'too_small', params: { min: 0 } }
      return { ok: true, value: n }
    }
    case 'decimal':
    case 'percent': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim()) : Number.NaN
      if (!Number.isFinite(n)) return { ok: false, key: 'number_invalid', params: { value: String(raw) } }
      if (col.type === 'percent' && (n < 0 || n > 100))
        return { ok: false, key: 'stats_percent_range', params: { value: n } }
      return { ok: true, value: n }
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw ? 1 : 0 }
      if (raw === 1 || raw === '1' || raw === 'true' || raw === '是') return { ok: true, value: 1 }
      if (raw === 0 || raw === '0' || raw === 'false' || raw === '否') return { ok: true, value: 0 }
      return { ok: false, key: 'boolean_invalid', params: { value: String(raw) } }
    }
    case 'date': {
      const s = String(raw).trim()
      return validIso(s) ? { ok: true, value: s } : { ok: false, key: 'date_invalid', params: { value: s } }
    }
    case 'enum': {
      const s = String(raw).trim()
      const found = enumValueOf(col, s)
      if (found !== null) return { ok: true, value: found }
      return {
        ok: false,
        key: 'enum_invalid',
        params: { value: s, options: (col.options ?? []).map((o) => o.labelZh).join('、') },
      }
    }
  }
}

/** The option value an entered text means (value, label or synonym), or null. */
export function enumValueOf(col: ColumnDef, text: string): string | null {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
  const t = norm(text)
  for (const o of col.options ?? []) {
    if ([o.value, o.labelZh, o.labelEn, ...(o.synonyms ?? [])].some((w) => norm(w) === t)) return o.value
  }
  return null
}

/** A slot value back to the API's form: booleans as true/false, the rest as stored. */
export function presentValue(col: ColumnDef, v: StoredValue): string | number | boolean | null {
  if (v === null || v === undefined) return null
  if (col.type === 'boolean') return Number(v) === 1
  return v
}

/** The row's key for idempotent import: the key columns' stored values, joined. */
export function rowKeyOf(
  keyColumns: readonly StoredColumn[],
  values: Record<string, StoredValue>,
  period: string,
) {
  return [period, ...keyColumns.map((c) => String(values[c.key] ?? ''))].join('\u001f')
}
