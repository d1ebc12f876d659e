/**
 * Parses a sheet row by row against a column spec, as the rows stream in: the header is found in
 * the first rows (`HEAD_ROWS`, all that `findHeader` reads), then every later row is classified
 * (data, or blank / 合计 / signature / a template's example row, skipped and listed) and a data
 * row is parsed, checked by the spec's `toRow` and handed on at once. Nothing but the problems,
 * the skipped rows and one key per row (to report duplicates) is kept.
 */
import { type Cell, cellToText, columnLetter, isBlank } from './cells.js'
import { SpreadsheetError } from './errors.js'
import { findHeader, type HeaderMatch } from './header.js'
import type {
  ColumnSpec,
  ImportError,
  ImportSpec,
  RowContext,
  RowProblem,
  RowValues,
  SkipReason,
} from './import.js'
import { HEAD_ROWS } from './merge-fill.js'
import { renderMessage } from './messages.js'

/** One row as the parser takes it: its cells, and which of them only repeat a merged value. */
export interface SheetRow {
  /** 0-based (Excel row = index + 1). */
  index: number
  cells: Cell[]
  isCopy(col: number): boolean
}

/** Returned by `toRow` to refuse a row whose cells parsed but do not fit together. */
export class RowRejection {
  constructor(readonly problems: RowProblem[]) {}
}

function reject(field: string, key: string, params?: Record<string, unknown>): RowRejection {
  return new RowRejection([{ field, key, ...(params ? { params } : {}) }])
}

const SUMMARY = /^(合计|总计|小计)(?![\u4e00-\u9fa5])/
const NOTE = /^(填表人|制表人|填报人|审核人|负责人|联系人|填表说明|注|说明|备注)[:：]/

function classify(row: SheetRow, example: Map<number, string> | null): SkipReason | 'data' {
  let first: string | undefined
  let own = 0
  for (let col = 0; col < row.cells.length && own <= 3; col++) {
    const cell = row.cells[col] ?? null
    if (isBlank(cell) || row.isCopy(col)) continue
    own++
    first ??= cellToText(cell).replace(/\s+/g, '')
  }
  if (first === undefined) return 'blank'
  if (SUMMARY.test(first)) return 'summary'
  if (NOTE.test(first) && own <= 3) return 'note'
  if (example && [...example].every(([col, text]) => cellToText(row.cells[col] ?? null).trim() === text))
    return 'example'
  return 'data'
}

export function missingColumns(spec: ImportSpec<readonly ColumnSpec[], unknown>, header: HeaderMatch) {
  const missing = spec.columns.filter((c) => header.missingRequired.includes(c.field))
  return new SpreadsheetError('sheet_missing_column', {
    columns: missing.map((c) => c.header).join('、'),
    columnsEn: missing.map((c) => c.headerEn).join(', '),
  })
}

export class SheetParser<Cols extends readonly ColumnSpec[], Row> {
  header: HeaderMatch | undefined
  readonly errors: ImportError[] = []
  readonly skipped: { excelRow: number; reason: SkipReason }[] = []
  /** Data rows handed on. */
  count = 0
  /** The widest row from the header down (the error report's last column goes after it). */
  width = 0
  private head: SheetRow[] | null = []
  /** Skipped rows since the last data row: blank ones count only if data follows. */
  private pending: { excelRow: number; reason: SkipReason }[] = []
  private next = 0
  private example: Map<number, string> | null = null
  private readonly firstRowOfKey = new Map<string, number>()

  constructor(
    private readonly spec: ImportSpec<Cols, Row>,
    private readonly sheetName: string,
    private readonly emit: (row: { excelRow: number; value: Row }) => void,
    /** Stop after the header when required columns are missing, instead of throwing. */
    private readonly allowMissing = false,
  ) {}

  /** The next row (indexes rising; rows without cells may be left out). */
  push(row: SheetRow): void {
    if (this.head) {
      if (row.index < HEAD_ROWS) {
        this.head.push(row)
        return
      }
      this.release()
    }
    this.take(row)
  }

  /** The sheet ended. Throws `sheet_no_header` / `sheet_missing_column` as a whole-sheet verdict. */
  finish(): void {
    if (this.head) this.release()
    for (const p of this.pending) if (p.reason !== 'blank') this.skipped.push(p)
    this.pending = []
  }

  /** True once the header is known and lacks a required column (only with `allowMissing`). */
  get stopped(): boolean {
    return this.header !== undefined && this.header.missingRequired.length > 0
  }

  private release(): void {
    const head = this.head ?? []
    this.head = null
    const rows: Cell[][] = []
    for (const r of head) {
      while (rows.length < r.index) rows.push([])
      rows[r.index] = r.cells
    }
    const header = findHeader(rows, this.spec.columns)
    this.header = header
    for (const r of head)
      if (r.index >= header.headerRowIndex) this.width = Math.max(this.width, r.cells.length)
    if (header.missingRequired.length > 0) {
      if (this.allowMissing) return
      throw missingColumns(this.spec, header)
    }
    const examples = this.spec.columns.flatMap((c) => {
      const col = header.columnMap.get(c.field)
      return c.example === undefined || col === undefined ? [] : [[col, String(c.example)] as const]
    })
    this.example = examples.length >= 2 ? new Map(examples) : null
    this.next = header.dataStartIndex
    for (const r of head) this.take(r)
  }

  private take(row: SheetRow): void {
    const header = this.header
    if (!header || this.stopped || row.index < this.next) return
    this.width = Math.max(this.width, row.cells.length)
    const { maxRows } = this.spec
    if (maxRows !== undefined && row.index + 1 - header.dataStartIndex > maxRows)
      throw new SpreadsheetError('sheet_too_many_rows', { limit: maxRows })
    // Rows with no cell at all are blank rows too.
    for (let r = this.next; r < row.index; r++) this.pending.push({ excelRow: r + 1, reason: 'blank' })
    this.next = row.index + 1
    const kind = classify(row, this.example)
    if (kind !== 'data') {
      this.pending.push({ excelRow: row.index + 1, reason: kind })
      return
    }
    for (const p of this.pending) this.skipped.push(p)
    this.pending = []
    this.parse(row, header)
  }

  private report(excelRow: number, field: string, key: string, params: Record<string, unknown> = {}) {
    const index = this.header?.columnMap.get(field)
    this.errors.push({
      excelRow,
      column: index === undefined ? '' : columnLetter(index),
      header: this.spec.columns.find((c) => c.field === field)?.header ?? field,
      field,
      key,
      params,
      message: renderMessage(key, params),
    })
  }

  private parse(row: SheetRow, header: HeaderMatch): void {
    const excelRow = row.index + 1
    const cellOf = (field: string): Cell => {
      const index = header.columnMap.get(field)
      return index === undefined ? null : (row.cells[index] ?? null)
    }
    const values: Record<string, unknown> = {}
    let failed = false
    for (const col of this.spec.columns) {
      const cell = cellOf(col.field)
      if (cell === null || isBlank(cell)) {
        if (col.required) {
          this.report(excelRow, col.field, 'required')
          failed = true
        }
        values[col.field] = null
        continue
      }
      const parsed = col.parser.parse(cell)
      if (parsed.ok) {
        values[col.field] = parsed.value
      } else {
        this.report(excelRow, col.field, parsed.key, parsed.params)
        failed = true
      }
    }
    if (failed) return

    const ctx: RowContext = { excelRow, sheetName: this.sheetName, cell: cellOf, reject }
    // `values` was filled from `spec.columns` above, one entry per field with the parser's type.
    const value = this.spec.toRow(values as RowValues<Cols>, ctx)
    if (value instanceof RowRejection) {
      for (const p of value.problems) this.report(excelRow, p.field, p.key, p.params)
      return
    }
    const key = this.spec.keyOf(value)
    const firstRow = this.firstRowOfKey.get(key)
    if (firstRow !== undefined) {
      this.report(excelRow, this.spec.keyField ?? this.spec.columns[0]?.field ?? '', 'import_duplicate_key', {
        firstRow,
      })
      return
    }
    this.firstRowOfKey.set(key, excelRow)
    this.count++
    this.emit({ excelRow, value })
  }
}
