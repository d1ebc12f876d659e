import path from 'node:path'
import type { Kysely } from 'kysely'
import { expect, it } from 'vitest'
import {
  createFreshDatabase,
  factories,
  forEachDatabase,
  type Harness,
  loginAs,
  openTestRuntime,
  startApp,
  TestClock,
  upload,
} from '../../tests/harness.js'
import { verifyAuditChain } from '../audit/verify.js'
import type { Runtime } from '../runtime.js'
import { backup, restore } from './backup.js'
import { listTables } from './dialect.js'

/**
 * Not data, by design: the migrator's own table, sessions, login throttles, and job files (uploads
 * and error reports that repeat ledgers in clear; server/db/backup.ts says why).
 */
const NOT_COPIED = new Set(['schema_migrations', 'sessions', 'auth_throttle', 'job_files'])

const normalise = (v: unknown): unknown =>
  Buffer.isBuffer(v) || v instanceof Uint8Array ? `b64:${Buffer.from(v).toString('base64')}` : v

/** Every data table's rows, values normalised and rows in a stable order. */
async function snapshot(rt: Runtime): Promise<Record<string, unknown[]>> {
  const db = rt.services.db as unknown as Kysely<Record<string, Record<string, unknown>>>
  const tables = (await listTables(db, rt.services.dialect))
    .filter((t) => !NOT_COPIED.has(t) && !t.startsWith('pgboss'))
    .sort()
  const out: Record<string, unknown[]> = {}
  for (const t of tables) {
    const rows = await db.selectFrom(t).selectAll().execute()
    out[t] = rows
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, normalise(v)])))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  }
  return out
}

/** Some of everything: org changes, users, a failed import, a stored file (binary). */
async function addData(h: Harness) {
  const admin = await h.admin()
  const school = await h.buildSchool({ name: '备份测试小学' })
  await admin.patch(`/api/org-units/${school.id}`, { version: 1, tags: ['备份', 'it\'s "quoted"'] })
  await h.buildUser({ role: 'county' })
  const res = await upload(
    admin,
    '/api/org-units/import',
    'x.xlsx',
    Buffer.from([0, 1, 2, 255, 254, 0x50, 0x4b]),
  )
  expect(res.statusCode).toBe(202)
  await h.services.jobs.idle()
  // Every byte value, NULs and high bytes included, in a binary column that is backed up.
  await h.db
    .insertInto('attachments')
    .values({
      owner_type: 'test',
      owner_id: school.id,
      filename: '证明.bin',
      content_type: 'application/octet-stream',
      file_type: 'bin',
      size_bytes: 256,
      sha256: 'x',
      bytes: Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      note: '',
      uploaded_by_name: '测试',
      created_at: h.clock.now().toISOString(),
    })
    .execute()
}

forEachDatabase(
  'backup and restore',
  (h) => {
    it('restores into a fresh empty migrated database with every table’s rows equal', async () => {
      await addData(h)
      const file = path.join(h.database.dir, 'backup.jsonl')
      const written = await backup(h.rt.database, file)
      const original = await snapshot(h.rt)
      expect(Object.keys(original)).toEqual(
        expect.arrayContaining([
          'org_units',
          'users',
          'audit_log',
          'audit_head',
          'jobs',
          'attachments',
          'settings',
        ]),
      )
      expect(original.attachments?.length).toBeGreaterThan(0)
      expect(written.rows).toBe(Object.values(original).reduce((n, rows) => n + rows.length, 0))

      const copy = await h.freshRuntime({ startJobs: false })
      const restored = await restore(copy.database, file)
      expect(restored).toEqual(written)
      expect(await snapshot(copy)).toEqual(original)
      expect(await verifyAuditChain(copy.services.db)).toMatchObject({ ok: true })

      // The copy works: ids continue after the restored ones, and people log in with their passwords.
      const f = factories(() => copy.services)
      const next = await f.buildSchool()
      const maxBefore = Math.max(...(original.org_units ?? []).map((r) => (r as { id: number }).id))
      expect(next.id).toBeGreaterThan(maxBefore)
      const app = await startApp(copy.services)
      try {
        const c = await loginAs(app, 'admin', 'Admin12345')
        expect((await c.get('/api/audit/verify')).json().ok).toBe(true)
      } finally {
        await app.close()
      }
    })

    it('refuses to restore into a database that has users, and leaves it as it was', async () => {
      const file = path.join(h.database.dir, 'refuse.jsonl')
      await backup(h.rt.database, file)
      const before = await snapshot(h.rt)
      await expect(restore(h.rt.database, file)).rejects.toThrow(/empty database/)
      expect(await snapshot(h.rt)).toEqual(before)
    })

    it('refuses a file that is not a backup', async () => {
      const copy = await h.freshRuntime({ startJobs: false })
      const file = path.join(h.database.dir, 'not-a-backup.jsonl')
      const fs = await import('node:fs')
      fs.writeFileSync(file, '{"format":"something-else"}\n')
      await expect(restore(copy.database, file)).rejects.toThrow(/not an edu-ledger backup/)
    })

    it.runIf(process.env.DATABASE_URL)(
      'restores a SQLite backup into PostgreSQL and a PostgreSQL backup into SQLite',
      async () => {
        const file = path.join(h.database.dir, 'cross.jsonl')
        await backup(h.rt.database, file)
        const original = await snapshot(h.rt)
        const other = h.target === 'sqlite' ? 'postgres' : 'sqlite'
        const fresh = await createFreshDatabase(other)
        const rt = await openTestRuntime(fresh, new TestClock(), { startJobs: false })
        try {
          await restore(rt.database, file)
          expect(await snapshot(rt)).toEqual(original)
          expect((await verifyAuditChain(rt.services.db)).ok).toBe(true)
          const next = await factories(() => rt.services).buildSchool()
          expect(next.id).toBeGreaterThan(0)
        } finally {
          await rt.close()
          await fresh.drop()
        }
      },
    )
  },
  { demo: 'city' },
)
