/**
 * The key-task ledger's numbers (issue 3): a filtered list page over 100,000 tasks, and importing a
 * 10,000-row task list; each beside its floor measured in the same run (the list's two statements
 * hand-written through the same driver; exceljs merely reading the same file).
 *
 * 100,000 tasks is far beyond any demo (a city has dozens), so the bench adds them to the city demo
 * with plain INSERTs — the same rows the app writes, spread over the city's counties and schools,
 * statuses and deadlines — and caches the SQLite file in bench/.cache.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import ExcelJS from 'exceljs'
import pg from 'pg'
import { readWorkbook } from '../server/spreadsheet/read.js'
import { defineBench } from './lib/bench.js'
import { importAndWait, json, withPeakRss } from './lib/http.js'
import { freshDatabase, redactUrl, serverVersion } from './lib/pg.js'
import { loginCookie, ROOT, type Started, startApp } from './lib/server.js'
import { mb, median, ms, percentile, seconds, table, timeEach, verdict } from './lib/stats.js'

const CACHE = path.join(ROOT, 'bench', '.cache')
const TASKS = 100_000
const LIST_RUNS = 100
const IMPORT_ROWS = 10_000
const GOAL_LIST_P95_MS = 100
const GOAL_IMPORT_MS = 5_000
const STATUSES = ['not_started', 'in_progress', 'in_progress', 'done', 'done', 'cancelled']
const ENV = { EDU_LEDGER_DEMO: 'city', EDU_LEDGER_DEMO_PETITIONS: '0' }

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'edu-ledger-bench-'))

function dataKey(): string {
  const h = createHash('sha1').update(String(TASKS))
  const dirs = [
    'server/db/migrations',
    ...fs.readdirSync(path.join(ROOT, 'server/modules')).map((m) => `server/modules/${m}/migrations`),
    'server/demo',
  ].filter((d) => fs.existsSync(path.join(ROOT, d)))
  for (const d of dirs)
    for (const f of fs.readdirSync(path.join(ROOT, d)).sort())
      h.update(fs.readFileSync(path.join(ROOT, d, f)))
  h.update(fs.readFileSync(path.join(ROOT, 'server/modules/supervision/demo.ts')))
  h.update(fs.readFileSync(new URL(import.meta.url)))
  return h.digest('hex').slice(0, 12)
}

/** A tiny deterministic generator: the same 100,000 tasks every run. */
function rng(seed: number) {
  let s = seed >>> 0
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s % n
  }
}

interface Exec {
  run(sql: string, params: unknown[]): Promise<void>
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>
}

/** Adds TASKS tasks (and their lead and co-units) to the demo's first campaign. */
async function addTasks(db: Exec, placeholder: (i: number) => string) {
  const campaign = (
    await db.rows<{ id: number }>('select id from supervision_campaigns order by id limit 1')
  )[0]
  if (!campaign) throw new Error('the demo has no campaign')
  const aspects = await db.rows<{ id: number }>(
    `select id from supervision_aspects where campaign_id = ${placeholder(1)} order by id`,
    [campaign.id],
  )
  const units = await db.rows<{ id: number }>(
    "select id from org_units where kind in ('county', 'school', 'department') and voided_at is null order by id",
  )
  const start =
    (await db.rows<{ m: number }>('select coalesce(max(id), 0) as m from supervision_tasks'))[0]?.m ?? 0
  const r = rng(2026)
  const at = '2026-11-27T02:00:00.000Z'
  const day = (offset: number) =>
    new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10)
  const BATCH = 500
  for (let b = 0; b < TASKS; b += BATCH) {
    const tasks: unknown[] = []
    const links: unknown[] = []
    for (let i = b; i < Math.min(TASKS, b + BATCH); i++) {
      const id = Number(start) + i + 1
      const lead = units[r(units.length)]?.id as number
      const startsOn = day(r(300))
      const deadline = day(60 + r(600))
      const status = STATUSES[r(STATUSES.length)] as string
      tasks.push(
        id,
        campaign.id,
        aspects[r(aspects.length)]?.id,
        `压测任务${id}：推进第${1 + r(50)}项重点工作`,
        lead,
        ['王副局长', '李副局长', '张局长', '赵处长'][r(4)],
        startsOn,
        deadline,
        deadline,
        status,
        status === 'done' ? deadline : null,
        status === 'done' ? 10_000 : r(10_000),
        at,
      )
      links.push(id, lead, 'lead', 0)
      if (r(3) === 0) {
        const co = units[r(units.length)]?.id as number
        if (co !== lead) links.push(id, co, 'co', 1)
      }
    }
    let p = 0
    const row = (n: number) => `(${Array.from({ length: n }, () => placeholder(++p)).join(', ')})`
    // The 13 varying columns, then the constant ones (updated_at = created_at).
    const taskRows = Array.from({ length: tasks.length / 13 }, () => {
      const r13 = row(13)
      return `${r13.slice(0, -1)}, null, '', 1, null, 'demo', 1, null, '${at}', null, null)`
    }).join(', ')
    await db.run(
      `insert into supervision_tasks (id, campaign_id, aspect_id, title, lead_unit_id, leader, starts_on, deadline,
        original_deadline, status, done_on, progress_bp, created_at, parent_id, description, weight, recurrence,
        source, version, created_by, updated_at, voided_at, void_reason) values ${taskRows}`,
      tasks,
    )
    p = 0
    const linkRows = Array.from({ length: links.length / 4 }, () => row(4)).join(', ')
    await db.run(
      `insert into supervision_task_units (task_id, org_unit_id, role, sort_order) values ${linkRows}`,
      links,
    )
  }
}

interface Backend {
  label: string
  detail: string
  prepare(log: (m: string) => void): Promise<{
    app: Started
    floor: (status: string, countyPath: string, offset: number) => Promise<unknown>
    prepNote: string
    cleanup(): Promise<void>
  }>
}

// The list's two statements, hand-written: count, then a page of 50 with the names it shows.
const FLOOR_COUNT = (p: (i: number) => string) => `select count(*) from supervision_tasks t
  where t.voided_at is null and t.status = ${p(1)} and exists (select 1 from supervision_task_units tu
  join org_units u on u.id = tu.org_unit_id where tu.task_id = t.id and u.path like ${p(2)})`
const FLOOR_PAGE = (p: (i: number) => string) => `select t.*, c.name, a.name, lu.name from supervision_tasks t
  join supervision_campaigns c on c.id = t.campaign_id join supervision_aspects a on a.id = t.aspect_id
  join org_units lu on lu.id = t.lead_unit_id
  where t.voided_at is null and t.status = ${p(1)} and exists (select 1 from supervision_task_units tu
  join org_units u on u.id = tu.org_unit_id where tu.task_id = t.id and u.path like ${p(2)})
  order by t.deadline, t.id limit 50 offset ${p(3)}`

function sqliteBackend(): Backend {
  return {
    label: 'SQLite',
    detail: 'embedded file, city demo plus 100,000 tasks, copied from bench/.cache',
    async prepare(log) {
      const cached = path.join(CACHE, `supervision-${dataKey()}`)
      let prepNote = `reused ${path.relative(ROOT, cached)}`
      if (!fs.existsSync(path.join(cached, 'edu-ledger.sqlite'))) {
        log('  SQLite: city demo + 100,000 tasks (once per schema)…')
        const dir = tempDir()
        const gen = await startApp({ dataDir: dir, env: ENV })
        await gen.stop()
        const t0 = performance.now()
        const db = new SQLite(path.join(dir, 'edu-ledger.sqlite'))
        const exec: Exec = {
          run: async (sql, params) => void db.prepare(sql).run(...params),
          rows: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[],
        }
        db.exec('begin')
        await addTasks(exec, () => '?')
        db.exec('commit')
        db.exec('analyze')
        db.close()
        prepNote = `generated now (${seconds(performance.now() - t0)} to insert), then cached`
        fs.mkdirSync(CACHE, { recursive: true })
        fs.cpSync(dir, `${cached}.part`, { recursive: true })
        fs.renameSync(`${cached}.part`, cached)
        fs.rmSync(dir, { recursive: true, force: true })
      }
      const dataDir = tempDir()
      fs.cpSync(cached, dataDir, { recursive: true })
      const app = await startApp({ dataDir, env: ENV })
      const db = new SQLite(path.join(dataDir, 'edu-ledger.sqlite'), { readonly: true })
      const count = db.prepare(FLOOR_COUNT(() => '?'))
      const page = db.prepare(FLOOR_PAGE(() => '?'))
      return {
        app,
        prepNote,
        floor: async (status, scope, offset) => [
          count.raw().get(status, `${scope}%`),
          page.raw().all(status, `${scope}%`, offset),
        ],
        async cleanup() {
          db.close()
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
      const gen = await startApp({ dataDir, env: { ...ENV, DATABASE_URL: fresh.url } })
      await gen.stop()
      log('  PostgreSQL: adding 100,000 tasks…')
      const client = new pg.Client({ connectionString: fresh.url })
      await client.connect()
      const t0 = performance.now()
      const exec: Exec = {
        run: async (sql, params) => void (await client.query(sql, params)),
        rows: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
      }
      await client.query('begin')
      await addTasks(exec, (i) => `$${i}`)
      await client.query(
        "select setval(pg_get_serial_sequence('supervision_tasks', 'id'), (select max(id) from supervision_tasks))",
      )
      await client.query('commit')
      await client.query('analyze')
      const prepNote = `inserted now (${seconds(performance.now() - t0)})`
      const app = await startApp({ dataDir, env: { ...ENV, DATABASE_URL: fresh.url } })
      const q = (i: number) => `$${i}`
      return {
        app,
        prepNote,
        floor: async (status, scope, offset) => [
          (await client.query({ text: FLOOR_COUNT(q), values: [status, `${scope}%`], rowMode: 'array' }))
            .rows,
          (
            await client.query({
              text: FLOOR_PAGE(q),
              values: [status, `${scope}%`, offset],
              rowMode: 'array',
            })
          ).rows,
        ],
        async cleanup() {
          await client.end()
          await app.stop()
          fs.rmSync(dataDir, { recursive: true, force: true })
          await fresh.drop()
        },
      }
    },
  }
}

/** A 10,000-row task list as a bureau sends it: a title row above the header, names not ids. */
async function taskFile(campaign: string, aspects: string[], units: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('重点工作任务')
  ws.addRow(['2026年重点工作任务清单'])
  ws.addRow(['所属活动', '方面', '任务名称', '牵头单位', '配合单位', '责任领导', '开始日期', '完成时限'])
  const r = rng(7)
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const lead = units[r(units.length)] as string
    const co = r(3) === 0 ? (units[r(units.length)] as string) : ''
    ws.addRow([
      campaign,
      aspects[r(aspects.length)],
      `导入任务${i + 1}：落实第${1 + r(40)}项措施`,
      lead,
      co === lead ? '' : co,
      ['王副局长', '李副局长'][r(2)],
      `2026-${String(1 + r(9)).padStart(2, '0')}-0${1 + r(9)}`,
      `2027年${1 + r(12)}月${1 + r(28)}日`,
    ])
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function measure(b: Backend, log: (m: string) => void): Promise<string> {
  const prep = await b.prepare(log)
  const { app } = prep
  try {
    const admin = await loginCookie(app.url)
    const office = await loginCookie(app.url, 'dept_gaojiao', 'Demo@2026')
    const total = (await json(`${app.url}/api/supervision/tasks?pageSize=1`, admin)) as { total: number }
    const counties = (await json(`${app.url}/api/org-units?kind=county&pageSize=500`, admin)) as {
      items: { id: number; name: string; path: string }[]
    }
    log(`  ${b.label}: ${total.total} tasks visible to admin`)
    // Filters varied per request: status × county (lead or co-unit at or below it) × page.
    const statuses = ['not_started', 'in_progress', 'done']
    const pick = (k: number) => {
      const c = counties.items[k % counties.items.length] as { id: number; path: string }
      return { status: statuses[k % 3] as string, county: c, page: 1 + (k % 4) }
    }
    let k = 0
    const list = await withPeakRss(app.serverPid, () =>
      timeEach(LIST_RUNS, () => {
        const p = pick(k++)
        return json(
          `${app.url}/api/supervision/tasks?status=${p.status}&unitId=${p.county.id}&page=${p.page}&pageSize=50`,
          admin,
        )
      }),
    )
    let f = 0
    const floor = await timeEach(LIST_RUNS, () => {
      const p = pick(f++)
      return prep.floor(p.status, p.county.path, (p.page - 1) * 50)
    })
    // The same page with no filter but the admin's scope: the whole 100,000 counted.
    const unfiltered = await timeEach(20, () => json(`${app.url}/api/supervision/tasks?pageSize=50`, admin))
    log(`  ${b.label} list: p95 ${ms(percentile(list.value, 95))}; floor p95 ${ms(percentile(floor, 95))}`)

    const campaigns = (await json(`${app.url}/api/supervision/campaigns`, office)) as {
      items: { name: string; aspects: { name: string }[] }[]
    }
    const c = campaigns.items[0]
    if (!c) throw new Error('no campaign')
    const bytes = await taskFile(
      c.name,
      c.aspects.map((a) => a.name),
      counties.items.map((u) => u.name),
    )
    const t0 = performance.now()
    const rows = (await readWorkbook(bytes, { thread: 'inline' }))[0]?.rows.length ?? 0
    const readMs = performance.now() - t0
    const imported = await withPeakRss(app.serverPid, () =>
      importAndWait(app.url, '/api/supervision/import', office, bytes),
    )
    const again = await importAndWait(app.url, '/api/supervision/import', office, bytes)
    log(`  ${b.label} import: ${seconds(imported.value.ms)} (${JSON.stringify(imported.value.result)})`)

    const p95 = percentile(list.value, 95)
    return [
      `#### ${b.label}`,
      '',
      `Database: ${b.detail}. Data: ${prep.prepNote}.`,
      '',
      table(
        ['goal (issue 3)', 'measured', ''],
        [
          [
            `filtered list of ${total.total.toLocaleString('en')} tasks, one page, p95 < 100 ms`,
            `p95 ${ms(p95)} (p50 ${ms(median(list.value))})`,
            verdict(p95 < GOAL_LIST_P95_MS),
          ],
          [
            `import ${IMPORT_ROWS.toLocaleString('en')} rows < 5 s`,
            seconds(imported.value.ms),
            verdict(imported.value.ms < GOAL_IMPORT_MS),
          ],
        ],
      ),
      '',
      `Each beside its floor, measured in the same run (${LIST_RUNS} list requests over status × county × page):`,
      '',
      table(
        ['what', 'ours', 'floor (same run)', 'ratio', 'peak RSS'],
        [
          [
            'list page (count + 50 rows with names and units), p95',
            ms(p95),
            `${ms(percentile(floor, 95))} the two SQL statements`,
            `${(p95 / percentile(floor, 95)).toFixed(1)}×`,
            mb(list.peak),
          ],
          ['unfiltered first page (all 100,000 counted), p95', ms(percentile(unfiltered, 95)), '', '', ''],
          [
            `import ${rows.toLocaleString('en')} rows (upload → job done), ${JSON.stringify(imported.value.result)}`,
            seconds(imported.value.ms),
            `${seconds(readMs)} exceljs reading the file`,
            `${(imported.value.ms / readMs).toFixed(1)}×`,
            mb(imported.peak),
          ],
          [
            `the same file again (nothing changes: ${JSON.stringify(again.result)})`,
            seconds(again.ms),
            '',
            '',
            '',
          ],
        ],
      ),
    ].join('\n')
  } finally {
    await prep.cleanup()
  }
}

export default defineBench({
  name: 'supervision',
  title: 'Key tasks: 100,000-task list and 10,000-row import (issue 3)',
  async run({ databaseUrl, log }) {
    const sections = [await measure(sqliteBackend(), log)]
    if (databaseUrl)
      sections.push(await measure(postgresBackend(databaseUrl, await serverVersion(databaseUrl)), log))
    return sections.join('\n\n')
  },
})
