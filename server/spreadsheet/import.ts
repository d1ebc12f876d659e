/**
 * The generic import runner: spreadsheet bytes + a column spec → typed rows, or every problem at
 * once with its Excel row and column letter.
 *
 * It writes nothing. The caller applies `rows` in one transaction, and only when `errors` is
 * empty: imports are all-or-nothing, and the user fixes the file (see `buildErrorReport`) and
 * imports it again. Blank rows, 合计/小计 rows, signature lines and a template's example row are
 * skipped and listed, not treated as errors.
 */
import { type Cell, type CellRange, cellToText, columnLetter, isBlank } from './cells.js'
import { SpreadsheetError } from './errors.js'
import { findHeader, type HeaderMatch, noHeaderError } from './header.js'
import { renderMessage } from './messages.js'
import type { CellParser } from './parse-result.js'
import { type RawSheet, type ReadOptions, readWorkbook } from './read.js'

export interface ColumnSpec<F extends string = string, T = unknown> {
  field: F
  /** The Chinese header as in the bureau's own sheets, e.g. '身份证号码'. */
  header: string
  headerEn: string
  /** Other headers meaning the same column ('金额(万元)', '信访人/身份证号码'). */
  aliases?: readonly string[]
  required?: boolean
  parser: CellParser<T>
  /** A sample value for the template's example row; must pass the parser. */
  example?: string | number
  description?: string
  descriptionEn?: string
}

type ColumnValue<C> = C extends { parser: CellParser<infer T>; required: true }
  ? T
  : C extends { parser: CellParser<infer T> }
    ? T | null
    : never

/** The parsed values of one row, keyed by field; optional columns may be null. */
export type RowValues<Cols extends readonly ColumnSpec[]> = {
  [C in Cols[number] as C['field']]: ColumnValue<C>
}

export interface RowProblem {
  field: string
  key: string
  params?: Record<string, unknown>
}

/** Returned by `toRow` to refuse a row whose cells parsed but do not fit together. */
export class RowRejection {
  constructor(readonly problems: RowProblem[]) {}
}

export interface RowContext {
  /** 1-based, as Excel shows it. */
  excelRow: number
  sheetName: string
  /** The raw cell of a field, for checks parsers cannot make alone. */
  cell(field: string): Cell
  reject(field: string, key: string, params?: Record<string, unknown>): RowRejection
}

export interface ImportSpec<Cols extends readonly ColumnSpec[] = readonly ColumnSpec[], Row = unknown> {
  /** Stable name of this import ('petitions', 'org-units'), for jobs and audit. */
  key: string
  /** Read this sheet; default the first visible sheet with a recognisable header. */
  sheetName?: string
  columns: Cols
  toRow(values: RowValues<Cols>, ctx: RowContext): Row | RowRejection
  /** Idempotency key: the same key twice in one file is an error on the later row. */
  keyOf(row: Row): string
  /** Field whose column a duplicate key is reported on; default the first column. */
  keyField?: Cols[number]['field']
  maxRows?: number
}

/** The row type a spec produces (what `toRow` returns when it does not reject). */
export type ImportRow<S> = S extends { keyOf(row: infer R): string } ? R : never

/** Declares a spec with field names and value types inferred from `columns`. */
export function defineImport<const Cols extends readonly ColumnSpec[], Row>(
  spec: ImportSpec<Cols, Row>,
): ImportSpec<Cols, Row> {
  return spec
}

export interface ImportError {
  excelRow: number
  /** Column letter, e.g. 'F'. */
  column: string
  /** The column's header in the spec. */
  header: string
  field: string
  key: string
  params: Record<string, unknown>
  message: string
}

export type SkipReason = 'blank' | 'summary' | 'note' | 'example'

export interface ImportResult<Row> {
  sheetName: string
  header: HeaderMatch
  rows: { excelRow: number; value: Row }[]
  errors: ImportError[]
  skipped: { excelRow: number; reason: SkipReason }[]
}

function reject(field: string, key: string, params?: Record<string, unknown>): RowRejection {
  return new RowRejection([{ field, key, ...(params ? { params } : {}) }])
}

const SUMMARY = /^(合计|总计|小计)(?![\u4e00-\u9fa5])/
const NOTE = /^(填表人|制表人|填报人|审核人|负责人|联系人|填表说明|注|说明|备注)[:：]/

/**
 * Cells that only repeat a merged range's top-left value: they carry nothing of the row's own.
 * Only ranges that were filled count, clipped to the sheet, so the work is bounded by the cells
 * `readWorkbook` agreed to fill.
 */
function mergeCopies(rows: Cell[][], merges: CellRange[]): (row: number, col: number) => boolean {
  const byRow = new Map<number, CellRange[]>()
  for (const m of merges) {
    if (isBlank(rows[m.top]?.[m.left])) continue
    for (let r = m.top; r <= Math.min(m.bottom, rows.length - 1); r++) {
      const list = byRow.get(r) ?? []
      list.push(m)
      byRow.set(r, list)
    }
  }
  return (row, col) => {
    const ranges = byRow.get(row)
    return ranges?.some((m) => col >= m.left && col <= m.right && (row !== m.top || col !== m.left)) === true
  }
}

function classify(
  row: Cell[],
  index: number,
  isCopy: (row: number, col: number) => boolean,
  example: Map<number, string> | null,
): SkipReason | 'data' {
  let first: string | undefined
  let own = 0
  for (let col = 0; col < row.length && own <= 3; col++) {
    const cell = row[col] ?? null
    if (isBlank(cell) || isCopy(index, col)) continue
    own++
    first ??= cellToText(cell).replace(/\s+/g, '')
  }
  if (first === undefined) return 'blank'
  if (SUMMARY.test(first)) return 'summary'
  if (NOTE.test(first) && own <= 3) return 'note'
  if (example && [...example].every(([col, text]) => cellToText(row[col] ?? null).trim() === text))
    return 'example'
  return 'data'
}

function missingColumns(
  spec: ImportSpec<readonly ColumnSpec[], unknown>,
  header: HeaderMatch,
): SpreadsheetError {
  const missing = spec.columns.filter((c) => header.missingRequired.includes(c.field))
  return new SpreadsheetError('sheet_missing_column', {
    columns: missing.map((c) => c.header).join('、'),
    columnsEn: missing.map((c) => c.headerEn).join(', '),
  })
}

/** Parses one sheet already read with `readWorkbook`. Throws for a missing header or required column. */
export function parseSheet<Cols extends readonly ColumnSpec[], Row>(
  spec: ImportSpec<Cols, Row>,
  sheet: RawSheet,
): ImportResult<Row> {
  const header = findHeader(sheet.rows, spec.columns)
  if (header.missingRequired.length > 0) throw missingColumns(spec, header)
  const dataRows = sheet.rows.length - header.dataStartIndex
  if (spec.maxRows !== undefined && dataRows > spec.maxRows) {
    throw new SpreadsheetError('sheet_too_many_rows', { limit: spec.maxRows })
  }

  const isCopy = mergeCopies(sheet.rows, sheet.merges)
  const examples = spec.columns.flatMap((c) => {
    const col = header.columnMap.get(c.field)
    return c.example === undefined || col === undefined ? [] : [[col, String(c.example)] as const]
  })
  const example = examples.length >= 2 ? new Map(examples) : null
  const kinds = sheet.rows.map((row, r) =>
    r < header.dataStartIndex ? 'blank' : classify(row, r, isCopy, example),
  )
  const lastData = kinds.lastIndexOf('data')

  const result: ImportResult<Row> = { sheetName: sheet.name, header, rows: [], errors: [], skipped: [] }
  const firstRowOfKey = new Map<string, number>()
  const keyField = spec.keyField ?? spec.columns[0]?.field ?? ''
  const columnOf = (field: string) => {
    const index = header.columnMap.get(field)
    return {
      column: index === undefined ? '' : columnLetter(index),
      header: spec.columns.find((c) => c.field === field)?.header ?? field,
    }
  }
  const report = (excelRow: number, field: string, key: string, params: Record<string, unknown> = {}) =>
    result.errors.push({
      excelRow,
      ...columnOf(field),
      field,
      key,
      params,
      message: renderMessage(key, params),
    })

  for (let r = header.dataStartIndex; r < sheet.rows.length; r++) {
    const kind = kinds[r] ?? 'blank'
    const excelRow = r + 1
    if (kind !== 'data') {
      // Blank rows after the last data row are the end of the table, not something skipped.
      if (kind !== 'blank' || r < lastData) result.skipped.push({ excelRow, reason: kind })
      continue
    }
    const row = sheet.rows[r] ?? []
    const cellOf = (field: string): Cell => {
      const index = header.columnMap.get(field)
      return index === undefined ? null : (row[index] ?? null)
    }
    const values: Record<string, unknown> = {}
    let failed = false
    for (const col of spec.columns) {
      const cell = cellOf(col.field)
      if (cell === null || isBlank(cell)) {
        if (col.required) {
          report(excelRow, col.field, 'required')
          failed = true
        }
        values[col.field] = null
        continue
      }
      const parsed = col.parser.parse(cell)
      if (parsed.ok) {
        values[col.field] = parsed.value
      } else {
        report(excelRow, col.field, parsed.key, parsed.params)
        failed = true
      }
    }
    if (failed) continue

    const ctx: RowContext = { excelRow, sheetName: sheet.name, cell: cellOf, reject }
    // `values` was filled from `spec.columns` above, one entry per field with the parser's type.
    const value = spec.toRow(values as RowValues<Cols>, ctx)
    if (value instanceof RowRejection) {
      for (const p of value.problems) report(excelRow, p.field, p.key, p.params)
      continue
    }
    const key = spec.keyOf(value)
    const firstRow = firstRowOfKey.get(key)
    if (firstRow !== undefined) {
      report(excelRow, keyField, 'import_duplicate_key', { firstRow })
      continue
    }
    firstRowOfKey.set(key, excelRow)
    result.rows.push({ excelRow, value })
  }
  return result
}

/**
 * Reads an upload and parses the spec's sheet (or the first visible sheet whose header matches).
 * Throws `SpreadsheetError` for whole-file problems; cell problems come back in `errors`.
 */
export async function parseImport<Cols extends readonly ColumnSpec[], Row>(
  spec: ImportSpec<Cols, Row>,
  buf: Buffer,
  options: ReadOptions = {},
): Promise<ImportResult<Row>> {
  const target = spec.sheetName?.trim()
  const seen = new Set<string>()
  const sheets = await readWorkbook(buf, {
    ...options,
    sheets: (name) => {
      seen.add(name)
      return target === undefined || name.trim() === target
    },
  })
  if (target !== undefined) {
    const sheet = sheets[0]
    if (!sheet) throw new SpreadsheetError('sheet_not_found', { sheet: target, sheets: [...seen].join('、') })
    return parseSheet(spec, sheet)
  }
  let firstError: unknown
  for (const sheet of [...sheets.filter((s) => !s.hidden), ...sheets.filter((s) => s.hidden)]) {
    try {
      return parseSheet(spec, sheet)
    } catch (err) {
      if (!(err instanceof SpreadsheetError) || err.code !== 'sheet_no_header') throw err
      firstError ??= err
    }
  }
  throw firstError ?? noHeaderError(spec.columns)
}
