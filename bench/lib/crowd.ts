/**
 * Load for bench/load.ts: autocannon with the path varied per request (a crowd does not all ask for
 * the same page), every failure kind counted on its own, and the floor server as a child process.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import autocannon from 'autocannon'
import { freePort, ROOT } from './server.js'

/** autocannon's default: a request without an answer after this long counts as a timeout. */
export const TIMEOUT_S = 10

export interface CrowdResult {
  rps: number
  /** Latency percentiles in ms; autocannon records them for 2xx answers only. */
  p50: number
  p99: number
  max: number
  /** Answers of any status. */
  answered: number
  /** Socket-level failures other than timeouts (reset, refused…), by code. */
  socketErrors: number
  timeouts: number
  non2xx: number
  /** Counts by HTTP status and by error code/message, e.g. `{ "200": 3120, "ECONNRESET": 4 }`. */
  kinds: Record<string, number>
}

// The part of autocannon 8 used here beyond bench/lib/autocannon.d.ts: per-request setup and the
// tracker's events (the returned promise is also an EventEmitter).
interface RequestSpec {
  setupRequest(req: { path?: string }): { path?: string }
}
interface Tracker extends PromiseLike<Raw> {
  on(event: 'reqError', fn: (e: Error & { code?: string }) => void): void
}
interface Raw {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number; max: number }
  errors: number
  timeouts: number
  non2xx: number
  statusCodeStats: Record<string, { count: number }>
}
const cannon = autocannon as unknown as (o: {
  url: string
  connections: number
  duration: number
  timeout: number
  headers: Record<string, string>
  requests: RequestSpec[]
}) => Tracker

/** Where a route's round-robin stands: the next run goes on from there rather than starting over. */
export interface Cursor {
  next: number
}

/**
 * `connections` closed-loop clients for `seconds`, each request taking the next of `paths` in turn
 * (one shared round-robin, so all paths are asked for evenly whatever the connection count).
 * Pass the same cursor to successive runs so a run does not repeat the paths the last one (and
 * the caches it filled) began with.
 */
export async function crowd(
  baseUrl: string,
  paths: readonly string[],
  cookie: string,
  connections: number,
  seconds: number,
  cursor: Cursor = { next: 0 },
): Promise<CrowdResult> {
  if (paths.length === 0) throw new Error('crowd: no paths')
  const tracker = cannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: TIMEOUT_S,
    headers: { cookie },
    requests: [
      {
        setupRequest: (req) => {
          const p = paths[cursor.next++ % paths.length] as string
          return { ...req, path: p }
        },
      },
    ],
  })
  const kinds: Record<string, number> = {}
  tracker.on('reqError', (e) => {
    const k = e.code ?? e.message
    kinds[k] = (kinds[k] ?? 0) + 1
  })
  const r = await tracker
  for (const [status, s] of Object.entries(r.statusCodeStats ?? {})) kinds[status] = s.count
  const answered = Object.values(r.statusCodeStats ?? {}).reduce((a, s) => a + s.count, 0)
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    answered,
    socketErrors: r.errors - r.timeouts,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    kinds,
  }
}

export interface Floor {
  url: string
  pid: number
  stop(): Promise<void>
}

/** Starts bench/lib/empty-fastify.ts in a process of its own and waits until it listens. */
export async function startFloor(): Promise<Floor> {
  const port = await freePort()
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench', 'lib', 'empty-fastify.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`floor server not ready:\n${out}`)), 30_000)
    const onData = (b: Buffer) => {
      out += b.toString()
      if (out.includes('listening ')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`floor server exited with ${code}:\n${out}`))
    })
  })
  await ready
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    async stop() {
      child.kill('SIGTERM')
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}
