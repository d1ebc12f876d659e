/**
 * Reads an uploaded .xlsx into plain rows of plain values, every merged range filled.
 *
 * Why streaming: a 100k-row ledger loaded with exceljs's `Workbook.xlsx.load` keeps a Cell object
 * (with style, address and model) per cell, several hundred bytes each. The streaming
 * `WorkbookReader` hands us one row at a time and we keep only primitive values (about 3 s and
 * 350 MB peak for 100k rows × 8 columns on the 2-core test machine).
 *
 * What the streaming reader lacks, and how it is made up for:
 * - merged ranges (listed after the rows in the sheet XML) and a reliable sheet name ↔ file
 *   mapping: `inspectPackage` collects both in a first pass over the inflated XML, which also
 *   enforces the limits; merges are applied to the finished rows of each sheet;
 * - it spools worksheets to temporary files when shared strings come late: `repackForStreaming`
 *   reorders the zip in memory so nothing touches the disk;
 * - it garbles multi-byte characters at chunk boundaries: `decodeUtf8Safely` below.
 *
 * Dates follow exceljs: a date cell becomes a `Date` whose UTC fields are the wall-clock date and
 * time Excel shows (2019-03-15 → 2019-03-15T00:00:00Z), whatever the server's time zone.
 */
import { EventEmitter } from 'node:events'
import { PassThrough } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import ExcelJS from 'exceljs'
import { type Cell, type CellRange, cellAddress } from './cells.js'
import { SpreadsheetError, unreadable } from './errors.js'
import { DEFAULT_LIMITS, inspectPackage, type ReadLimits, type SheetInfo } from './package.js'
import { repackForStreaming } from './repack.js'

export type { Cell, CellRange } from './cells.js'
export { DEFAULT_LIMITS, type ReadLimits } from './package.js'

export interface RawSheet {
  name: string
  hidden: boolean
  /** rows[0] is Excel row 1, rows[r][0] column A. Missing rows are [], missing cells null. */
  rows: Cell[][]
  /** Merged ranges as found in the file (already filled into `rows`). */
  merges: CellRange[]
}

export interface ReadOptions extends Partial<ReadLimits> {
  /** Read only the sheets this accepts (the others are still parsed by exceljs, but not kept). */
  sheets?: (name: string) => boolean
}

/** Turns whatever exceljs put in a cell into a plain value: formulas → cached result, rich text and hyperlinks → text. */
export function plainValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string' || typeof value === 'boolean') return value
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('')
  if ('error' in value) return value.error
  if ('formula' in value || 'sharedFormula' in value) return plainValue(value.result ?? null)
  if ('hyperlink' in value) {
    // exceljs types `text` as a string, but a styled link's text arrives as rich text.
    const text: unknown = value.text
    if (typeof text === 'string') return text
    if (text && typeof text === 'object' && 'richText' in text && Array.isArray(text.richText)) {
      return text.richText
        .map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : ''))
        .join('')
    }
    return null
  }
  return null
}

/** Turns byte chunks into text without ever cutting a multi-byte UTF-8 character in two. */
async function* utf8Chunks(source: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8')
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? decoder.write(chunk) : ''
    if (text) yield text
  }
  const rest = decoder.end()
  if (rest) yield rest
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value
}

type Method = (this: unknown, ...args: unknown[]) => unknown

function patch(target: object, name: string, wrap: (original: Method) => Method): void {
  const original: unknown = Reflect.get(target, name)
  if (typeof original !== 'function') {
    throw new Error(`exceljs WorkbookReader.${name} is gone: revisit the UTF-8 workaround in read.ts`)
  }
  // A function read off an object: its parameter types are exceljs's business.
  Reflect.set(target, name, wrap(original as Method))
}

/**
 * exceljs 4.4's streaming reader decodes every zlib chunk (16 KB) to text on its own, so a Chinese
 * character that straddles two chunks becomes "��" (exceljs issues #2063, #2084, #2316; the fix,
 * PR #1665, was never merged). About one character in 5,000 of a large Chinese sheet is hit. The
 * cure is to hand its XML parser strings decoded with a `StringDecoder`: entry streams get
 * `setEncoding('utf8')`, and worksheet chunks are re-decoded.
 * These are private methods of exceljs; the lock file pins the version and read.test.ts reads a
 * large Chinese sheet back character for character, so an upgrade that breaks this is caught.
 */
function decodeUtf8Safely(reader: object): void {
  const encodeEntry = (original: Method): Method =>
    function (this: unknown, entry: unknown, ...rest: unknown[]) {
      if (
        entry instanceof EventEmitter &&
        'setEncoding' in entry &&
        typeof entry.setEncoding === 'function'
      ) {
        entry.setEncoding('utf8')
      }
      return original.call(this, entry, ...rest)
    }
  for (const name of ['_parseSharedStrings', '_parseStyles', '_parseWorkbook', '_parseRels'])
    patch(reader, name, encodeEntry)
  patch(
    reader,
    '_parseWorksheet',
    (original): Method =>
      function (this: unknown, iterator: unknown, ...rest: unknown[]) {
        return original.call(this, isAsyncIterable(iterator) ? utf8Chunks(iterator) : iterator, ...rest)
      },
  )
}

class Budget {
  cells = 0
  constructor(private readonly limits: ReadLimits) {}

  spend(n: number): void {
    this.cells += n
    if (this.cells > this.limits.maxCells) {
      throw new SpreadsheetError('sheet_too_many_cells', { limit: this.limits.maxCells })
    }
  }
}

function readRow(row: ExcelJS.Row, sheet: string, limits: ReadLimits): Cell[] {
  const values: Cell[] = []
  row.eachCell((cell, col) => {
    const value = plainValue(cell.value)
    if (value === null) return
    if (typeof value === 'string' && value.length > limits.maxCellChars) {
      const at = cellAddress(row.number - 1, col - 1)
      throw unreadable(
        `工作表“${sheet}”单元格 ${at} 的内容超过 ${limits.maxCellChars} 个字符`,
        `cell ${at} of sheet "${sheet}" holds more than ${limits.maxCellChars} characters`,
      )
    }
    while (values.length < col - 1) values.push(null)
    values[col - 1] = value
  })
  return values
}

/**
 * Copies each merged range's top-left value into the rest of the range, so a university name
 * merged down over its contracts appears on every contract row and a parent header over its
 * children. Ranges are clipped to the rows and columns the sheet really uses: a merge does not
 * create rows.
 */
export function fillMerges(rows: Cell[][], merges: CellRange[], spend: (n: number) => void = () => {}): void {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0)
  for (const m of merges) {
    const master = rows[m.top]?.[m.left] ?? null
    if (master === null) continue
    const bottom = Math.min(m.bottom, rows.length - 1)
    const right = Math.min(m.right, width - 1)
    spend((bottom - m.top + 1) * (right - m.left + 1))
    for (let r = m.top; r <= bottom; r++) {
      const row = rows[r]
      if (!row) continue
      for (let c = m.left; c <= right; c++) {
        while (row.length < c) row.push(null)
        row[c] = master
      }
    }
  }
}

function resolveLimits(options: ReadOptions): ReadLimits {
  const limits = { ...DEFAULT_LIMITS }
  const keys = [
    'maxFileBytes',
    'maxUnpackedBytes',
    'maxRatio',
    'maxRows',
    'maxCellChars',
    'maxCells',
  ] satisfies (keyof ReadLimits)[]
  for (const key of keys) {
    const v = options[key]
    if (typeof v === 'number') limits[key] = v
  }
  return limits
}

/**
 * Reads every worksheet of an .xlsx upload. Size, zip-bomb and row limits are checked before
 * parsing; legacy .xls and encrypted files are refused with advice. Throws `SpreadsheetError`.
 */
export async function readWorkbook(buf: Buffer, options: ReadOptions = {}): Promise<RawSheet[]> {
  const limits = resolveLimits(options)
  const { sheets: infos, entries } = await inspectPackage(buf, limits)
  const wanted = (info: SheetInfo) => !options.sheets || options.sheets(info.name)
  const byPath = new Map(infos.map((info) => [info.path, info]))
  const rowsByPath = new Map<string, Cell[][]>()
  const budget = new Budget(limits)

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    new PassThrough().end(repackForStreaming(buf, entries)),
    {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache', // needed to tell date cells from numbers
      entries: 'emit',
    },
  )
  decodeUtf8Safely(reader)
  // exceljs names the sheet file it is about to yield in an 'entry' event; that is the only
  // reliable link between its worksheet readers and the paths `inspectPackage` resolved.
  let currentPath: string | undefined
  if (!(reader instanceof EventEmitter))
    throw new Error('exceljs WorkbookReader is expected to be an EventEmitter')
  reader.on('entry', (entry: { type?: string; id?: string | number }) => {
    if (entry.type === 'worksheet') currentPath = `xl/worksheets/sheet${entry.id}.xml`
  })

  try {
    for await (const worksheet of reader) {
      const info = currentPath ? byPath.get(currentPath) : undefined
      const keep = info !== undefined && wanted(info)
      const rows: Cell[][] = []
      for await (const row of worksheet) {
        if (!keep) continue
        if (row.number > limits.maxRows)
          throw new SpreadsheetError('sheet_too_many_rows', { limit: limits.maxRows })
        const values = readRow(row, info.name, limits)
        if (values.length === 0) continue
        budget.spend(values.length)
        while (rows.length < row.number - 1) rows.push([])
        rows[row.number - 1] = values
      }
      if (!keep) continue
      fillMerges(rows, info.merges, (n) => budget.spend(n))
      rowsByPath.set(info.path, rows)
    }
  } catch (err) {
    if (err instanceof SpreadsheetError) throw err
    throw unreadable(
      '文件内容无法解析，请在 Excel 中打开后重新另存为 .xlsx',
      'the content cannot be parsed; open it in Excel and save it again as .xlsx',
    )
  }

  return infos.filter(wanted).map((info) => {
    const rows = rowsByPath.get(info.path)
    if (!rows && info.rowCount > 0) {
      throw unreadable(
        `工作表“${info.name}”的存储方式不受支持，请在 Excel 中另存为 .xlsx`,
        `sheet "${info.name}" is stored in a way this reader does not support; save it again as .xlsx in Excel`,
      )
    }
    return { name: info.name, hidden: info.hidden, rows: rows ?? [], merges: info.merges }
  })
}
