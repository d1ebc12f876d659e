import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import {
  bootstrapTest,
  createFreshDatabase,
  factories,
  forEachDatabase,
  type Harness,
  openTestRuntime,
  TestClock,
} from '../../tests/harness.js'
import type { Services } from '../context.js'
import { verifyAuditChain } from './verify.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** A database with a bootstrap and `changes` audited org changes on it. */
async function chain(h: Harness, changes = 6): Promise<Services> {
  const rt = await h.freshRuntime({ startJobs: false })
  await bootstrapTest(rt.services, 'none')
  await makeChanges(rt.services, changes)
  return rt.services
}

async function makeChanges(services: Services, changes: number) {
  const f = factories(() => services)
  for (let i = 0; i < changes; i++) await f.buildSchool()
}

const lastId = async (s: Services) =>
  (await s.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id

forEachDatabase('audit chain', (h) => {
  it('verifies after several changes made through the API', async () => {
    const admin = await h.admin()
    const county = await h.buildCounty()
    const created = await admin.post('/api/org-units', {
      parentId: county.id,
      kind: 'school',
      name: '审计小学',
    })
    expect(created.statusCode).toBe(201)
    const id = created.json().id as number
    expect((await admin.patch(`/api/org-units/${id}`, { version: 1, name: '审计小学二' })).statusCode).toBe(
      200,
    )
    expect((await admin.post(`/api/org-units/${id}/void`, { version: 2, reason: '测试' })).statusCode).toBe(
      200,
    )
    const res = await admin.get('/api/audit/verify')
    expect(res.statusCode).toBe(200)
    const rows = await h.db.selectFrom('audit_log').select('id').execute()
    expect(res.json()).toEqual({ ok: true, checked: rows.length, problems: [] })
    expect(rows.length).toBeGreaterThanOrEqual(6)
    // The log lists the unit's history, newest first, with who did it.
    const list = await admin.get(`/api/audit?entity=org_unit&entityId=${id}`)
    expect(list.json()).toMatchObject({
      total: 3,
      items: [
        { action: 'org.void', actorName: 'admin', after: { voidReason: '测试' } },
        { action: 'org.update', before: { name: '审计小学' }, after: { name: '审计小学二' } },
        { action: 'org.create', before: null },
      ],
    })
    const byPrefix = await admin.get('/api/audit?action=org.&pageSize=2&page=1')
    expect(byPrefix.json().items).toHaveLength(2)
  })

  it('concurrent changes append one unbroken chain', async () => {
    const admin = await h.admin()
    const county = await h.buildCounty()
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        admin.post('/api/org-units', { parentId: county.id, kind: 'school', name: `并发审计${i}小学` }),
      ),
    )
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201))
    const v = await verifyAuditChain(h.db)
    expect(v.problems).toEqual([])
    expect(v.ok).toBe(true)
  })

  it('a row changed behind the app’s back is a hash_mismatch at that id; changing it back heals it', async () => {
    const s = await chain(h)
    expect((await verifyAuditChain(s.db)).ok).toBe(true)
    const victim = 3
    const before = await s.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '=', victim)
      .executeTakeFirstOrThrow()
    await sql`update audit_log set after_json = ${'{"name":"篡改"}'} where id = ${victim}`.execute(s.db)
    const r = await verifyAuditChain(s.db)
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual([{ id: victim, reason: 'hash_mismatch' }])
    await sql`update audit_log set after_json = ${before.after_json} where id = ${victim}`.execute(s.db)
    expect((await verifyAuditChain(s.db)).ok).toBe(true)
    // Any hashed field counts: the actor, the time.
    await sql`update audit_log set actor_name = ${'someone-else'} where id = ${victim}`.execute(s.db)
    expect((await verifyAuditChain(s.db)).problems).toContainEqual({ id: victim, reason: 'hash_mismatch' })
  })

  it('a re-hashed forgery still breaks the link to the next row', async () => {
    const s = await chain(h)
    const { auditHash } = await import('./hash.js')
    const row = await s.db.selectFrom('audit_log').selectAll().where('id', '=', 2).executeTakeFirstOrThrow()
    const forged = { ...row, after_json: '{"forged":true}' }
    await sql`update audit_log set after_json = ${forged.after_json}, hash = ${auditHash(row.prev_hash, forged)} where id = 2`.execute(
      s.db,
    )
    const r = await verifyAuditChain(s.db)
    expect(r.ok).toBe(false)
    expect(r.problems).toContainEqual({ id: 3, reason: 'link_broken' })
  })

  it('a deleted middle row is a missing_row at its id', async () => {
    const s = await chain(h)
    await sql`delete from audit_log where id = 4`.execute(s.db)
    const r = await verifyAuditChain(s.db)
    expect(r.ok).toBe(false)
    expect(r.problems).toContainEqual({ id: 4, reason: 'missing_row' })
    expect(r.problems.filter((p) => p.reason === 'hash_mismatch')).toEqual([])
  })

  it('a deleted last row is a head_mismatch', async () => {
    const s = await chain(h)
    const last = await lastId(s)
    await sql`delete from audit_log where id = ${last}`.execute(s.db)
    const r = await verifyAuditChain(s.db)
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual([{ id: last, reason: 'head_mismatch' }])
    // Appending after the tampering does not hide it.
    await makeChanges(s, 1)
    expect((await verifyAuditChain(s.db)).ok).toBe(false)
  })

  it('the API reports a broken chain to admins and auditors', async () => {
    const admin = await h.admin()
    const last = await lastId(h.services)
    const row = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '=', last)
      .executeTakeFirstOrThrow()
    await sql`update audit_log set before_json = ${'{"x":1}'} where id = ${last}`.execute(h.db)
    try {
      const res = await admin.get('/api/audit/verify')
      expect(res.json()).toMatchObject({ ok: false, problems: [{ id: last, reason: 'hash_mismatch' }] })
    } finally {
      await sql`update audit_log set before_json = ${row.before_json} where id = ${last}`.execute(h.db)
    }
    expect((await admin.get('/api/audit/verify')).json().ok).toBe(true)
  })
})

describe('edu-ledger audit verify (CLI)', () => {
  const run = (dataDir: string) =>
    new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', path.join(root, 'server', 'cli.ts'), 'audit', 'verify'],
        {
          cwd: root,
          env: {
            ...process.env,
            DATABASE_URL: '',
            EDU_LEDGER_DATA_DIR: dataDir,
            EDU_LEDGER_LOG_LEVEL: 'silent',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      )
      let out = ''
      child.stdout.on('data', (d) => {
        out += String(d)
      })
      child.stderr.on('data', (d) => {
        out += String(d)
      })
      child.on('error', reject)
      child.on('exit', (code) => resolve({ code, out }))
    })

  it('exits 0 on an intact chain and 1 after tampering', async () => {
    const fresh = await createFreshDatabase('sqlite')
    try {
      const rt = await openTestRuntime(fresh, new TestClock(), { startJobs: false })
      await bootstrapTest(rt.services, 'none')
      await makeChanges(rt.services, 3)
      const rows = (await rt.services.db.selectFrom('audit_log').select('id').execute()).length
      await rt.close()

      const ok = await run(fresh.dir)
      expect(ok.out).toContain(`audit chain ok: ${rows} rows`)
      expect(ok.code).toBe(0)

      const again = await openTestRuntime(fresh, new TestClock(), { startJobs: false })
      await sql`update audit_log set after_json = ${'{"tampered":true}'} where id = 2`.execute(
        again.services.db,
      )
      await again.close()
      const broken = await run(fresh.dir)
      expect(broken.out).toContain('row 2: hash_mismatch')
      expect(broken.code).toBe(1)
    } finally {
      await fresh.drop()
    }
  }, 30_000)
})
