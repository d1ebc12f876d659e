/**
 * Issue 8, items 4 and 5: the API's list and dashboard routes under load on the province demo, each
 * beside an empty Fastify route in its own process on the same machine, measured in the same run
 * with the same autocannon settings (connections, duration, timeout, cookie, the same path list);
 * requests/s, p50, p99, every failure kind, and the server's peak memory. SQLite always, PostgreSQL
 * when DATABASE_URL is set.
 */
import fs from 'node:fs'
import os from 'node:os'
import pg from 'pg'
import { defineBench } from './lib/bench.js'
import { type CrowdResult, type Cursor, crowd, type Floor, startFloor, TIMEOUT_S } from './lib/crowd.js'
import { json, withPeakRss } from './lib/http.js'
import { waitIdle, waitQuiet } from './lib/idle.js'
import { type Scenario, scenarios } from './lib/load-scenarios.js'
import { freshDatabase, redactUrl, serverVersion } from './lib/pg.js'
import { provinceSqliteCopy, tempDir } from './lib/province.js'
import { loginCookie, type Started, startApp } from './lib/server.js'
import { readServerLog, type ServerSide } from './lib/server-log.js'
import { mb, seconds, table } from './lib/stats.js'

const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20)
const CONNECTIONS = [50, 200]
const GOAL_LIST_P99_MS = 100
const GOAL_RSS_BYTES = 500 * 1024 * 1024
const WARM_UP = 20
/** `off` measures the list routes without the answer cache: what every first visit costs. */
const ANSWER_CACHE = process.env.BENCH_ANSWER_CACHE === 'off' ? 'off' : 'on'

interface Prepared {
  app: Started
  note: string
  cleanup(): Promise<void>
}
interface Backend {
  label: string
  detail: string
  /** The list goal (p99 < 100 ms at 200 connections, zero errors) is set for SQLite. */
  listGoal: boolean
  prepare(log: (m: string) => void): Promise<Prepared>
}

function sqliteBackend(): Backend {
  return {
    label: 'SQLite',
    detail: 'embedded file, province demo copied from bench/.cache',
    listGoal: true,
    async prepare(log) {
      const copy = await provinceSqliteCopy(log)
      const app = await startApp({
        dataDir: copy.dataDir,
        env: { EDU_LEDGER_DEMO: 'province', EDU_LEDGER_ANSWER_CACHE: ANSWER_CACHE },
      })
      const note = `${copy.prepNote}${copy.prepMs ? ` (${seconds(copy.prepMs)})` : ''}`
      return {
        app,
        note,
        async cleanup() {
          await app.stop()
          fs.rmSync(copy.dataDir, { recursive: true, force: true })
        },
      }
    },
  }
}

function postgresBackend(serverUrl: string, version: string): Backend {
  return {
    label: 'PostgreSQL',
    detail: `PostgreSQL ${version} at ${redactUrl(serverUrl)}, a fresh database`,
    listGoal: false,
    async prepare(log) {
      const fresh = await freshDatabase(serverUrl)
      const dataDir = tempDir()
      log('  PostgreSQL: first start with the province demo…')
      const env = {
        DATABASE_URL: fresh.url,
        EDU_LEDGER_DEMO: 'province',
        EDU_LEDGER_ANSWER_CACHE: ANSWER_CACHE,
      }
      const gen = await startApp({ dataDir, env, timeoutMs: 1_800_000 })
      // The loading process keeps the heap it grew for 300,000 cases; a server is measured as it
      // runs after an ordinary start on the loaded database, as SQLite's is.
      await gen.stop()
      // Fresh bulk-loaded tables: let the planner see them, as autovacuum soon would.
      const client = new pg.Client({ connectionString: fresh.url })
      await client.connect()
      await client.query('analyze')
      await client.end()
      const app = await startApp({ dataDir, env })
      return {
        app,
        note: `loaded by the first \`npm start\` on an empty database (${seconds(gen.readyMs)}), then \`analyze\` and a second start`,
        async cleanup() {
          await app.stop()
          fs.rmSync(dataDir, { recursive: true, force: true })
          await fresh.drop()
        },
      }
    },
  }
}

interface Row {
  s: Scenario
  connections: number
  ours: CrowdResult
  floor: CrowdResult
  server: ServerSide
  peak: number
  floorPeak: number
  /** How long the server went on handling requests the clients had given up on or left queued. */
  drainMs: number
  /** The machine's 1-minute load average when the run ended: other work on the same two cores. */
  loadAvg: number
}

/** Hits of all the answers the cache was asked for: "—" for routes it does not serve. */
function cacheText(s: ServerSide): string {
  const asked = Object.values(s.cache).reduce((a, b) => a + b, 0)
  if (asked === 0) return '—'
  const hits = s.cache.hit ?? 0
  return `${((hits / asked) * 100).toFixed(1)}% (${hits} of ${asked})`
}

const failures = (r: CrowdResult) => r.non2xx + r.timeouts + r.socketErrors
const kindsText = (r: CrowdResult) =>
  Object.entries(r.kinds)
    .filter(([k]) => k !== '200')
    .map(([k, n]) => `${k}×${n}`)
    .join(', ')

async function measure(b: Backend, log: (m: string) => void): Promise<string> {
  const prep = await b.prepare(log)
  const { app } = prep
  let floor: Floor | undefined
  try {
    floor = await startFloor()
    const admin = await loginCookie(app.url)
    const list = await scenarios(app.url, admin)
    // A running server has long loaded its in-process petition snapshot and compiled its hot code:
    // one sequential pass over each scenario's first paths before anything is timed; the timed runs
    // go on from there (one cursor per route), so none starts on what the last one just cached.
    for (const s of list) for (const p of s.paths.slice(0, WARM_UP)) await json(`${app.url}${p}`, admin)
    await waitIdle(app.serverPid)
    const rows: Row[] = []
    for (const s of list) {
      const cursor: Cursor = { next: WARM_UP }
      for (const c of CONNECTIONS) {
        const f = await withPeakRss(floor.pid, () =>
          crowd(floor?.url as string, s.paths, admin, c, LOAD_SECONDS),
        )
        await waitIdle(floor.pid)
        const mark = app.output().length
        const o = await withPeakRss(app.serverPid, () =>
          crowd(app.url, s.paths, admin, c, LOAD_SECONDS, cursor),
        )
        const loadAvg = os.loadavg()[0] ?? Number.NaN
        const drainMs = await waitIdle(app.serverPid)
        await waitQuiet(app.output)
        const server = readServerLog(app.output().slice(mark))
        rows.push({
          s,
          connections: c,
          ours: o.value,
          floor: f.value,
          server,
          peak: o.peak,
          floorPeak: f.peak,
          drainMs,
          loadAvg,
        })
        log(
          `  ${b.label} ${s.label.split(' (')[0]} ×${c}: ${o.value.rps.toFixed(0)} req/s p50 ${o.value.p50} p99 ${o.value.p99} ms ` +
            `(server handled ${server.requests}, cache ${cacheText(server)}, p50 ${server.p50.toFixed(1)} p99 ${server.p99.toFixed(1)} ms; busy ${seconds(drainMs)} after) ` +
            `failures ${failures(o.value)} [${kindsText(o.value)}]; ` +
            `floor ${f.value.rps.toFixed(0)} req/s p99 ${f.value.p99} ms; peak ${mb(o.peak)}; load ${loadAvg.toFixed(1)}` +
            (Object.keys(server.problems).length ? `; server logged ${JSON.stringify(server.problems)}` : ''),
        )
      }
    }
    return report(b, prep.note, rows)
  } finally {
    await floor?.stop()
    await prep.cleanup()
  }
}

function report(b: Backend, note: string, rows: Row[]): string {
  const speed = table(
    [
      'route',
      'conns',
      'ours req/s',
      'ours p50 / p99',
      'handled by the server: n, p50 / p99',
      'answer cache hits',
      'floor req/s',
      'floor p50 / p99',
      'floor ÷ ours req/s',
    ],
    rows.map((r) => [
      r.s.label,
      String(r.connections),
      r.ours.rps.toFixed(0),
      r.ours.answered - r.ours.non2xx > 0 ? `${r.ours.p50} / ${r.ours.p99} ms` : '— (no 2xx answer)',
      `${r.server.requests}: ${r.server.p50.toFixed(1)} / ${r.server.p99.toFixed(1)} ms`,
      cacheText(r.server),
      r.floor.rps.toFixed(0),
      `${r.floor.p50} / ${r.floor.p99} ms`,
      `${(r.floor.rps / Math.max(r.ours.rps, 0.01)).toFixed(1)}×`,
    ]),
  )
  const goals = table(
    [
      'route',
      'conns',
      'answered',
      'errors',
      'non-2xx',
      'timeouts',
      'server busy after',
      'machine load',
      'p99 goal',
      'peak RSS (floor)',
      'RSS < 500 MB',
    ],
    rows.map((r) => {
      const goalApplies = b.listGoal && r.s.kind === 'list' && r.connections === 200
      const ok = r.ours.p99 < GOAL_LIST_P99_MS && failures(r.ours) === 0
      return [
        r.s.label,
        String(r.connections),
        String(r.ours.answered),
        String(r.ours.socketErrors),
        r.ours.non2xx ? `${r.ours.non2xx} (${kindsText(r.ours)})` : '0',
        String(r.ours.timeouts),
        seconds(r.drainMs),
        r.loadAvg.toFixed(1),
        goalApplies
          ? `${ok ? '✅' : '❌'} p99 ${r.ours.p99} ms, ${failures(r.ours)} failed (goal < ${GOAL_LIST_P99_MS} ms, 0)`
          : '—',
        `${mb(r.peak)} (${mb(r.floorPeak)})`,
        r.peak < GOAL_RSS_BYTES ? '✅' : '❌',
      ]
    }),
  )
  const logged = rows.filter((r) => Object.keys(r.server.problems).length > 0)
  const serverLog =
    logged.length === 0
      ? 'The server logged no warning or error during any run (its request log at level info, read for each run).'
      : `The server logged warnings or errors: ${logged
          .map((r) => `${r.s.label} ×${r.connections}: ${JSON.stringify(r.server.problems)}`)
          .join('; ')}.`
  const varied = rows
    .filter((r, i) => rows.findIndex((x) => x.s === r.s) === i)
    .map((r) => `- ${r.s.label}: ${r.s.varied}.`)
  return [
    `#### ${b.label}`,
    '',
    `Database: ${b.detail}. Province data: ${note}. Logged in as the province admin (one session cookie for every connection). ` +
      `List-answer cache ${ANSWER_CACHE} (\`EDU_LEDGER_ANSWER_CACHE\`; \`BENCH_ANSWER_CACHE=off\` runs without it). ` +
      "A route's runs go on from one another along its path list (one cursor), so the 200-connection run finds the answers " +
      'the 50-connection run cached, as a crowd asking the same pages would; "answer cache hits" says how many of the answers were hits.',
    '',
    `autocannon, ${LOAD_SECONDS} s per row, closed loop (each connection sends its next request when the answer arrives), ` +
      `request timeout ${TIMEOUT_S} s; each request takes the next path of the route's list. The floor is a bare Fastify 5 ` +
      'server (bench/lib/empty-fastify.ts, its own process, logger off, no cookie or session work) answering `{"ok":true}` to ' +
      'the same path list with the same settings, measured just before ours. autocannon runs in the bench process on the same ' +
      'two cores. Client p50/p99 are over 2xx answers only (autocannon records no latency for a timeout, so a run with ' +
      'timeouts has a p99 that hides them). "Handled by the server" is the app\'s own `responseTime` from its request log ' +
      '(first hook to reply) for every request it handled in the run, including those the client had already given up on; ' +
      'client minus server time is time spent queued. "Server busy after" is how long the server went on working once the ' +
      'run had ended (the queued requests of closed connections); the next run waits for it. "Machine load" is the 1-minute ' +
      'load average as the run ended (2 cores: above 2, other work was competing with the server). Peak RSS sampled every 100 ms.',
    '',
    'What varies per request:',
    ...varied,
    '',
    speed,
    '',
    `Failures (errors: socket errors other than timeouts; timeouts: no answer within ${TIMEOUT_S} s), the goal, memory:`,
    '',
    goals,
    '',
    serverLog,
  ].join('\n')
}

export default defineBench({
  name: 'load',
  title: 'API under load beside an empty Fastify route (issue 8)',
  async run({ databaseUrl, log }) {
    // BENCH_LOAD_SKIP_SQLITE=1 measures PostgreSQL alone (the SQLite part takes ~9 minutes at 20 s a row).
    const sections = process.env.BENCH_LOAD_SKIP_SQLITE === '1' ? [] : [await measure(sqliteBackend(), log)]
    if (databaseUrl)
      sections.push(await measure(postgresBackend(databaseUrl, await serverVersion(databaseUrl)), log))
    return sections.join('\n\n')
  },
})
