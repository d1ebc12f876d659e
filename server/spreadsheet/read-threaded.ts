/**
 * The main-thread side of `streamWorkbook` in a worker thread: the worker (read-worker.ts) reads
 * the file with exceljs and posts rows in chunks; here the visitor is called with them, in the
 * order and with the errors of the inline path, while the worker parses the next chunks on the
 * other core.
 *
 * - The visitor decides: the worker asks before each sheet and after its last row, and awaits the
 *   answer; a declined sheet is not parsed, and `end` → true ends the read there.
 * - What the visitor throws is rethrown as is, and the worker told to stop (it checks at every
 *   row); one that does not within `STOP_GRACE_MS` is terminated.
 * - A `SpreadsheetError` in the worker is made again here with its code and params. A worker that
 *   dies (out of memory under `resourceLimits`, a bug) gives the generic `unreadable` error: a
 *   hostile file costs one worker, never the server.
 * - Starting a worker costs about a second (tsx's loader, exceljs), so a worker is kept for the
 *   next read, `IDLE_MS` at most, once its job has ended (read, refused or stopped). One that died
 *   or had to be terminated is not.
 */
import { type ResourceLimits, Worker } from 'node:worker_threads'
import { SpreadsheetError, unreadable } from './errors.js'
import type { FilledRow } from './merge-fill.js'
import type { ReadLimits, SheetInfo } from './package.js'
import type { WorkbookVisitor } from './read.js'
import type { FromWorker, ToWorker, WireRow } from './read-worker.js'

const ENTRY = new URL('./read-worker-entry.mjs', import.meta.url)

/**
 * The worker's heap. A 100,000-row ledger needs well under half of it; a file that needs more is
 * refused rather than allowed to take the server's memory.
 */
const RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 }
let resourceLimits = RESOURCE_LIMITS
/** How long an idle worker is kept for the next read (an import usually follows its preview). */
const IDLE_MS = 60_000

/** What any failure of exceljs (or of the worker running it) becomes. */
export const cannotParse = () =>
  unreadable(
    '文件内容无法解析，请在 Excel 中打开后重新另存为 .xlsx',
    'the content cannot be parsed; open it in Excel and save it again as .xlsx',
  )

const NO_COPIES = () => false

function filled(row: WireRow): FilledRow {
  const { index, cells, copies } = row
  return { index, cells, isCopy: copies ? (col) => copies.includes(col) : NO_COPIES }
}

/** A job's messages in order, then the worker's failure (a crash, or an exit mid-job). */
class Inbox {
  private readonly queue: FromWorker[] = []
  private failure: Error | undefined
  private wake: (() => void) | undefined

  push(message: FromWorker): void {
    this.queue.push(message)
    this.wake?.()
  }

  fail(error: Error): void {
    this.failure ??= error
    this.wake?.()
  }

  async next(): Promise<FromWorker> {
    for (;;) {
      const message = this.queue.shift()
      if (message) return message
      if (this.failure) throw this.failure
      await new Promise<void>((resolve) => (this.wake = resolve))
      this.wake = undefined
    }
  }
}

interface Slot {
  worker: Worker
  inbox: Inbox
  alive: boolean
}

let spare: { slot: Slot; timer: NodeJS.Timeout } | undefined
let running = 0

/** Workers started and not yet exited, and whether one waits idle (for tests). */
export const readWorkers = () => ({ running, idle: spare !== undefined })

/** Tests: workers started from now on get these limits (none: the defaults); the idle one goes. */
export function setReadWorkerLimits(limits?: ResourceLimits): void {
  resourceLimits = limits ?? RESOURCE_LIMITS
  if (spare) kill(spare.slot)
}

function spawn(): Slot {
  const worker = new Worker(ENTRY, { resourceLimits })
  const slot: Slot = { worker, inbox: new Inbox(), alive: true }
  running++
  worker.on('message', (message: FromWorker) => slot.inbox.push(message))
  worker.on('error', (error) => {
    slot.alive = false
    slot.inbox.fail(error)
  })
  worker.on('exit', (code) => {
    running--
    kill(slot)
    slot.inbox.fail(new Error(`the spreadsheet worker exited with code ${code}`))
  })
  return slot
}

/** Ends a worker; at once it is no longer the idle one, nor reusable (it exits asynchronously). */
function kill(slot: Slot): void {
  slot.alive = false
  if (spare?.slot === slot) {
    clearTimeout(spare.timer)
    spare = undefined
  }
  void slot.worker.terminate()
}

/** A worker winding down a stopped job: about to be idle (`settle`). */
let settling: Promise<void> | undefined

async function acquire(): Promise<Slot> {
  // An import's read ends by stopping (`end` → true) and an error report's read may follow at
  // once: wait the few milliseconds for that worker rather than start another.
  if (!spare && settling) await settling
  const idle = spare
  spare = undefined
  if (idle) clearTimeout(idle.timer)
  if (!idle?.slot.alive) return spawn()
  idle.slot.worker.ref()
  idle.slot.inbox = new Inbox()
  return idle.slot
}

function release(slot: Slot): void {
  if (!slot.alive || spare) {
    kill(slot)
    return
  }
  // Idle, it must not keep the process alive (a CLI command, a test run).
  slot.worker.unref()
  const timer = setTimeout(() => kill(slot), IDLE_MS)
  timer.unref()
  spare = { slot, timer }
}

/** How long a worker told to stop may take to say it has, before it is terminated. */
const STOP_GRACE_MS = 1_000

/**
 * The visitor stopped the read (`end` → true) or threw: the worker winds its reader down and ends
 * the job ('done' or 'stopped'), and is then reused. One that takes too long is terminated.
 */
function settle(slot: Slot): void {
  const done = windDown(slot)
  settling = done
  void done.finally(() => {
    if (settling === done) settling = undefined
  })
}

async function windDown(slot: Slot): Promise<void> {
  const timer = setTimeout(() => kill(slot), STOP_GRACE_MS)
  try {
    for (;;) {
      const { t } = await slot.inbox.next()
      if (t === 'done' || t === 'error' || t === 'stopped') return release(slot)
    }
  } catch {
    // It died or was terminated: nothing to release.
  } finally {
    clearTimeout(timer)
  }
}

/** `streamWorkbook` with exceljs in a worker thread; the visitor runs here. */
export async function streamThreaded(
  buf: Buffer,
  limits: ReadLimits,
  visitor: WorkbookVisitor,
): Promise<{ sheets: SheetInfo[] }> {
  const slot = await acquire()
  const send = (message: ToWorker, transfer: ArrayBuffer[] = []) => slot.worker.postMessage(message, transfer)
  // A copy of its own, moved to the worker: the caller keeps `buf` (error reports read it again).
  const bytes = new Uint8Array(buf)
  send({ t: 'read', bytes, limits }, [bytes.buffer])

  let sheets: SheetInfo[] = []
  const byPath = new Map<string, SheetInfo>()
  const info = (path: string) => {
    const found = byPath.get(path)
    if (!found) throw new Error(`the spreadsheet worker named an unknown sheet ${path}`)
    return found
  }
  /** How the job ended, as far as the worker is concerned; undefined: the visitor threw. */
  let ended: 'finished' | 'stopped' | 'dead' | undefined
  try {
    for (;;) {
      let message: FromWorker
      try {
        message = await slot.inbox.next()
      } catch (cause) {
        ended = 'dead'
        // The user is told the file cannot be read; the log gets what happened to the worker.
        throw Object.assign(cannotParse(), { cause })
      }
      switch (message.t) {
        case 'begin':
          sheets = message.sheets
          for (const s of sheets) byPath.set(s.path, s)
          visitor.begin?.(sheets)
          break
        case 'sheet':
          send({ t: 'answer', value: await visitor.sheet(info(message.path)) })
          break
        case 'rows':
          for (const row of message.rows) await visitor.row(filled(row))
          send({ t: 'ack' })
          break
        case 'end': {
          const stop = await visitor.end(info(message.path))
          send({ t: 'answer', value: stop })
          if (stop) {
            ended = 'stopped'
            return { sheets }
          }
          break
        }
        case 'done':
          ended = 'finished'
          return { sheets }
        case 'error':
          ended = 'finished'
          throw new SpreadsheetError(message.code, message.params)
        case 'stopped':
          ended = 'dead' // never asked for: something is wrong with this worker
          throw cannotParse()
      }
    }
  } finally {
    if (ended === 'finished') release(slot)
    else if (ended === 'dead') kill(slot)
    else {
      if (ended === undefined) send({ t: 'stop' })
      settle(slot)
    }
  }
}
