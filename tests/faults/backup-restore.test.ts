/**
 * Backup and restore as an operator does it, through the CLI on stopped apps: the city demo with
 * changes of its own is backed up, restored into an empty SQLite directory (and into a fresh
 * PostgreSQL database when DATABASE_URL names a server: the file is dialect-neutral), and the app
 * started on the copy answers the same as the original, its audit chain verifies, and a row changed
 * behind the app's back afterwards is caught by `audit verify`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freshDatabase } from '../../bench/lib/pg.js'
import { ROOT } from '../../bench/lib/server.js'
import { type Client, client, type FaultApp, pgServerUrl, startFaultApp, type Target } from './lib/app.js'
import { query } from './lib/db.js'

function cli(args: string[], env: Record<string, string>): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'edu-ledger.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', EDU_LEDGER_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 180_000,
  })
  return { code: r.status, out: `${r.stdout}${r.stderr}` }
}

/** What a user sees of the ledgers: totals of the main lists and one edited record. */
async function view(c: Client, schoolId: number) {
  const total = async (p: string) => (await c.get(p)).body.total as number
  return {
    units: await total('/api/org-units?pageSize=1'),
    petitions: await total('/api/petitions/cases?pageSize=1'),
    tasks: await total('/api/supervision/tasks?pageSize=1'),
    problems: await total('/api/rectification/problems?pageSize=1'),
    school: (await c.get(`/api/org-units/${schoolId}`)).body.shortName as string,
    audit: (await c.get('/api/audit/verify')).body.ok as boolean,
  }
}

const targets: Target[] = process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']

describe('backup and restore round trip through the CLI', () => {
  const cleanup: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const f of cleanup.reverse()) await f().catch(() => undefined)
  })

  it.each(targets)('a SQLite backup restored into %s answers as the original did', async (target) => {
    const original = await startFaultApp('sqlite')
    cleanup.push(() => original.dispose())
    const admin = await client(original.started.url)
    const school = (await admin.get('/api/org-units?kind=school&pageSize=1')).body.items[0]
    const renamed = await admin.send('PATCH', `/api/org-units/${school.id}`, {
      version: school.version,
      shortName: '备份前改名',
    })
    expect(renamed.status).toBe(200)
    const before = await view(admin, school.id)
    expect(before).toMatchObject({ school: '备份前改名', audit: true })
    await original.started.stop()

    const file = path.join(os.tmpdir(), `edu-backup-${process.pid}-${target}.jsonl`)
    cleanup.push(async () => fs.rmSync(file, { force: true }))
    const made = cli(['backup', file], { EDU_LEDGER_DATA_DIR: original.dataDir })
    expect(made.code, made.out).toBe(0)
    expect(made.out).toMatch(/backup written/)

    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edu-restored-'))
    const fresh = target === 'postgres' ? await freshDatabase(pgServerUrl()) : undefined
    const env = { EDU_LEDGER_DATA_DIR: dataDir, ...(fresh ? { DATABASE_URL: fresh.url } : {}) }
    const restored = cli(['restore', file], env)
    expect(restored.code, restored.out).toBe(0)
    // Restoring twice is refused: the target is no longer empty, and stays as it was.
    const twice = cli(['restore', file], env)
    expect(twice.code).not.toBe(0)

    const copy: FaultApp = await startFaultApp(target, { dataDir, databaseUrl: fresh?.url, demo: 'none' })
    cleanup.push(async () => {
      await copy.dispose()
      await fresh?.drop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    })
    // The same admin password works: users and their hashes came across; sessions did not.
    const again = await client(copy.started.url)
    expect(await view(again, school.id)).toEqual(before)
    await copy.started.stop()

    const verified = cli(['audit', 'verify'], env)
    expect(verified.code, verified.out).toBe(0)
    // A change behind the app's back in the restored copy is caught.
    const tamper = await query<{ id: number }>(copy, 'select max(id) as id from audit_log')
    if (target === 'sqlite') {
      const Database = (await import('better-sqlite3')).default
      const db = new Database(path.join(dataDir, 'edu-ledger.sqlite'))
      db.prepare("update audit_log set after_json = '{}' where id = ?").run(tamper[0]?.id)
      db.close()
    } else {
      const pg = (await import('pg')).default
      const c = new pg.Client({ connectionString: fresh?.url })
      await c.connect()
      await c.query("update audit_log set after_json = '{}' where id = $1", [tamper[0]?.id])
      await c.end()
    }
    const broken = cli(['audit', 'verify'], env)
    expect(broken.code).toBe(1)
    expect(broken.out).toMatch(new RegExp(`row ${tamper[0]?.id}: hash_mismatch`))
  })
})
