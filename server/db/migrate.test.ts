import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createFreshDatabase, type FreshDatabase, forEachDatabase } from '../../tests/harness.js'
import { openDatabase } from './connect.js'
import { listTables } from './dialect.js'
import { findMigrations, migrate } from './migrate.js'

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const open = (fresh: FreshDatabase) =>
  openDatabase({ databaseUrl: fresh.url, dataDir: fresh.dir, sqliteFile: fresh.sqliteFile })

forEachDatabase(
  'migrations',
  (h) => {
    it('apply every migration on an empty database, then nothing on a second run', async () => {
      const fresh = await h.freshDatabase()
      const database = open(fresh)
      try {
        const expected = findMigrations().map((m) => m.name)
        expect(expected.length).toBeGreaterThan(0)
        const first = await migrate(database)
        expect(first.applied).toEqual(expected)
        expect(first.all).toEqual(expected)
        const tables = await listTables(database.db, database.dialect)
        for (const t of [
          'org_units',
          'users',
          'sessions',
          'audit_log',
          'audit_head',
          'jobs',
          'job_files',
          'settings',
        ]) {
          expect(tables).toContain(t)
        }
        const second = await migrate(database)
        expect(second.applied).toEqual([])
        expect(second.all).toEqual(expected)
      } finally {
        await database.close()
      }
    })

    it('concurrent migrators apply each migration once', async () => {
      const fresh = await h.freshDatabase()
      const a = open(fresh)
      const b = fresh.target === 'postgres' ? open(fresh) : a
      try {
        const [ra, rb] = await Promise.all([migrate(a), migrate(b)])
        expect([...ra.applied, ...rb.applied].sort()).toEqual(
          findMigrations()
            .map((m) => m.name)
            .sort(),
        )
      } finally {
        await a.close()
        if (b !== a) await b.close()
      }
    })

    it('health reports the database and the number of migrations', async () => {
      const res = await h.anonymous().get('/api/health')
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({
        status: 'ok',
        database: h.target,
        migrations: findMigrations().length,
      })
    })
  },
  { startJobs: false },
)

describe('migration files', () => {
  const dirs = [path.join(serverDir, 'db', 'migrations')]
  for (const m of fs.readdirSync(path.join(serverDir, 'modules'))) {
    const dir = path.join(serverDir, 'modules', m, 'migrations')
    if (fs.existsSync(dir)) dirs.push(dir)
  }
  const files = dirs.flatMap((d) =>
    fs
      .readdirSync(d)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => path.join(d, f)),
  )

  it('never import application code: only kysely and the frozen helpers', () => {
    expect(files.length).toBeGreaterThan(0)
    const offenders: string[] = []
    for (const file of files) {
      const src = fs.readFileSync(file, 'utf8')
      const specifiers = [
        ...src.matchAll(/\bimport\s+(?:type\s+)?[^'"]*?from\s*['"]([^'"]+)['"]/g),
        ...src.matchAll(/\bimport\s*['"]([^'"]+)['"]/g),
        ...src.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
        ...src.matchAll(/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
        ...src.matchAll(/\bexport\s+[^'"]*?from\s*['"]([^'"]+)['"]/g),
      ].map((m) => m[1])
      for (const s of specifiers) {
        if (
          s !== 'kysely' &&
          s !== './helpers.js' &&
          !(s === '../../../db/migrations/helpers.js' && file.includes('/modules/'))
        )
          offenders.push(`${path.relative(serverDir, file)} imports ${s}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('are named date_seq_name.ts so they sort in order, and the migrator finds them all', () => {
    const named = files.filter((f) => !f.endsWith('helpers.ts'))
    for (const f of named) expect(path.basename(f)).toMatch(/^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+\.ts$/)
    expect(
      findMigrations()
        .map((m) => m.file)
        .sort(),
    ).toEqual([...named].sort())
  })

  it('a fresh SQLite file is created where the data dir says', async () => {
    const fresh = await createFreshDatabase('sqlite')
    try {
      const database = openDatabase({ dataDir: path.join(fresh.dir, 'nested', 'data') })
      await migrate(database)
      await database.close()
      expect(fs.existsSync(path.join(fresh.dir, 'nested', 'data', 'edu-ledger.sqlite'))).toBe(true)
    } finally {
      await fresh.drop()
    }
  })
})
