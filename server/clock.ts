/**
 * The clock of a running server. Normally the system clock; a browser journey that must see a task
 * go overdue sets `EDU_LEDGER_CLOCK_FILE` to a file holding an ISO instant and rewrites the file to
 * move time. The file is the outside world being mocked, as the rules allow for the clock; nothing
 * in production sets the variable, and the server says so loudly at start when it is set.
 */
import fs from 'node:fs'

export function systemClock(): () => Date {
  return () => new Date()
}

/** A clock read from `file` (re-read when it changes); the system clock while the file is absent or unreadable. */
export function fileClock(file: string): () => Date {
  let mtimeMs = -1
  let fixed: Date | null = null
  return () => {
    try {
      const st = fs.statSync(file)
      if (st.mtimeMs !== mtimeMs) {
        mtimeMs = st.mtimeMs
        const d = new Date(fs.readFileSync(file, 'utf8').trim())
        fixed = Number.isNaN(d.getTime()) ? null : d
      }
    } catch {
      fixed = null
      mtimeMs = -1
    }
    return fixed ? new Date(fixed.getTime()) : new Date()
  }
}
