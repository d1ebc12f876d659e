/**
 * Reads an uploaded .xlsx into plain rows of plain values, every merged range filled: row by row
 * to a visitor (`streamWorkbook`, what imports use, so a sheet is never held whole), or collected
 * (`readWorkbook`).
 *
 * Why streaming: a 100k-row ledger loaded with exceljs's `Workbook.xlsx.load` keeps a Cell object
 * (with style, address and model) per cell, several hundred bytes each. The streaming
 * `WorkbookReader` hands us one row at a time and we keep only primitive values.
 *
 * What the streaming reader lacks, and how it is made up for:
 * - merged ranges (listed after the rows in the sheet XML) and a reliable sheet name ↔ file
 *   mapping: `inspectPackage` collects both in a first pass over the inflated XML, which also
 *   enforces the limits; `MergeFiller` fills the ranges into the rows as they pass;
 * - it spools worksheets to temporary files when shared strings come late: `repackForStreaming`
 *   reorders the zip in memory so nothing touches the disk;
 * - it garbles multi-byte characters at chunk boundaries: `decodeUtf8Safely` below;
 * - it drops the sheets after one whose end the consumer was slow to take: `keepLateEntries`;
 * - its cell texts are slices of the 16 KB chunk strings of the XML, and V8 keeps a whole chunk
 *   alive for as long as any slice of it lives: 20 rows' summaries kept the entire inflated sheet
 *   (150 MB for 100,000 rows) in memory. `ownText` copies long texts out.
 *
 * Dates follow exceljs: a date cell becomes a `Date` whose UTC fields are the wall-clock date and
 * time Excel shows (2019-03-15 → 2019-03-15T00:00:00Z), whatever the server's time zone.
 *
 * All of this can run in a worker thread (read-threaded.ts, `EDU_LEDGER_IMPORT_WORKER`): parsing
 * then overlaps with what the caller does with the rows, and a file that exhausts memory kills only
 * the worker. It is off by default, for memory (`defaultThread`).
 */
import { EventEmitter } from 'node:events'
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { type Cell, type CellRange, cellAddress } from './cells.js'
import { SpreadsheetError, unreadable } from './errors.js'
import { decodeUtf8Safely } from './exceljs-utf8.js'
import { type FilledRow, MergeFiller } from './merge-fill.js'
import { DEFAULT_LIMITS, inspectPackage, type ReadLimits, type SheetInfo } from './package.js'
import { cannotParse, readWorkers, streamThreaded } from './read-threaded.js'
import { repackForStreaming } from './repack.js'

export type { Cell, CellRange } from './cells.js'
export type { FilledRow } from './merge-fill.js'
export { DEFAULT_LIMITS, type ReadLimits, type SheetInfo } from './package.js'

export interface RawSheet {
  name: string
  hidden: boolean
  /** rows[0] is Excel row 1, rows[r][0] column A. Missing rows are [], missing cells null. */
  rows: Cell[][]
  /** Merged ranges as found in the file (already filled into `rows`). */
  merges: CellRange[]
}

/** Limits, and where to parse. */
export interface StreamSettings extends Partial<ReadLimits> {
  /**
   * 'worker' parses in a worker thread, 'inline' on the calling thread (for debugging, and for
   * measuring exceljs alone). Default: inline, unless `EDU_LEDGER_IMPORT_WORKER` says otherwise
   * (`defaultThread`).
   */
  thread?: 'worker' | 'inline'
}

export interface ReadOptions extends StreamSettings {
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

/**
 * A copy of a cell text that holds only its own characters. V8 makes a substring of 13 or more
 * characters a "slice" pointing into its parent; forcing a flat copy (the concatenation is
 * flattened by `slice`) lets the parser's chunk go. Shared strings repeat, so recent copies are
 * reused rather than made once per cell.
 */
class OwnText {
  private readonly recent = new Map<string, string>()

  of(text: string): string {
    if (text.length < 13) return text
    let own = this.recent.get(text)
    if (own === undefined) {
      if (this.recent.size >= 4096) this.recent.clear()
      own = ` ${text}`.slice(1)
      this.recent.set(own, own)
    }
    return own
  }
}

function readRow(row: ExcelJS.Row, sheet: string, limits: ReadLimits, own: OwnText): Cell[] {
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
    values[col - 1] = typeof value === 'string' ? own.of(value) : value
  })
  return values
}

function resolveLimits(options: StreamSettings): ReadLimits {
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
 * exceljs's streaming reader pipes its input into unzipper's `Parse` and iterates the entries it
 * emits, pausing it between them. Once `Parse` has read the whole zip it emits 'end' at once, even
 * while entries it pushed wait in its buffer, and exceljs then stops: every later sheet is
 * silently lost (exceljs #3064, #3031). That happens whenever the consumer takes a few
 * milliseconds at a sheet's end while the rest of the file fits in the streams' buffers: a
 * visitor waiting on I/O, or the worker waiting for the main thread. Here that early 'end' is held
 * back until the buffered entries have been emitted.
 */
function keepLateEntries(input: PassThrough): PassThrough {
  const pipe = input.pipe.bind(input)
  input.pipe = <T extends NodeJS.WritableStream>(dest: T, options?: { end?: boolean }): T => {
    if (dest instanceof Readable) holdEarlyEnd(dest)
    return pipe(dest, options)
  }
  return input
}

function holdEarlyEnd(zip: Readable): void {
  const emit = zip.emit.bind(zip)
  let held = false
  zip.emit = (event: string | symbol, ...args: unknown[]): boolean => {
    if (event === 'end' && !zip.readableEnded && zip.readableLength > 0) {
      held = true
      return false
    }
    const listened = emit(event, ...args)
    if (event === 'data' && held && zip.readableLength === 0) {
      held = false
      emit('end')
    }
    return listened
  }
}

export interface WorkbookVisitor {
  /** Every sheet in workbook order, before any is read: a chance to refuse the file. */
  begin?(sheets: SheetInfo[]): void
  /** A worksheet is about to be read: false skips it (exceljs then only inflates it). */
  sheet(info: SheetInfo): boolean | Promise<boolean>
  /** Its next row with any cell, merged ranges filled (empty rows are not passed). */
  row(row: FilledRow): void | Promise<void>
  /** Its last row was passed: true stops reading the workbook here. */
  end(info: SheetInfo): boolean | Promise<boolean>
}

/**
 * Streams the worksheets of an .xlsx upload to `visitor`: visible sheets first in workbook order,
 * then hidden ones. Size, zip-bomb and row limits are checked before parsing; legacy .xls and
 * encrypted files are refused with advice. Throws `SpreadsheetError`, or what the visitor threw.
 * Returns every sheet in workbook order. The visitor is always called on the calling thread.
 */
export async function streamWorkbook(
  buf: Buffer,
  options: StreamSettings,
  visitor: WorkbookVisitor,
): Promise<{ sheets: SheetInfo[] }> {
  const limits = resolveLimits(options)
  const thread = options.thread ?? defaultThread(buf.length)
  return thread === 'worker' ? streamThreaded(buf, limits, visitor) : streamInline(buf, limits, visitor)
}

/**
 * Starting a worker costs about a second (tsx's loader, exceljs), more than parsing a file this
 * small (~2,500 ledger rows, ~0.1 s) takes; and it inflates to 25 MB at most (`maxRatio`).
 */
const INLINE_BELOW_BYTES = 256 * 1024

/**
 * Off by default: the worker made a 100,000-row import about 20% faster (20.8 to 16.9 s) but
 * raised the server's peak from ~455 to ~560 MB (a second V8 heap, exceljs and tsx's loader
 * loaded twice), past the 500 MB the server is held to (issue 8). `EDU_LEDGER_IMPORT_WORKER=on`
 * parses large uploads in the worker, `always` every upload (the tests use it to cover the path).
 */
function defaultThread(bytes: number): 'worker' | 'inline' {
  const mode = process.env.EDU_LEDGER_IMPORT_WORKER
  if (mode === 'always') return 'worker'
  if (mode !== 'on') return 'inline'
  return bytes >= INLINE_BELOW_BYTES || readWorkers().idle ? 'worker' : 'inline'
}

/** `streamWorkbook` on this thread; the worker runs it too, with a visitor that posts the rows. */
export async function streamInline(
  buf: Buffer,
  limits: ReadLimits,
  visitor: WorkbookVisitor,
): Promise<{ sheets: SheetInfo[] }> {
  const { sheets: infos, entries } = await inspectPackage(buf, limits)
  visitor.begin?.(infos)
  const byPath = new Map(infos.map((info) => [info.path, info]))
  const order = [...infos.filter((s) => !s.hidden), ...infos.filter((s) => s.hidden)].map((s) => s.path)
  const budget = new Budget(limits)
  const own = new OwnText()

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    keepLateEntries(new PassThrough()).end(repackForStreaming(buf, entries, order)),
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

  // What the visitor throws is its own business, not an unreadable file.
  let failed: { error: unknown } | undefined
  const visit = async <T>(call: () => T | Promise<T>): Promise<T> => {
    try {
      return await call()
    } catch (error) {
      failed = { error }
      throw error
    }
  }
  try {
    for await (const worksheet of reader) {
      const info = currentPath ? byPath.get(currentPath) : undefined
      if (!info || !(await visit(() => visitor.sheet(info)))) continue
      const filler = new MergeFiller(info.merges, (n) => budget.spend(n))
      for await (const row of worksheet) {
        if (row.number > limits.maxRows)
          throw new SpreadsheetError('sheet_too_many_rows', { limit: limits.maxRows })
        const values = readRow(row, info.name, limits, own)
        if (values.length === 0) continue
        budget.spend(values.length)
        for (const filled of filler.push(row.number - 1, values)) await visit(() => visitor.row(filled))
      }
      for (const filled of filler.end()) await visit(() => visitor.row(filled))
      if (await visit(() => visitor.end(info))) break
    }
  } catch (err) {
    if (failed) throw failed.error
    if (err instanceof SpreadsheetError) throw err
    throw cannotParse()
  }
  return { sheets: infos }
}

/** exceljs's streaming reader yields only worksheets stored as `xl/worksheets/sheet<n>.xml`. */
export const isStreamable = (info: SheetInfo) => /^xl\/worksheets\/sheet\d+\.xml$/.test(info.path)

/** A sheet exceljs never yields although it has rows (a worksheet file under another name). */
export function unsupportedSheet(name: string): SpreadsheetError {
  return unreadable(
    `工作表“${name}”的存储方式不受支持，请在 Excel 中另存为 .xlsx`,
    `sheet "${name}" is stored in a way this reader does not support; save it again as .xlsx in Excel`,
  )
}

/** Reads every worksheet of an .xlsx upload (or those `sheets` accepts), in workbook order. */
export async function readWorkbook(buf: Buffer, options: ReadOptions = {}): Promise<RawSheet[]> {
  const wanted = (info: SheetInfo) => !options.sheets || options.sheets(info.name)
  const rowsByPath = new Map<string, Cell[][]>()
  let rows: Cell[][] = []
  const { sheets: infos } = await streamWorkbook(buf, options, {
    sheet(info) {
      if (!wanted(info)) return false
      rows = []
      rowsByPath.set(info.path, rows)
      return true
    },
    row({ index, cells }) {
      while (rows.length < index) rows.push([])
      rows[index] = cells
    },
    end: () => false,
  })
  return infos.filter(wanted).map((info) => {
    const rows = rowsByPath.get(info.path)
    if (!rows && info.rowCount > 0) throw unsupportedSheet(info.name)
    return { name: info.name, hidden: info.hidden, rows: rows ?? [], merges: info.merges }
  })
}
