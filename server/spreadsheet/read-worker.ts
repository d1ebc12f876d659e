/**
 * The worker side of `streamWorkbook` (see read-threaded.ts). Each job is one whole read (package
 * checks, repacking, exceljs) with a visitor that posts rows to the main thread in chunks and asks
 * it, at each sheet's start and end, what the real visitor decides. Jobs run one at a time; the
 * worker then waits for the next (starting one costs a second: tsx's loader and exceljs).
 *
 * Flow control: at most `MAX_AHEAD` chunks may be unacknowledged; past that the reader awaits, so
 * rows never pile up in the main thread while it is busy inserting. A 'stop' from the host ends
 * the job at the next row or wait.
 */
import { type MessagePort, parentPort } from 'node:worker_threads'
import type { Cell } from './cells.js'
import { SpreadsheetError, type SpreadsheetErrorCode } from './errors.js'
import type { FilledRow } from './merge-fill.js'
import type { ReadLimits, SheetInfo } from './package.js'
import { streamInline } from './read.js'

/** Rows per message: enough to make posting cheap, few enough to start the caller early. */
const CHUNK_ROWS = 500
/** …or fewer, when the rows carry this many characters (long texts, up to 32,767 a cell). */
const CHUNK_CHARS = 2_000_000
/** Chunks posted but not yet consumed: 4,000 rows, two of the petition import's batches. */
const MAX_AHEAD = 8

/** A `FilledRow` as it crosses: `copies` lists the columns (within `cells`) that repeat a merge. */
export interface WireRow {
  index: number
  cells: Cell[]
  copies?: number[]
}

export type FromWorker =
  | { t: 'begin'; sheets: SheetInfo[] }
  | { t: 'sheet'; path: string }
  | { t: 'rows'; rows: WireRow[] }
  | { t: 'end'; path: string }
  // The last message of a job: read to the end, refused, or stopped at the host's request.
  | { t: 'done' }
  | { t: 'error'; code: SpreadsheetErrorCode; params: Record<string, unknown> }
  | { t: 'stopped' }

export type ToWorker =
  /** `bytes` is a copy of the upload, transferred. */
  | { t: 'read'; bytes: Uint8Array; limits: ReadLimits }
  | { t: 'ack' }
  /** What the visitor's `sheet` (take it?) or `end` (stop here?) returned. */
  | { t: 'answer'; value: boolean }
  /** The visitor threw: give up this job. */
  | { t: 'stop' }

function toWire(row: FilledRow): { wire: WireRow; chars: number } {
  let copies: number[] | undefined
  let chars = row.cells.length
  for (let col = 0; col < row.cells.length; col++) {
    const cell = row.cells[col]
    if (typeof cell === 'string') chars += cell.length
    if (!row.isCopy(col)) continue
    copies ??= []
    copies.push(col)
  }
  const wire: WireRow = { index: row.index, cells: row.cells }
  if (copies) wire.copies = copies
  return { wire, chars }
}

/** Thrown from this side's visitor when the host says stop: `streamInline` passes it through. */
const STOPPED = Symbol('stopped')

/** The state of the job being read: replies from the host are routed to it. */
class Job {
  private ahead = 0
  private answer: boolean | undefined
  private stopped = false
  private wake: (() => void) | undefined
  private chunk: WireRow[] = []
  private chars = 0

  constructor(private readonly port: MessagePort) {}

  post(message: FromWorker): void {
    this.port.postMessage(message)
  }

  reply(message: ToWorker): void {
    if (message.t === 'ack') this.ahead--
    else if (message.t === 'answer') this.answer = message.value
    else if (message.t === 'stop') this.stopped = true
    this.wake?.()
  }

  /** Until the host's next message; throws once it has said stop. */
  private async wait(): Promise<void> {
    if (!this.stopped) await new Promise<void>((resolve) => (this.wake = resolve))
    this.wake = undefined
    if (this.stopped) throw STOPPED
  }

  async ask(message: FromWorker): Promise<boolean> {
    this.answer = undefined
    this.post(message)
    while (this.answer === undefined) await this.wait()
    return this.answer
  }

  async row(row: FilledRow): Promise<void> {
    if (this.stopped) throw STOPPED
    const { wire, chars } = toWire(row)
    this.chunk.push(wire)
    this.chars += chars
    if (this.chunk.length >= CHUNK_ROWS || this.chars >= CHUNK_CHARS) await this.flush()
  }

  async flush(): Promise<void> {
    if (this.chunk.length === 0) return
    this.post({ t: 'rows', rows: this.chunk })
    this.chunk = []
    this.chars = 0
    this.ahead++
    while (this.ahead >= MAX_AHEAD) await this.wait()
  }

  async read(bytes: Uint8Array, limits: ReadLimits): Promise<void> {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    try {
      await streamInline(buf, limits, {
        begin: (sheets) => this.post({ t: 'begin', sheets }),
        sheet: (info) => this.ask({ t: 'sheet', path: info.path }),
        row: (row) => this.row(row),
        end: async (info) => {
          await this.flush()
          return this.ask({ t: 'end', path: info.path })
        },
      })
      this.post({ t: 'done' })
    } catch (err) {
      if (err === STOPPED) return this.post({ t: 'stopped' })
      // `streamInline` turns all but the visitor's errors into SpreadsheetError, and this visitor
      // only posts: anything else is a bug, left to kill the worker (the host reports `unreadable`).
      if (!(err instanceof SpreadsheetError)) throw err
      this.post({ t: 'error', code: err.code, params: err.params })
    }
  }
}

function serve(port: MessagePort): void {
  let job: Job | undefined
  port.on('message', (message: ToWorker) => {
    if (message.t !== 'read') return job?.reply(message)
    const current = new Job(port)
    job = current
    current.read(message.bytes, message.limits).finally(() => {
      if (job === current) job = undefined
    })
  })
}

if (parentPort) serve(parentPort)
