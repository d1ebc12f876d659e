import { expect, it } from 'vitest'
import { errorOf, forEachDatabase } from '../../tests/harness.js'
import { verifyAuditChain } from '../audit/verify.js'

forEachDatabase('optimistic concurrency', (h) => {
  it('20 concurrent PATCHes with the same version: exactly one 200, the rest 409, one audited update', async () => {
    const admin = await h.admin()
    const school = await h.buildSchool({ name: '并发小学' })
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        admin.patch(`/api/org-units/${school.id}`, { version: school.version, name: `并发小学${i}` }),
      ),
    )
    const codes = results.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 200)).toHaveLength(1)
    expect(codes.filter((c) => c === 409)).toHaveLength(19)
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(errorOf(r)).toMatchObject({ code: 'conflict_version', currentVersion: school.version + 1 })
    }
    const winner = results.find((r) => r.statusCode === 200)?.json() as { name: string; version: number }
    const row = await h.db
      .selectFrom('org_units')
      .selectAll()
      .where('id', '=', school.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ name: winner.name, version: school.version + 1 })
    const updates = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'org_unit')
      .where('entity_id', '=', String(school.id))
      .where('action', '=', 'org.update')
      .execute()
    expect(updates).toHaveLength(1)
    expect(JSON.parse(updates[0]?.after_json ?? '{}')).toMatchObject({ name: winner.name })
    expect((await verifyAuditChain(h.db)).ok).toBe(true)
  })

  it('concurrent moves and voids of one unit: one wins, the others get 409', async () => {
    const admin = await h.admin()
    const a = await h.buildCounty()
    const b = await h.buildCounty({ parentId: a.parentId ?? undefined })
    const school = await h.buildSchool({ countyId: a.id })
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () =>
        admin.post(`/api/org-units/${school.id}/move`, { version: 1, parentId: b.id }),
      ),
      ...Array.from({ length: 5 }, () =>
        admin.post(`/api/org-units/${school.id}/void`, { version: 1, reason: '并发' }),
      ),
    ])
    const codes = results.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 200)).toHaveLength(1)
    expect(codes.filter((c) => c === 409)).toHaveLength(9)
    const row = await h.db
      .selectFrom('org_units')
      .selectAll()
      .where('id', '=', school.id)
      .executeTakeFirstOrThrow()
    expect(row.version).toBe(2)
    const audited = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', String(school.id))
      .where('action', 'in', ['org.move', 'org.void'])
      .execute()
    expect(audited).toHaveLength(1)
  })

  it('concurrent creates with the same code: one 201, the others 409 on the field code', async () => {
    const admin = await h.admin()
    const county = await h.buildCounty()
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        admin.post('/api/org-units', {
          parentId: county.id,
          kind: 'school',
          name: `抢码${i}小学`,
          code: '2999999999',
        }),
      ),
    )
    const codes = results.map((r) => r.statusCode)
    expect(codes.filter((c) => c === 201)).toHaveLength(1)
    expect(codes.filter((c) => c === 409)).toHaveLength(7)
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(errorOf(r).fields?.map((f) => f.field)).toEqual(['code'])
    const live = await h.db
      .selectFrom('org_units')
      .select('id')
      .where('code', '=', '2999999999')
      .where('voided_at', 'is', null)
      .execute()
    expect(live).toHaveLength(1)
  })
})
