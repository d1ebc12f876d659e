/**
 * The app as the fault tests need it: a child process started the way `npm start` does (through
 * bench/lib/server.ts, so both measure the same thing), on SQLite in a data directory of the test's
 * own or on a fresh PostgreSQL database, and a logged-in HTTP client that sends the CSRF token.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freshDatabase } from '../../../bench/lib/pg.js'
import { loginCookie, type Started, startApp } from '../../../bench/lib/server.js'

export type Target = 'sqlite' | 'postgres'

/** SQLite always; PostgreSQL too when DATABASE_URL names a server (`with-fresh-pg` sets it). */
export function faultTargets(): Target[] {
  return process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']
}

/** The server DATABASE_URL points at, as the `postgres` maintenance database. */
export function pgServerUrl(): string {
  const u = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
  u.pathname = '/postgres'
  return u.toString()
}

export interface FaultApp {
  target: Target
  dataDir: string
  /** PostgreSQL only. */
  databaseUrl?: string
  started: Started
  /** Starts the app again on the same data (after a kill or a stop). */
  restart(): Promise<void>
  /** Stops the app and removes its data. */
  dispose(): Promise<void>
}

export interface FaultAppOptions {
  demo?: 'city' | 'none'
  dataDir?: string
  databaseUrl?: string
  env?: Record<string, string>
}

export async function startFaultApp(target: Target, opts: FaultAppOptions = {}): Promise<FaultApp> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'edu-fault-'))
  const fresh = target === 'postgres' && !opts.databaseUrl ? await freshDatabase(pgServerUrl()) : undefined
  const databaseUrl = target === 'postgres' ? (opts.databaseUrl ?? fresh?.url) : undefined
  const env: Record<string, string> = {
    EDU_LEDGER_DEMO: opts.demo ?? 'city',
    EDU_LEDGER_LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...opts.env,
  }
  const start = () => startApp({ dataDir, via: 'node', env, timeoutMs: 180_000 })
  const app: FaultApp = {
    target,
    dataDir,
    databaseUrl,
    started: await start(),
    async restart() {
      await app.started.stop()
      app.started = await start()
    },
    async dispose() {
      await app.started.stop()
      await fresh?.drop().catch(() => undefined)
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return app
}

export const sqliteFile = (dataDir: string) => path.join(dataDir, 'edu-ledger.sqlite')

/** A parsed JSON answer: the tests read it by shape and assert field by field. */
// biome-ignore lint/suspicious/noExplicitAny: an API answer of any route, narrowed by each assertion
export type Body = any

/** A logged-in client over real HTTP: JSON in and out, the CSRF header on every mutation. */
export interface Client {
  cookie: string
  get(p: string): Promise<{ status: number; body: Body }>
  send(method: string, p: string, body?: unknown): Promise<{ status: number; body: Body }>
  upload(p: string, bytes: Buffer, filename?: string): Promise<{ status: number; body: Body }>
}

export async function client(baseUrl: string, username?: string, password?: string): Promise<Client> {
  const cookie = await loginCookie(baseUrl, username, password)
  const csrf = cookie.match(/edu_csrf=([^;]+)/)?.[1] ?? ''
  const parse = async (res: Response) => {
    const text = await res.text()
    try {
      return { status: res.status, body: text ? JSON.parse(text) : null }
    } catch {
      return { status: res.status, body: text }
    }
  }
  return {
    cookie,
    get: async (p) => parse(await fetch(`${baseUrl}${p}`, { headers: { cookie } })),
    send: async (method, p, body) =>
      parse(
        await fetch(`${baseUrl}${p}`, {
          method,
          headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      ),
    upload: async (p, bytes, filename = 'ledger.xlsx') => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(bytes)]), filename)
      return parse(
        await fetch(`${baseUrl}${p}`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrf },
          body: form,
        }),
      )
    },
  }
}

/** Polls a job until it leaves queued/running, or until `until` says stop watching. */
export async function waitJob(
  c: Client,
  id: number,
  until: (job: { status: string; progress: number; total: number | null }) => boolean = (j) =>
    j.status !== 'queued' && j.status !== 'running',
  timeoutMs = 240_000,
): Promise<Body> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const r = await c.get(`/api/jobs/${id}`)
    if (r.status === 200 && until(r.body)) return r.body
    if (Date.now() > deadline) throw new Error(`job ${id} still ${JSON.stringify(r.body)}`)
    await new Promise((res) => setTimeout(res, 50))
  }
}
