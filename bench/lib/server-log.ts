/**
 * Reads the app's own request log (pino JSON lines on stdout at the default `info` level) for a
 * stretch of a load run: how long the server itself took per request (`responseTime`, from the
 * request's first hook to the reply), the statuses it sent, and any warning or error it logged.
 * Beside the client's latency this separates time spent handling from time spent waiting in line.
 */
import { percentile } from './stats.js'

export interface ServerSide {
  requests: number
  p50: number
  p99: number
  /** Lines at level warn (40) or above, by message. */
  problems: Record<string, number>
  statuses: Record<string, number>
  /** What the answer cache did (`res.cache`: hit, miss, off, verified), for the routes it serves. */
  cache: Record<string, number>
}

export function readServerLog(text: string): ServerSide {
  const times: number[] = []
  const problems: Record<string, number> = {}
  const statuses: Record<string, number> = {}
  const cache: Record<string, number> = {}
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue
    let e: {
      level?: number
      msg?: string
      responseTime?: number
      res?: { statusCode?: number; cache?: string }
    }
    try {
      e = JSON.parse(line)
    } catch {
      continue
    }
    if ((e.level ?? 0) >= 40) {
      const k = (e.msg ?? '?').slice(0, 120)
      problems[k] = (problems[k] ?? 0) + 1
    }
    if (e.msg === 'request completed' && typeof e.responseTime === 'number') {
      times.push(e.responseTime)
      const s = String(e.res?.statusCode ?? '?')
      statuses[s] = (statuses[s] ?? 0) + 1
      const c = e.res?.cache
      if (c) cache[c] = (cache[c] ?? 0) + 1
    }
  }
  return {
    requests: times.length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    problems,
    statuses,
    cache,
  }
}
