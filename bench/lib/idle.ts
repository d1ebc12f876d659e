/**
 * Waiting for a server to finish what a load run left it: when autocannon stops (or times a request
 * out) it closes its sockets, but requests already sent stay queued in the server, which still
 * handles every one of them. Measuring the next run before that queue drains would charge this
 * run's leftovers to it, and the server's request log is only flushed once it has time again.
 */
import fs from 'node:fs'

/** User + system CPU time of a process so far, in clock ticks (1/100 s on Linux). */
export function cpuTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the parenthesised command: utime and stime are the 12th and 13th.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(f[11]) + Number(f[12])
}

/**
 * Resolves once the process used at most 2 % of a core over a 500 ms window (or after `maxMs`);
 * returns how long that took, which is how long the server went on working after the run.
 */
export async function waitIdle(pid: number, maxMs = 60_000): Promise<number> {
  const t0 = performance.now()
  let before = cpuTicks(pid)
  while (performance.now() - t0 < maxMs) {
    await new Promise((r) => setTimeout(r, 500))
    const now = cpuTicks(pid)
    if (now - before <= 1) return performance.now() - t0 - 500
    before = now
  }
  return performance.now() - t0
}

/** Resolves once `read()` (a growing text) has not grown for `quietMs`. */
export async function waitQuiet(read: () => string, quietMs = 300, maxMs = 10_000): Promise<void> {
  const t0 = performance.now()
  let len = read().length
  while (performance.now() - t0 < maxMs) {
    await new Promise((r) => setTimeout(r, quietMs))
    const now = read().length
    if (now === len) return
    len = now
  }
}
