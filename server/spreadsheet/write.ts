/**
 * Exports lists as .xlsx, streaming: rows go through exceljs's `WorkbookWriter` and are committed
 * one by one, so a 100k-row export never holds 100k rows of cell objects (rows may also come from
 * an async iterable, e.g. a database cursor).
 *
 * Every string that Excel or a CSV round trip could take for a formula (leading = + - @ tab CR)
 * gets a leading apostrophe: the cell stays text, visibly, and cannot run anything when the user
 * later edits it or saves the sheet as CSV.
 */
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { isoToExcelSerial } from './parse-date.js'

export interface WriteColumn {
  header: string
  key: string
  /** Characters; default from the header's width. */
  width?: number
  /**
   * 'date': 'YYYY-MM-DD' strings (and Dates) are written as Excel dates.
   * 'text': numbers are written as text (codes with leading zeros).
   */
  type?: 'date' | 'text'
  /** Excel number format for the column, e.g. '#,##0.00'. */
  numFmt?: string
}

export interface WriteSheet {
  name: string
  columns: WriteColumn[]
  rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>
}

export interface WriteOptions {
  /**
   * Date values are instants; Excel has no time zone, so they are written as the wall-clock time
   * at this offset. Default +480 (China Standard Time, no daylight saving since 1991).
   */
  utcOffsetMinutes?: number
}

const FORMULA_START = /^[=+\-@\t\r]/
const MAX_CELL_CHARS = 32_767

/** Prefixes a formula-looking string with an apostrophe and keeps it within Excel's cell limit. */
export function neutralizeText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text
  return safe.length > MAX_CELL_CHARS ? `${safe.slice(0, MAX_CELL_CHARS - 1)}…` : safe
}

/** Display width of a label: CJK characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1
  return w
}

/** Excel's sheet-name rules: 31 characters, none of []:*?/\, unique in the workbook. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, '_')
      .trim()
      .slice(0, 31) || 'Sheet'
  let candidate = base
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)}(${i})`
  taken.add(candidate.toLowerCase())
  return candidate
}

/** An exceljs streaming writer whose output is collected into one Buffer. */
export function bufferedWriter(): {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter
  done: () => Promise<Buffer>
} {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve)
    stream.on('error', reject)
  })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  })
  return {
    workbook,
    done: async () => {
      await workbook.commit()
      await ended
      return Buffer.concat(chunks)
    },
  }
}

type Written = { value: ExcelJS.CellValue; numFmt?: string }

function toCell(value: unknown, column: WriteColumn, offsetMs: number): Written {
  if (value === null || value === undefined) return { value: null }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { value: null }
    const local = new Date(value.getTime() + offsetMs)
    if (column.type === 'date') {
      const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()))
      return { value: day, numFmt: 'yyyy-mm-dd' }
    }
    return { value: local, numFmt: 'yyyy-mm-dd hh:mm' }
  }
  if (typeof value === 'string') {
    if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return { value: isoToExcelSerial(value), numFmt: 'yyyy-mm-dd' }
    }
    return { value: neutralizeText(value) }
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { value: null }
    return { value: column.type === 'text' ? String(value) : value }
  }
  if (typeof value === 'bigint') {
    return { value: Number.isSafeInteger(Number(value)) ? Number(value) : value.toString() }
  }
  if (typeof value === 'boolean') return { value }
  if (Array.isArray(value)) return { value: neutralizeText(value.map(String).join('、')) }
  return { value: neutralizeText(String(value)) }
}

/** Writes sheets of plain rows to an .xlsx Buffer: bold frozen header, dates as dates, no formulas. */
export async function writeXlsx(sheets: WriteSheet[], options: WriteOptions = {}): Promise<Buffer> {
  const offsetMs = (options.utcOffsetMinutes ?? 480) * 60_000
  const { workbook, done } = bufferedWriter()
  const names = new Set<string>()
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(safeSheetName(sheet.name, names), {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    })
    // The column carries its number format, so cells need no style of their own (a per-cell
    // style costs exceljs a style lookup per cell).
    const formats = sheet.columns.map((c) => c.numFmt ?? (c.type === 'date' ? 'yyyy-mm-dd' : undefined))
    ws.columns = sheet.columns.map((c, i) => {
      const numFmt = formats[i]
      return {
        key: c.key,
        width: c.width ?? Math.min(60, Math.max(10, displayWidth(c.header) + 4)),
        ...(numFmt ? { style: { numFmt } } : {}),
      }
    })
    const header = ws.addRow(sheet.columns.map((c) => neutralizeText(c.header)))
    header.font = { bold: true }
    header.commit()
    for await (const record of sheet.rows) {
      const row = ws.addRow([])
      sheet.columns.forEach((column, i) => {
        const { value, numFmt } = toCell(record[column.key], column, offsetMs)
        if (value === null) return
        const cell = row.getCell(i + 1)
        cell.value = value
        if (numFmt && numFmt !== formats[i]) cell.numFmt = numFmt
      })
      row.commit()
    }
    ws.commit()
  }
  return done()
}
