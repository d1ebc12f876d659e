/**
 * The foundation's numbers (issue 2): start-up time, the province org tree, and memory at idle,
 * on SQLite always and on PostgreSQL when DATABASE_URL names a server.
 *
 * Everything is measured from outside the process, as a user or a load balancer sees it: the app is
 * spawned with `npm start`, polled on /api/health, asked for the tree over HTTP, and its memory is
 * read from /proc. The floor for the tree is the same rows read straight from the database.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { defineBench } from './lib/bench.js'
import { freshDatabase, redactUrl, serverVersion } from './lib/pg.js'
import { loginCookie, rssBytes, type StartOptions, startApp } from './lib/server.js'
import { mb, median, ms, percentile, seconds, table, timeEach, verdict } from './lib/stats.js'

const STARTS = 5
const PROVINCE_STARTS = 3
const TREE_REQUESTS = 50
const TREE_WARMUP = 5
const IDLE_WAIT_MS = 3000
const LOAD_SECONDS = 10
const LOAD_CONNECTIONS = 10

const GOAL_START_MS = 3000
const GOAL_TREE_MS = 150
const GOAL_RSS = 200 * 1024 * 1024

/** One place the app can keep its data: a fresh SQLite directory, or a fresh PostgreSQL database. */
interface Target {
  dataDir: string
  env: Record<string, string>
  /** Reads every org unit straight from the database, bypassing the app. */
  openFloor(): Promise<Floor>
  cleanup(): Promise<void>
}

interface Floor {
  selectAll(): Promise<unknown[]>
  close(): Promise<void>
}

interface Backend {
  label: string
  detail: string
  newTarget(): Promise<Target>
}

const sleep = (msValue: number) => new Promise((r) => setTimeout(r, msValue))
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'edu-ledger-bench-'))

function sqliteBackend(): Backend {
  return {
    label: 'SQLite',
    detail: 'embedded file under a fresh temp EDU_LEDGER_DATA_DIR',
    async newTarget() {
      const dataDir = tempDir()
      return {
        dataDir,
        env: {},
        async openFloor() {
          const db = new SQLite(path.join(dataDir, 'edu-ledger.sqlite'), { readonly: true })
          const stmt = db.prepare('SELECT * FROM org_units')
          return {
            selectAll: async () => stmt.all(),
            close: async () => {
              db.close()
            },
          }
        },
        cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
      }
    },
  }
}

function postgresBackend(serverUrl: string, version: string): Backend {
  return {
    label: 'PostgreSQL',
    detail: `PostgreSQL ${version} at ${redactUrl(serverUrl)}, a fresh database per target`,
    async newTarget() {
      const fresh = await freshDatabase(serverUrl)
      const dataDir = tempDir()
      return {
        dataDir,
        env: { DATABASE_URL: fresh.url },
        async openFloor() {
          const client = new pg.Client({ connectionString: fresh.url })
          await client.connect()
          return {
            selectAll: async () => (await client.query('SELECT * FROM org_units')).rows,
            close: () => client.end(),
          }
        },
        async cleanup() {
          fs.rmSync(dataDir, { recursive: true, force: true })
          await fresh.drop()
        },
      }
    },
  }
}

interface StartupResult {
  first: number[]
  second: number[]
  secondNode: number[]
  idleRss: number[]
}

/** First starts on empty targets, then second starts (npm and plain node) on one that has data. */
async function measureStartup(b: Backend, log: (m: string) => void): Promise<StartupResult> {
  const first: number[] = []
  const second: number[] = []
  const secondNode: number[] = []
  const idleRss: number[] = []
  let warm: Target | undefined
  for (let i = 0; i < STARTS; i++) {
    const t = await b.newTarget()
    const app = await startApp({ dataDir: t.dataDir, env: t.env })
    first.push(app.readyMs)
    await app.stop()
    if (i === STARTS - 1) warm = t
    else await t.cleanup()
    log(`  ${b.label} first start ${i + 1}/${STARTS}: ${seconds(app.readyMs)}`)
  }
  if (!warm) throw new Error('unreachable')
  const opts: StartOptions = { dataDir: warm.dataDir, env: warm.env }
  for (let i = 0; i < STARTS; i++) {
    const app = await startApp(opts)
    second.push(app.readyMs)
    await sleep(IDLE_WAIT_MS)
    idleRss.push(rssBytes(app.serverPid))
    await app.stop()
    log(
      `  ${b.label} second start ${i + 1}/${STARTS}: ${seconds(app.readyMs)}, idle RSS ${mb(idleRss.at(-1) ?? 0)}`,
    )
  }
  for (let i = 0; i < STARTS; i++) {
    const app = await startApp({ ...opts, via: 'node' })
    secondNode.push(app.readyMs)
    await app.stop()
  }
  await warm.cleanup()
  return { first, second, secondNode, idleRss }
}

interface TreeResult {
  firstStart: number[]
  units: number
  bytes: number
  server: number[]
  floorSelect: number[]
  floorJson: number[]
  floorRows: number
  load: { rps: number; p50: number; p99: number; errors: number; non2xx: number }
  /** Idle after the start, before any request. */
  rssIdle: number
  /** Idle again after the load test. */
  rssAfter: number
}

/** The province demo: first start, then the tree over HTTP against the raw rows, then memory. */
async function measureProvinceTree(b: Backend, log: (m: string) => void): Promise<TreeResult> {
  const firstStart: number[] = []
  let target: Target | undefined
  let app: Awaited<ReturnType<typeof startApp>> | undefined
  for (let i = 0; i < PROVINCE_STARTS; i++) {
    const t = await b.newTarget()
    // The org tree's numbers: without the 300,000 demo petitions (bench/petitions.ts measures those).
    const a = await startApp({
      dataDir: t.dataDir,
      env: { ...t.env, EDU_LEDGER_DEMO: 'province', EDU_LEDGER_DEMO_PETITIONS: '0' },
    })
    firstStart.push(a.readyMs)
    log(`  ${b.label} province first start ${i + 1}/${PROVINCE_STARTS}: ${seconds(a.readyMs)}`)
    if (i < PROVINCE_STARTS - 1) {
      await a.stop()
      await t.cleanup()
    } else {
      target = t
      app = a
    }
  }
  if (!target || !app) throw new Error('unreachable')
  try {
    await sleep(IDLE_WAIT_MS)
    const rssIdle = rssBytes(app.serverPid)
    const cookie = await loginCookie(app.url)
    const get = async () => {
      const res = await fetch(`${app.url}/api/org-units/tree`, { headers: { cookie } })
      if (!res.ok) throw new Error(`tree: ${res.status}`)
      return res.arrayBuffer()
    }
    const sample = await get()
    const units = (JSON.parse(Buffer.from(sample).toString('utf8')) as { items: unknown[] }).items.length
    for (let i = 1; i < TREE_WARMUP; i++) await get()
    const server = await timeEach(TREE_REQUESTS, get)
    log(`  ${b.label} tree: ${units} units, p50 ${ms(median(server))}, p99 ${ms(percentile(server, 99))}`)

    const floor = await target.openFloor()
    let floorRows = 0
    for (let i = 0; i < TREE_WARMUP; i++) floorRows = (await floor.selectAll()).length
    const floorSelect = await timeEach(TREE_REQUESTS, () => floor.selectAll())
    const floorJson = await timeEach(TREE_REQUESTS, async () => JSON.stringify(await floor.selectAll()))
    await floor.close()

    const r = await autocannon({
      url: `${app.url}/api/org-units/tree`,
      connections: LOAD_CONNECTIONS,
      duration: LOAD_SECONDS,
      headers: { cookie },
    })
    log(`  ${b.label} tree under load: ${r.requests.average.toFixed(1)} req/s, p99 ${r.latency.p99} ms`)
    await sleep(IDLE_WAIT_MS)
    const rssAfter = rssBytes(app.serverPid)
    return {
      firstStart,
      units,
      bytes: sample.byteLength,
      server,
      floorSelect,
      floorJson,
      floorRows,
      load: {
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors,
        non2xx: r.non2xx,
      },
      rssIdle,
      rssAfter,
    }
  } finally {
    await app.stop()
    await target.cleanup()
  }
}

function report(b: Backend, s: StartupResult, t: TreeResult): string {
  const p50 = median(t.server)
  const p99 = percentile(t.server, 99)
  const floor50 = median(t.floorSelect)
  const rss = median(s.idleRss)
  const goals = table(
    ['goal', 'measured', ''],
    [
      [
        `\`npm start\` → healthy, city demo, second start < 3 s`,
        `median ${seconds(median(s.second))}`,
        verdict(median(s.second) < GOAL_START_MS),
      ],
      [
        `\`npm start\` → healthy, city demo, first start < 3 s`,
        `median ${seconds(median(s.first))}`,
        verdict(median(s.first) < GOAL_START_MS),
      ],
      [
        `province org tree (${t.units} units) < 150 ms`,
        `p50 ${ms(p50)}, p99 ${ms(p99)}`,
        `${verdict(p50 < GOAL_TREE_MS)}${p99 >= GOAL_TREE_MS ? ' at p50; p99 above' : ''}`,
      ],
      [
        'server RSS at idle < 200 MB',
        `city ${mb(rss)}; province ${mb(t.rssIdle)}`,
        verdict(Math.max(rss, t.rssIdle) < GOAL_RSS),
      ],
    ],
  )
  const startup = table(
    ['start', 'runs', 'median', 'min', 'max'],
    [
      ['first start (empty, migrates + loads city demo), `npm start`', s.first, 'npm'] as const,
      ['second start (existing data), `npm start`', s.second, 'npm'] as const,
      ['second start, `node bin/edu-ledger.mjs serve` (no npm)', s.secondNode, 'node'] as const,
      ['first start, province demo (≈12k units), `npm start`', t.firstStart, 'npm'] as const,
    ].map(([label, runs]) => [
      label,
      String(runs.length),
      seconds(median(runs)),
      seconds(Math.min(...runs)),
      seconds(Math.max(...runs)),
    ]),
  )
  const tree = table(
    ['what', 'p50', 'p99', 'max'],
    [
      [
        `GET /api/org-units/tree as admin over HTTP (${(t.bytes / 1024 / 1024).toFixed(2)} MB JSON, ${t.units} units)`,
        ms(p50),
        ms(p99),
        ms(Math.max(...t.server)),
      ],
      [
        `floor: \`SELECT * FROM org_units\` straight from the database (${t.floorRows} rows)`,
        ms(floor50),
        ms(percentile(t.floorSelect, 99)),
        ms(Math.max(...t.floorSelect)),
      ],
      [
        'floor + `JSON.stringify` of those rows',
        ms(median(t.floorJson)),
        ms(percentile(t.floorJson, 99)),
        ms(Math.max(...t.floorJson)),
      ],
    ],
  )
  return [
    `#### ${b.label}`,
    '',
    `Database: ${b.detail}.`,
    '',
    goals,
    '',
    'Start-up, from spawning the command to the first 200 from `/api/health` (polled every 10 ms):',
    '',
    startup,
    '',
    `Province org tree, ${TREE_REQUESTS} sequential requests after ${TREE_WARMUP} warm-up ones; the floor reads the same table in the same run:`,
    '',
    tree,
    '',
    `Ratio server p50 / floor p50: **${(p50 / floor50).toFixed(1)}×** (the difference is presenting, validating and serialising ${t.units} rows and moving ${(t.bytes / 1024 / 1024).toFixed(1)} MB over loopback).`,
    '',
    `Under load (autocannon, ${LOAD_CONNECTIONS} connections, ${LOAD_SECONDS} s, same request): ${t.load.rps.toFixed(1)} req/s, latency p50 ${t.load.p50} ms, p99 ${t.load.p99} ms, ${t.load.errors} errors, ${t.load.non2xx} non-2xx.`,
    '',
    `Memory (VmRSS of the \`node … serve\` process, not npm's, ${IDLE_WAIT_MS / 1000} s after it became healthy): city demo median ${mb(rss)} (min ${mb(Math.min(...s.idleRss))}, max ${mb(Math.max(...s.idleRss))}); province demo ${mb(t.rssIdle)} ${IDLE_WAIT_MS / 1000} s after its first start, and ${mb(t.rssAfter)} ${IDLE_WAIT_MS / 1000} s after the load test (V8 keeps the heap it grew for 3.7 MB responses; not an idle-after-start figure).`,
  ].join('\n')
}

export default defineBench({
  name: 'foundation',
  title: 'Foundation: start-up, province org tree, memory',
  async run(ctx) {
    const backends: Backend[] = [sqliteBackend()]
    if (ctx.databaseUrl) backends.push(postgresBackend(ctx.databaseUrl, await serverVersion(ctx.databaseUrl)))
    const parts: string[] = []
    for (const b of backends) {
      ctx.log(`foundation: ${b.label}`)
      const s = await measureStartup(b, ctx.log)
      const t = await measureProvinceTree(b, ctx.log)
      parts.push(report(b, s, t))
    }
    if (!ctx.databaseUrl) parts.push('PostgreSQL: not measured in this run (DATABASE_URL was not set).')
    return parts.join('\n\n')
  },
})
