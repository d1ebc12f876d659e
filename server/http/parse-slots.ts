/**
 * One spreadsheet preview parsed at a time per process. A preview reads the whole upload in the
 * request (imports run as jobs, one at a time, so they need no such guard); four 10 MB sheets
 * previewed at once held 540–750 MB more (tests/faults/hostile-large.test.ts). Later previews wait
 * their turn; when too many already wait, the request is refused at once with 503 `server_busy`
 * rather than piling up memory.
 */
import { AppError } from './errors.js'

const MAX_WAITING = 8

let busy = false
const waiting: (() => void)[] = []

export async function withParseSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (busy) {
    if (waiting.length >= MAX_WAITING) throw new AppError(503, 'server_busy')
    await new Promise<void>((resolve) => waiting.push(resolve))
  }
  busy = true
  try {
    return await fn()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else busy = false
  }
}
