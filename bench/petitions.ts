/**
 * The petition ledger's numbers (issue 4) on the province demo (300,000 cases): dashboard figures,
 * a filtered list page, and importing a 100,000-row ledger; each beside its floor measured in the
 * same run (the same aggregate as hand-written SQL through the same driver; exceljs merely reading
 * the same file), and the list route under load beside a near-empty route.
 *
 * The province data is generated once per schema and demo code and kept in bench/.cache (SQLite);
 * PostgreSQL gets it by the app's own first start, timed.
 */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { readWorkbook } from '../server/spreadsheet/read.js'
import { defineBench } from './lib/bench.js'
import { importAndWait, json, type LoadResult, load, withPeakRss } from './lib/http.js'
import { ledgerFile } from './lib/ledger-file.js'
import { insertFloor, type RawSql, sealFloor } from './lib/petition-floors.js'
import { freshDatabase, redactUrl, serverVersion } from './lib/pg.js'
import { CACHE, provinceSqliteCopy, tempDir } from './lib/province.js'
import { loginCookie, rssBytes, type Started, startApp } from './lib/server.js'
import { mb, median, ms, percentile, seconds, table, timeEach, verdict } from './lib/stats.js'

const FIGURE_RUNS = 20
const LIST_RUNS = 100
const IMPORT_ROWS = 100_000
const LOAD_SECONDS = 20
const GOAL_FIGURES_MS = 300
const GOAL_LIST_P95_MS = 100
const GOAL_IMPORT_MS = 20_000

interface Floor {
  figures(cutoff: string, asOf: string): Promise<unknown>
  list(countyId: number, status: string, offset: number): Promise<unknown>
  /** Plain SQL on a writable connection of its own, for the import's insert floor. */
  raw: RawSql
  close(): Promise<void>
}

// The figures' grouped aggregate, hand-written: what the app's one scan would cost with nothing around it.
const FIGURES_SQL = (p: (i: number) => string) => `
  select category_id, demand_id, county_id, min(received_on), count(*),
    sum(case when closed_on is null or closed_on > ${p(2)} then 1 else 0 end),
    sum(case when received_on < ${p(1)} and (closed_on is null or closed_on >= ${p(1)}) then 1 else 0 end),
    sum(case when received_on < ${p(1)} and (closed_on is null or closed_on >= ${p(1)}) and closed_on is not null and closed_on <= ${p(2)} then 1 else 0 end),
    sum(case when received_on >= ${p(1)} then 1 else 0 end),
    sum(case when received_on >= ${p(1)} and closed_on is not null and closed_on <= ${p(2)} then 1 else 0 end),
    sum(case when current_due < ${p(2)} then 1 else 0 end),
    sum(case when accepted_on is not null and accepted_on <= notice_due then 1 else 0 end),
    sum(case when replied_on is not null and replied_on <= handling_due then 1 else 0 end),
    sum(case when satisfaction = 'satisfied' then 1 else 0 end)
  from petition_cases
  where voided_at is null and duplicate_of is null and received_on <= ${p(2)}
  group by category_id, demand_id, county_id`
const LIST_SQL = (p: (i: number) => string) => `
  select c.*, cat.name, dem.name, cty.name, ru.name from petition_cases c
    join petition_categories cat on cat.id = c.category_id
    join petition_categories dem on dem.id = c.demand_id
    join org_units ru on ru.id = c.responsible_unit_id
    left join org_units cty on cty.id = c.county_id
  where c.county_id = ${p(1)} and c.status = ${p(2)} and c.voided_at is null
  order by c.received_on desc, c.id desc limit 50 offset ${p(3)}`
const COUNT_SQL = (p: (i: number) => string) =>
  `select count(*) from petition_cases where county_id = ${p(1)} and status = ${p(2)} and voided_at is null`

interface Backend {
  label: string
  detail: string
  /** A started app on the province data, its floor, and how long preparing the data took. */
  prepare(
    log: (m: string) => void,
  ): Promise<{ app: Started; floor: Floor; prepMs: number; prepNote: string; cleanup(): Promise<void> }>
}

function sqliteBackend(): Backend {
  return {
    label: 'SQLite',
    detail: 'embedded file, province demo copied from bench/.cache',
    async prepare(log) {
      const { dataDir, prepMs, prepNote } = await provinceSqliteCopy(log)
      const app = await startApp({ dataDir, env: { EDU_LEDGER_DEMO: 'province' } })
      const db = new SQLite(path.join(dataDir, 'edu-ledger.sqlite'), { readonly: true })
      const rw = new SQLite(path.join(dataDir, 'edu-ledger.sqlite'))
      rw.pragma('busy_timeout = 5000')
      rw.pragma('cache_size = -32768') // as the app's own connection (server/db/connect.ts)
      const q = (i: number) => `@p${i}`
      const fig = db.prepare(FIGURES_SQL(q))
      const list = db.prepare(LIST_SQL(q))
      const count = db.prepare(COUNT_SQL(q))
      return {
        app,
        prepMs,
        prepNote,
        floor: {
          figures: async (c, a) => fig.raw().all({ p1: c, p2: a }),
          list: async (county, status, offset) => [
            count.raw().get({ p1: county, p2: status }),
            list.raw().all({ p1: county, p2: status, p3: offset }),
          ],
          raw: {
            exec: async (text) => void rw.exec(text),
            columns: async (table) =>
              (rw.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map(
                (c) => c.name,
              ),
          },
          close: async () => {
            db.close()
            rw.close()
          },
        },
        async cleanup() {
          await app.stop()
          fs.rmSync(dataDir, { recursive: true, force: true })
        },
      }
    },
  }
}

function postgresBackend(serverUrl: string, version: string): Backend {
  return {
    label: 'PostgreSQL',
    detail: `PostgreSQL ${version} at ${redactUrl(serverUrl)}, a fresh database`,
    async prepare(log) {
      const fresh = await freshDatabase(serverUrl)
      const dataDir = tempDir()
      log('  PostgreSQL: first start with the province demo…')
      const app = await startApp({
        dataDir,
        env: { DATABASE_URL: fresh.url, EDU_LEDGER_DEMO: 'province' },
        timeoutMs: 900_000,
      })
      const client = new pg.Client({ connectionString: fresh.url })
      await client.connect()
      // Fresh bulk-loaded tables: let the planner see them, as autovacuum soon would.
      await client.query('analyze')
      const q = (i: number) => `$${i}`
      return {
        app,
        prepMs: app.readyMs,
        prepNote: 'the first `npm start` on an empty database (migrate + province demo)',
        floor: {
          figures: async (c, a) =>
            (await client.query({ text: FIGURES_SQL(q), values: [c, a], rowMode: 'array' })).rows,
          list: async (county, status, offset) => [
            (await client.query({ text: COUNT_SQL(q), values: [county, status], rowMode: 'array' })).rows,
            (await client.query({ text: LIST_SQL(q), values: [county, status, offset], rowMode: 'array' }))
              .rows,
          ],
          raw: {
            exec: async (text) => void (await client.query(text)),
            columns: async (table) =>
              (
                await client.query<{ column_name: string }>(
                  `select column_name from information_schema.columns
                   where table_schema = current_schema() and table_name = $1 order by ordinal_position`,
                  [table],
                )
              ).rows.map((c) => c.column_name),
          },
          close: () => client.end(),
        },
        async cleanup() {
          await app.stop()
          fs.rmSync(dataDir, { recursive: true, force: true })
          await fresh.drop()
        },
      }
    },
  }
}

async function measure(b: Backend, log: (m: string) => void): Promise<string> {
  const prep = await b.prepare(log)
  const { app, floor } = prep
  try {
    const admin = await loginCookie(app.url)
    const office = await loginCookie(app.url, 'dept_gaojiao', 'Demo@2026')
    const total = (await json(`${app.url}/api/petitions/cases?pageSize=1`, admin)) as { total: number }
    const counties = (await json(`${app.url}/api/org-units?kind=county&pageSize=500`, admin)) as {
      items: { id: number }[]
    }
    log(`  ${b.label}: ${total.total} cases, ${counties.items.length} counties`)

    // The first figures request after start also loads the in-process snapshot of the cases (one
    // read of every case): timed on its own, with an as-of date no timed request below uses.
    const rssIdle = rssBytes(app.serverPid)
    const first = await withPeakRss(app.serverPid, () =>
      timeEach(1, () => json(`${app.url}/api/petitions/figures?cutoff=2023-04-01&asOf=2025-12-31`, admin)),
    )
    const firstMs = first.value[0] ?? Number.NaN
    const rssLoaded = rssBytes(app.serverPid)
    log(
      `  ${b.label} figures: first request ${ms(firstMs)} (loads the snapshot); RSS ${mb(rssIdle)} → ${mb(rssLoaded)}`,
    )

    // Figures: each request a new as-of date, so none is served from the cache; then the cached one.
    const asOf = (i: number) =>
      `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
    let i = 0
    const figures = await withPeakRss(app.serverPid, () =>
      timeEach(FIGURE_RUNS, () =>
        json(`${app.url}/api/petitions/figures?cutoff=2023-04-01&asOf=${asOf(i++)}`, admin),
      ),
    )
    const cached = await timeEach(FIGURE_RUNS, () =>
      json(`${app.url}/api/petitions/figures?cutoff=2023-04-01&asOf=2026-01-01`, admin),
    )
    let j = 0
    const figuresFloor = await timeEach(FIGURE_RUNS, () => floor.figures('2023-04-01', asOf(j++)))
    log(
      `  ${b.label} figures: p50 ${ms(median(figures.value))} (cached ${ms(median(cached))}), floor ${ms(median(figuresFloor))}`,
    )

    // A filtered list page: county × status × page, varied per request.
    const statuses = ['handling', 'replied', 'registered', 'extended']
    const pick = (k: number) => ({
      county: counties.items[k % counties.items.length]?.id ?? 0,
      status: statuses[k % statuses.length] as string,
      page: 1 + (k % 3),
    })
    let k = 0
    const list = await withPeakRss(app.serverPid, () =>
      timeEach(LIST_RUNS, () => {
        const p = pick(k++)
        return json(
          `${app.url}/api/petitions/cases?countyId=${p.county}&status=${p.status}&page=${p.page}&pageSize=50`,
          admin,
        )
      }),
    )
    let f = 0
    const listFloor = await timeEach(LIST_RUNS, () => {
      const p = pick(f++)
      return floor.list(p.county, p.status, (p.page - 1) * 50)
    })
    log(
      `  ${b.label} list: p50 ${ms(median(list.value))}, p95 ${ms(percentile(list.value, 95))}; floor p95 ${ms(percentile(listFloor, 95))}`,
    )

    // Import of a 100,000-row ledger, against exceljs merely reading it.
    const file = await ledgerFile(CACHE, IMPORT_ROWS)
    const bytes = fs.readFileSync(file)
    const t0 = performance.now()
    const rows = (await readWorkbook(bytes, { thread: 'inline' }))[0]?.rows.length ?? 0
    const readMs = performance.now() - t0
    const insertMs = await insertFloor(floor.raw, IMPORT_ROWS)
    const sealMs = sealFloor(IMPORT_ROWS)
    const floorMs = readMs + insertMs + sealMs
    const imported = await withPeakRss(app.serverPid, async () => {
      const r = await importAndWait(app.url, '/api/petitions/import', office, bytes)
      return { ms: r.ms, result: r.result as { created: number } }
    })
    log(
      `  ${b.label} import: ${seconds(imported.value.ms)} for ${imported.value.result.created} rows (exceljs read ${seconds(readMs)}, SQL insert ${seconds(insertMs)}, sealing ${seconds(sealMs)})`,
    )

    const listUrl = `${app.url}/api/petitions/cases?countyId=${pick(1).county}&status=handling`
    const loads: [string, number, LoadResult, LoadResult, number][] = []
    for (const c of [50, 200]) {
      const floorLoad = await load(`${app.url}/api/health`, admin, c, LOAD_SECONDS)
      const listLoad = await withPeakRss(app.serverPid, () => load(listUrl, admin, c, LOAD_SECONDS))
      loads.push([listUrl, c, listLoad.value, floorLoad, listLoad.peak])
      log(
        `  ${b.label} load ${c} conns: list ${listLoad.value.rps.toFixed(0)} req/s vs health ${floorLoad.rps.toFixed(0)} req/s`,
      )
    }

    const p50f = median(figures.value)
    const p95l = percentile(list.value, 95)
    const goals = table(
      ['goal (issue 4)', 'measured', ''],
      [
        [
          `dashboard figures on ${total.total.toLocaleString('en')} cases < 300 ms`,
          `p50 ${ms(p50f)}, p95 ${ms(percentile(figures.value, 95))} uncached; cached p50 ${ms(median(cached))}; the first request after start ${ms(firstMs)} (loads the snapshot)`,
          verdict(percentile(figures.value, 95) < GOAL_FIGURES_MS),
        ],
        [
          'filtered list page p95 < 100 ms',
          `p95 ${ms(p95l)} (p50 ${ms(median(list.value))})`,
          verdict(p95l < GOAL_LIST_P95_MS),
        ],
        [
          `import ${IMPORT_ROWS.toLocaleString('en')} rows < 20 s`,
          seconds(imported.value.ms),
          verdict(imported.value.ms < GOAL_IMPORT_MS),
        ],
      ],
    )
    const floors = table(
      ['what', 'ours', 'floor (same run)', 'ratio', 'peak RSS'],
      [
        [
          'figures (snapshot brought up to date + one pass in memory + roll-up), p50',
          ms(p50f),
          `${ms(median(figuresFloor))} grouped SQL alone`,
          `${(p50f / median(figuresFloor)).toFixed(2)}×`,
          mb(figures.peak),
        ],
        [
          'figures, the first request after start (loads the in-process snapshot of every case)',
          ms(firstMs),
          `${ms(median(figuresFloor))} grouped SQL alone`,
          `${(firstMs / median(figuresFloor)).toFixed(1)}×`,
          `${mb(first.peak)} (idle ${mb(rssIdle)}, after ${mb(rssLoaded)})`,
        ],
        [
          'list page (count + page of 50 with names), p95',
          ms(p95l),
          `${ms(percentile(listFloor, 95))} the two SQL statements`,
          `${(p95l / percentile(listFloor, 95)).toFixed(1)}×`,
          mb(list.peak),
        ],
        [
          `import ${rows.toLocaleString('en')} rows (upload → job done)`,
          seconds(imported.value.ms),
          `${seconds(readMs)} exceljs reading the file`,
          `${(imported.value.ms / readMs).toFixed(1)}×`,
          mb(imported.peak),
        ],
        [
          `the same import`,
          seconds(imported.value.ms),
          `${seconds(floorMs)}: the read above + ${seconds(insertMs)} the database writing ${IMPORT_ROWS.toLocaleString('en')} cases, petitioners and events (\`insert … select\`, one transaction) + ${seconds(sealMs)} sealing the petitioners (AES-GCM, keyed hashes)`,
          `${(imported.value.ms / floorMs).toFixed(1)}×`,
          '',
        ],
      ],
    )
    const under = table(
      [
        'connections',
        'list req/s',
        'list p50 / p99',
        'errors',
        'health req/s (floor)',
        'health p50 / p99',
        'ratio req/s',
        'peak RSS',
      ],
      loads.map(([, c, l, h, peak]) => [
        String(c),
        l.rps.toFixed(0),
        `${l.p50} / ${l.p99} ms`,
        `${l.errors + l.non2xx}`,
        h.rps.toFixed(0),
        `${h.p50} / ${h.p99} ms`,
        `${(h.rps / Math.max(l.rps, 1)).toFixed(1)}×`,
        mb(peak),
      ]),
    )
    return [
      `#### ${b.label}`,
      '',
      `Database: ${b.detail}. Province data: ${prep.prepNote}${prep.prepMs ? ` (${seconds(prep.prepMs)})` : ''}.`,
      '',
      goals,
      '',
      `Each beside its floor, measured in the same run (${FIGURE_RUNS} figure requests with distinct as-of dates so none is cached; ${LIST_RUNS} list requests over county × status × page):`,
      '',
      floors,
      '',
      `Under load (autocannon, ${LOAD_SECONDS} s each; the floor is \`GET /api/health\`, one tiny query):`,
      '',
      under,
    ].join('\n')
  } finally {
    await floor.close()
    await prep.cleanup()
  }
}

export default defineBench({
  name: 'petitions',
  title: 'Petition ledger on the province demo (issue 4)',
  async run({ databaseUrl, log }) {
    const sections = [await measure(sqliteBackend(), log)]
    if (databaseUrl)
      sections.push(await measure(postgresBackend(databaseUrl, await serverVersion(databaseUrl)), log))
    return sections.join('\n\n')
  },
})
