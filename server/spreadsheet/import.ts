/**
 * The generic import runner: spreadsheet bytes + a column spec → typed rows, or every problem at
 * once with its Excel row and column letter.
 *
 * It writes nothing. The caller applies the rows in one transaction, and only when `errors` is
 * empty: imports are all-or-nothing, and the user fixes the file (see `buildErrorReport`) and
 * imports it again. Blank rows, 合计/小计 rows, signature lines and a template's example row are
 * skipped and listed, not treated as errors.
 *
 * `streamImport` hands the rows on in batches as the file is read, so a large file is never held
 * whole (the caller may write each batch inside its open transaction and roll back at the end);
 * `parseImport` collects them.
 */
import { type Cell, type CellRange, isBlank } from './cells.js'
import { SpreadsheetError } from './errors.js'
import { type HeaderMatch, noHeaderError } from './header.js'
import type { CellParser } from './parse-result.js'
import { isStreamable, type RawSheet, type ReadOptions, streamWorkbook, unsupportedSheet } from './read.js'
import { type RowRejection, SheetParser } from './sheet-parser.js'

export { RowRejection } from './sheet-parser.js'

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
  /** The widest row from the header down: spares the error report a reading of its own. */
  width?: number
}

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

/** Parses one sheet already read with `readWorkbook`. Throws for a missing header or required column. */
export function parseSheet<Cols extends readonly ColumnSpec[], Row>(
  spec: ImportSpec<Cols, Row>,
  sheet: RawSheet,
): ImportResult<Row> {
  const rows: ImportResult<Row>['rows'] = []
  const parser = new SheetParser(spec, sheet.name, (row) => rows.push(row))
  const isCopy = mergeCopies(sheet.rows, sheet.merges)
  sheet.rows.forEach((cells, index) => {
    parser.push({ index, cells, isCopy: (col) => isCopy(index, col) })
  })
  parser.finish()
  const header = parser.header as HeaderMatch
  return {
    sheetName: sheet.name,
    header,
    rows,
    errors: parser.errors,
    skipped: parser.skipped,
    width: parser.width,
  }
}

export interface StreamOptions<Row> extends ReadOptions {
  /** Rows per `onBatch` call. Default 1,000. */
  batchSize?: number
  /**
   * Takes each batch of good rows, in file order; awaited before reading on. `sheet` is the
   * sheet's header and the problems found so far (a caller writing as it reads stops at the first).
   */
  onBatch(
    rows: { excelRow: number; value: Row }[],
    sheet: { header: HeaderMatch; errors: readonly ImportError[] },
  ): void | Promise<void>
  /** The mapping step: when the header lacks required columns, return it instead of throwing. */
  allowMissing?: boolean
}

/** Ends the reading early from inside the visitor. */
const STOP = Symbol('stop')

/** What `streamImport` found, without the rows it handed on. */
export type StreamResult<Row> = Omit<ImportResult<Row>, 'rows'> & { rowCount: number }

/**
 * Reads an upload and parses the spec's sheet (or the first visible sheet whose header matches,
 * then the hidden ones), handing good rows to `onBatch` as it goes. Throws `SpreadsheetError`
 * for whole-file problems (also after some batches were handed on); cell problems come back in
 * `errors`.
 */
export async function streamImport<Cols extends readonly ColumnSpec[], Row>(
  spec: ImportSpec<Cols, Row>,
  buf: Buffer,
  options: StreamOptions<Row>,
): Promise<StreamResult<Row>> {
  // `sheets` is not for callers here: the spec names the sheet, or the header finds it.
  const { batchSize = 1000, onBatch, allowMissing = false, sheets: _sheets, ...limits } = options
  const target = spec.sheetName?.trim()
  const candidate = (name: string) => target === undefined || name.trim() === target
  // Rows are handed on only once the header is known.
  const sheetOf = (p: SheetParser<Cols, Row>) => ({ header: p.header as HeaderMatch, errors: p.errors })
  let batch: { excelRow: number; value: Row }[] = []
  let current: { name: string; parser: SheetParser<Cols, Row> } | undefined
  let chosen: typeof current
  let firstError: unknown
  // Without a named sheet, one without a header is passed over for the next (its rows are
  // still read, and ignored); a named sheet without one is the answer.
  const passOver = (err: unknown) => {
    if (target !== undefined || !(err instanceof SpreadsheetError) || err.code !== 'sheet_no_header')
      throw err
    firstError ??= err
    current = undefined
  }

  let names: string[] = []
  await streamWorkbook(buf, limits, {
    begin(all) {
      names = all.map((s) => s.name)
      const unsupported = all.find((s) => candidate(s.name) && s.rowCount > 0 && !isStreamable(s))
      if (unsupported) throw unsupportedSheet(unsupported.name)
    },
    sheet(info) {
      if (!candidate(info.name)) return false
      current = {
        name: info.name,
        parser: new SheetParser(spec, info.name, (r) => batch.push(r), allowMissing),
      }
      return true
    },
    async row(row) {
      if (!current) return
      try {
        current.parser.push(row)
      } catch (err) {
        passOver(err)
        return
      }
      // The mapping step needs no rows of a sheet that lacks a required column.
      if (current.parser.stopped) {
        chosen = current
        throw STOP
      }
      if (batch.length >= batchSize) {
        const ready = batch
        batch = []
        await onBatch(ready, sheetOf(current.parser))
      }
    },
    async end() {
      if (!current) return false
      try {
        current.parser.finish()
      } catch (err) {
        passOver(err)
        return false
      }
      chosen = current
      const ready = batch
      batch = []
      if (ready.length > 0) await onBatch(ready, sheetOf(current.parser))
      return true
    },
  }).catch((err: unknown) => {
    if (err !== STOP) throw err
  })
  if (!chosen) {
    if (target !== undefined)
      throw new SpreadsheetError('sheet_not_found', { sheet: target, sheets: names.join('、') })
    throw firstError ?? noHeaderError(spec.columns)
  }
  const { parser } = chosen
  return {
    sheetName: chosen.name,
    header: parser.header as HeaderMatch,
    errors: parser.errors,
    skipped: parser.skipped,
    width: parser.width,
    rowCount: parser.count,
  }
}

/** `streamImport`, collecting the rows: for files small enough to hold, or callers that need them all. */
export async function parseImport<Cols extends readonly ColumnSpec[], Row>(
  spec: ImportSpec<Cols, Row>,
  buf: Buffer,
  options: ReadOptions = {},
): Promise<ImportResult<Row>> {
  const rows: ImportResult<Row>['rows'] = []
  const { rowCount: _count, ...result } = await streamImport(spec, buf, {
    ...options,
    onBatch(batch) {
      for (const r of batch) rows.push(r)
    },
  })
  return { ...result, rows }
}
