import { expect, it } from 'vitest'
import { countRows, errorOf, forEachDatabase, type Harness } from '../../../tests/harness.js'
import type { OrgUnit } from './schema.js'

type Page = { items: OrgUnit[]; total: number }

async function auditOf(h: Harness, id: number) {
  const rows = await h.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', 'org_unit')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    action: r.action,
    actor: r.actor_name,
    before: r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : null,
    after: r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null,
  }))
}

const dbUnit = (h: Harness, id: number) =>
  h.db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

forEachDatabase(
  'org units',
  (h) => {
    it('creates a school under a county: 201, stored with its path, audited with the new state', async () => {
      const admin = await h.admin()
      const county = await h.buildCounty()
      const res = await admin.post('/api/org-units', {
        parentId: county.id,
        kind: 'school',
        name: '测试区实验小学',
        code: '2101029001',
        stage: 'primary',
        ownership: 'public',
        rural: true,
        tags: ['乡村'],
      })
      expect(res.statusCode).toBe(201)
      const unit = res.json() as OrgUnit
      expect(unit).toMatchObject({
        parentId: county.id,
        kind: 'school',
        code: '2101029001',
        version: 1,
        rural: true,
        tags: ['乡村'],
      })
      expect(unit.shortName).toBeTruthy()
      const row = await dbUnit(h, unit.id)
      expect(row).toMatchObject({
        parent_id: county.id,
        path: `${county.path}${unit.id}/`,
        depth: county.depth + 1,
        rural: 1,
        voided_at: null,
      })
      expect(await auditOf(h, unit.id)).toEqual([
        {
          action: 'org.create',
          actor: 'admin',
          before: null,
          after: expect.objectContaining({ id: unit.id, name: '测试区实验小学' }),
        },
      ])
    })

    it('refuses invalid units with 400 on the field, writing nothing', async () => {
      const admin = await h.admin()
      const city = await h.unitByName('示例市')
      const county = await h.buildCounty()
      const root = await h.root()
      const cases: [Record<string, unknown>, string, string][] = [
        [{ parentId: city.id, kind: 'county', name: '五位区', code: '21010' }, 'code', 'org_code_region'],
        [{ parentId: city.id, kind: 'county', name: '字母区', code: '21ab01' }, 'code', 'org_code_region'],
        [{ parentId: root.id, kind: 'city', name: '错级市', code: '210181' }, 'code', 'org_code_region'],
        [
          { parentId: city.id, kind: 'county', name: '外省区', code: '220102' },
          'code',
          'org_code_region_parent',
        ],
        [{ parentId: county.id, kind: 'school', name: '短码小学', code: '12345' }, 'code', 'org_code_school'],
        [
          { parentId: county.id, kind: 'school', name: '长码小学', code: '12345678901' },
          'code',
          'org_code_school',
        ],
        [{ parentId: root.id, kind: 'school', name: '省直小学' }, 'parentId', 'org_parent_kind'],
        [{ parentId: county.id, kind: 'city', name: '县下市' }, 'parentId', 'org_parent_kind'],
        [{ parentId: city.id, kind: 'province', name: '第二个省' }, 'parentId', 'org_parent_kind'],
        [
          { parentId: city.id, kind: 'county', name: '带学段区', stage: 'primary' },
          'stage',
          'org_stage_only_school',
        ],
        [{ parentId: 999_999, kind: 'school', name: '无上级小学' }, 'parentId', 'not_found'],
      ]
      const before = await countRows(h.db, 'org_units')
      for (const [body, field] of cases) {
        const res = await admin.post('/api/org-units', body)
        expect(res.statusCode, JSON.stringify(body)).toBe(400)
        const err = errorOf(res)
        expect(err.code).toBe('validation')
        expect(err.fields?.map((f) => f.field)).toContain(field)
      }
      // Messages name the problem in the user's language.
      const en = await admin.post('/api/org-units', cases[4]?.[0], { 'x-lang': 'en' })
      expect(errorOf(en).fields?.[0]?.message).toBe('A school code is 10 digits')
      const zh = await admin.post('/api/org-units', cases[6]?.[0])
      expect(errorOf(zh).fields?.[0]?.message).toBe('“学校”不能放在“省”之下')
      // Schema errors: unknown fields, wrong types, blank names.
      for (const body of [
        { parentId: county.id, kind: 'school', name: '多字段', color: 'red' },
        { parentId: String(county.id), kind: 'school', name: '字符串上级' },
        { parentId: county.id, kind: 'school', name: '   ' },
        { parentId: county.id, kind: 'castle', name: '城堡' },
      ]) {
        const res = await admin.post('/api/org-units', body)
        expect(res.statusCode, JSON.stringify(body)).toBe(400)
        expect(errorOf(res).fields?.length).toBeGreaterThan(0)
      }
      expect(await countRows(h.db, 'org_units')).toBe(before)
    })

    it('refuses a duplicate code with 409 on the field code, naming the unit that has it', async () => {
      const admin = await h.admin()
      const county = await h.buildCounty()
      const first = await h.buildSchool({ countyId: county.id })
      const before = await countRows(h.db, 'org_units')
      const dup = await admin.post('/api/org-units', {
        parentId: county.id,
        kind: 'school',
        name: '重码小学',
        code: first.code,
      })
      expect(dup.statusCode).toBe(409)
      expect(errorOf(dup).fields).toEqual([
        { field: 'code', message: `代码 ${first.code} 已被“${first.name}”使用` },
      ])
      expect(await countRows(h.db, 'org_units')).toBe(before)
      // Editing another unit onto the code is refused the same way.
      const other = await h.buildSchool({ countyId: county.id })
      const edit = await admin.patch(`/api/org-units/${other.id}`, {
        version: other.version,
        code: first.code,
      })
      expect(edit.statusCode).toBe(409)
      expect(errorOf(edit).fields?.[0]?.field).toBe('code')
      expect((await dbUnit(h, other.id)).code).toBe(other.code)
      // A voided unit's code is free again.
      const v = await admin.post(`/api/org-units/${first.id}/void`, {
        version: first.version,
        reason: '撤并',
      })
      expect(v.statusCode).toBe(200)
      const reuse = await admin.post('/api/org-units', {
        parentId: county.id,
        kind: 'school',
        name: '接替小学',
        code: first.code,
      })
      expect(reuse.statusCode).toBe(201)
    })

    it('edits a unit: version goes up, before and after are audited', async () => {
      const admin = await h.admin()
      const school = await h.buildSchool({ name: '旧名小学' })
      const res = await admin.patch(`/api/org-units/${school.id}`, {
        version: 1,
        name: '新名小学',
        tags: ['示范'],
        inclusive: true,
      })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({
        id: school.id,
        name: '新名小学',
        version: 2,
        tags: ['示范'],
        inclusive: true,
      })
      expect(await dbUnit(h, school.id)).toMatchObject({ name: '新名小学', version: 2, inclusive: 1 })
      const audit = await auditOf(h, school.id)
      expect(audit.at(-1)).toMatchObject({
        action: 'org.update',
        actor: 'admin',
        before: { name: '旧名小学', version: 1 },
        after: { name: '新名小学', version: 2 },
      })
      // A bad code on edit is a 400 and nothing changes.
      const bad = await admin.patch(`/api/org-units/${school.id}`, { version: 2, code: '99' })
      expect(bad.statusCode).toBe(400)
      expect(errorOf(bad).fields?.[0]?.field).toBe('code')
      expect((await dbUnit(h, school.id)).version).toBe(2)
    })

    it('a stale version gets 409 with the current version, and nothing changes', async () => {
      const admin = await h.admin()
      const school = await h.buildSchool()
      expect(
        (await admin.patch(`/api/org-units/${school.id}`, { version: 1, name: '第一次改名' })).statusCode,
      ).toBe(200)
      const auditBefore = (await auditOf(h, school.id)).length
      for (const [url, body] of [
        [`/api/org-units/${school.id}`, { version: 1, name: '第二次改名' }],
        [`/api/org-units/${school.id}/move`, { version: 1, parentId: school.parentId }],
        [`/api/org-units/${school.id}/void`, { version: 1, reason: '过期' }],
      ] as const) {
        const res = url.endsWith(`${school.id}`) ? await admin.patch(url, body) : await admin.post(url, body)
        expect(res.statusCode, url).toBe(409)
        expect(errorOf(res)).toMatchObject({ code: 'conflict_version', currentVersion: 2 })
        expect(errorOf(res).message).toContain('2')
      }
      expect(await dbUnit(h, school.id)).toMatchObject({ name: '第一次改名', version: 2, voided_at: null })
      expect(await auditOf(h, school.id)).toHaveLength(auditBefore)
    })

    it('moves a subtree: paths and depths of every descendant are rewritten, and the move is audited', async () => {
      const admin = await h.admin()
      const cityA = await h.buildCity()
      const cityB = await h.buildCity()
      const county = await h.buildCounty({ parentId: cityA.id, code: null })
      const s1 = await h.buildSchool({ countyId: county.id })
      const s2 = await h.buildSchool({ countyId: county.id })
      const res = await admin.post(`/api/org-units/${county.id}/move`, {
        version: county.version,
        parentId: cityB.id,
      })
      expect(res.statusCode).toBe(200)
      const moved = res.json() as OrgUnit
      expect(moved).toMatchObject({
        parentId: cityB.id,
        path: `${cityB.path}${county.id}/`,
        depth: cityB.depth + 1,
        version: 2,
      })
      for (const s of [s1, s2]) {
        expect(await dbUnit(h, s.id)).toMatchObject({
          path: `${cityB.path}${county.id}/${s.id}/`,
          depth: cityB.depth + 2,
          parent_id: county.id,
        })
      }
      // Nothing is left under the old path.
      const stale = await h.db
        .selectFrom('org_units')
        .select('id')
        .where('path', 'like', `${cityA.path}${county.id}/%`)
        .execute()
      expect(stale).toEqual([])
      expect((await auditOf(h, county.id)).at(-1)).toEqual({
        action: 'org.move',
        actor: 'admin',
        before: { parentId: cityA.id, path: county.path },
        after: { parentId: cityB.id, path: moved.path },
      })
      // A school moves between counties.
      const other = await h.buildCounty({ parentId: cityB.id })
      const m2 = await admin.post(`/api/org-units/${s1.id}/move`, { version: s1.version, parentId: other.id })
      expect(m2.statusCode).toBe(200)
      expect((await dbUnit(h, s1.id)).path).toBe(`${other.path}${s1.id}/`)
    })

    it('refuses a move under its own subtree, under a voided unit, or against the kind rules', async () => {
      const admin = await h.admin()
      const city = await h.buildCity()
      const county = await h.buildCounty({ parentId: city.id, code: null })
      const school = await h.buildSchool({ countyId: county.id })
      const cycle = await admin.post(`/api/org-units/${city.id}/move`, {
        version: city.version,
        parentId: county.id,
      })
      expect(cycle.statusCode).toBe(400)
      expect(errorOf(cycle).fields).toEqual([{ field: 'parentId', message: '不能移动到自己的下级之下' }])
      const self = await admin.post(`/api/org-units/${county.id}/move`, {
        version: county.version,
        parentId: county.id,
      })
      expect(self.statusCode).toBe(400)
      const deep = await admin.post(`/api/org-units/${county.id}/move`, {
        version: county.version,
        parentId: school.id,
      })
      expect(deep.statusCode).toBe(400)
      const kind = await admin.post(`/api/org-units/${school.id}/move`, {
        version: school.version,
        parentId: (await h.root()).id,
      })
      expect(kind.statusCode).toBe(400)
      expect(errorOf(kind).fields?.[0]?.field).toBe('parentId')
      const gone = await h.buildCounty({ parentId: city.id })
      const voided = await admin.post(`/api/org-units/${gone.id}/void`, { version: 1, reason: '撤销' })
      expect(voided.statusCode).toBe(200)
      const intoVoid = await admin.post(`/api/org-units/${school.id}/move`, {
        version: school.version,
        parentId: gone.id,
      })
      expect(intoVoid.statusCode).toBe(400)
      expect(await dbUnit(h, school.id)).toMatchObject({ parent_id: county.id, version: 1 })
      expect(await dbUnit(h, city.id)).toMatchObject({ version: 1 })
    })

    it('voids a unit with a reason; refused while live sub-units or users depend on it', async () => {
      const admin = await h.admin()
      const county = await h.buildCounty()
      const school = await h.buildSchool({ countyId: county.id })
      const user = await h.buildUser({ role: 'school', orgUnitId: school.id })

      const withChildren = await admin.post(`/api/org-units/${county.id}/void`, {
        version: 1,
        reason: '撤并',
      })
      expect(withChildren.statusCode).toBe(409)
      expect(errorOf(withChildren)).toMatchObject({
        code: 'org_has_children',
        message: '该单位下还有 1 个未作废的下级单位，请先处理',
      })
      const withUsers = await admin.post(`/api/org-units/${school.id}/void`, { version: 1, reason: '撤并' })
      expect(withUsers.statusCode).toBe(409)
      expect(errorOf(withUsers).code).toBe('org_has_users')
      expect((await dbUnit(h, school.id)).voided_at).toBeNull()

      expect(
        (await admin.post(`/api/users/${user.id}/void`, { version: user.version, reason: '调离' }))
          .statusCode,
      ).toBe(200)
      const ok = await admin.post(`/api/org-units/${school.id}/void`, { version: 1, reason: '撤并到中心校' })
      expect(ok.statusCode).toBe(200)
      expect(ok.json()).toMatchObject({
        voidReason: '撤并到中心校',
        voidedAt: h.clock.now().toISOString(),
        version: 2,
      })
      expect(await dbUnit(h, school.id)).toMatchObject({ void_reason: '撤并到中心校', version: 2 })
      expect((await auditOf(h, school.id)).at(-1)).toMatchObject({
        action: 'org.void',
        before: { voidedAt: null },
        after: { voidReason: '撤并到中心校' },
      })
      // Gone from lists by default, back with includeVoided; the county may now be voided.
      const live = (await admin.get(`/api/org-units?parentId=${county.id}`)).json() as Page
      expect(live.total).toBe(0)
      const all = (await admin.get(`/api/org-units?parentId=${county.id}&includeVoided=true`)).json() as Page
      expect(all.items.map((u) => u.id)).toEqual([school.id])
      expect(
        (await admin.post(`/api/org-units/${county.id}/void`, { version: 1, reason: '撤并' })).statusCode,
      ).toBe(200)
      // A blank reason is refused.
      const other = await h.buildSchool()
      expect(
        (await admin.post(`/api/org-units/${other.id}/void`, { version: 1, reason: '  ' })).statusCode,
      ).toBe(400)
    })

    it('lists with q, kind, parentId and paging, counting the whole match', async () => {
      const admin = await h.admin()
      const city = await h.unitByName('示例市')
      const counties = (
        await admin.get(`/api/org-units?kind=county&parentId=${city.id}&pageSize=100`)
      ).json() as Page
      expect(counties.total).toBe(10)
      expect(counties.items.map((u) => u.name)).toContain('和平区')
      expect(counties.items.every((u) => u.kind === 'county' && u.parentId === city.id)).toBe(true)

      const heping = await h.unitByName('和平区')
      const inHeping = await h.db
        .selectFrom('org_units')
        .select('id')
        .where('parent_id', '=', heping.id)
        .where('voided_at', 'is', null)
        .execute()
      const p1 = (await admin.get(`/api/org-units?parentId=${heping.id}&pageSize=10&page=1`)).json() as Page
      const p2 = (await admin.get(`/api/org-units?parentId=${heping.id}&pageSize=10&page=2`)).json() as Page
      expect(p1.total).toBe(inHeping.length)
      expect(p2.total).toBe(inHeping.length)
      expect(p1.items).toHaveLength(10)
      expect(p2.items).toHaveLength(Math.min(10, inHeping.length - 10))
      expect(p1.items.map((u) => u.id).filter((id) => p2.items.some((x) => x.id === id))).toEqual([])

      const q = (
        await admin.get(`/api/org-units?q=${encodeURIComponent('和平区')}&pageSize=500`)
      ).json() as Page
      expect(q.total).toBeGreaterThan(1)
      for (const u of q.items) expect(`${u.name}|${u.shortName}|${u.code ?? ''}`).toContain('和平')
      const byCode = (await admin.get(`/api/org-units?q=${heping.code}`)).json() as Page
      expect(byCode.items.map((u) => u.id)).toContain(heping.id)
      // LIKE wildcards in q are literal.
      const wild = (await admin.get(`/api/org-units?q=${encodeURIComponent('%')}`)).json() as Page
      expect(wild.total).toBe(0)
      const none = (await admin.get('/api/org-units?q=no-such-unit-anywhere')).json() as Page
      expect(none).toEqual({ items: [], total: 0 })
      // Paging past the end is empty, not an error; bad paging is a 400.
      expect(((await admin.get('/api/org-units?page=99999')).json() as Page).items).toEqual([])
      expect((await admin.get('/api/org-units?pageSize=0')).statusCode).toBe(400)
      expect((await admin.get('/api/org-units?pageSize=501')).statusCode).toBe(400)
      expect((await admin.get('/api/org-units?kind=castle')).statusCode).toBe(400)
    })

    it('gives each user the tree of their own scope only', async () => {
      const county = await h.loginAs('county_heping')
      const heping = await h.unitByName('和平区')
      const tree = (await county.get('/api/org-units/tree')).json() as { items: OrgUnit[] }
      const expected = await h.db
        .selectFrom('org_units')
        .select('id')
        .where('path', 'like', `${heping.path}%`)
        .where('voided_at', 'is', null)
        .execute()
      expect(tree.items.length).toBe(expected.length)
      expect(tree.items.length).toBeGreaterThan(40)
      expect(tree.items.every((u) => u.path.startsWith(heping.path))).toBe(true)
      expect(tree.items[0]?.id).toBe(heping.id)

      const leader = await h.loginAs('leader')
      const city = await h.unitByName('示例市')
      const cityTree = (await leader.get('/api/org-units/tree')).json() as { items: OrgUnit[] }
      expect(cityTree.items[0]?.id).toBe(city.id)
      expect(cityTree.items.some((u) => u.kind === 'province')).toBe(false)
      expect(cityTree.items.filter((u) => u.kind === 'county').length).toBe(10)

      const admin = await h.admin()
      const all = (await admin.get('/api/org-units/tree')).json() as { items: OrgUnit[] }
      const live = await h.db.selectFrom('org_units').select('id').where('voided_at', 'is', null).execute()
      expect(all.items.length).toBe(live.length)
      // Parents come before their children.
      const seen = new Set<number>()
      for (const u of all.items) {
        if (u.parentId !== null) expect(seen.has(u.parentId)).toBe(true)
        seen.add(u.id)
      }
    })
  },
  { demo: 'city' },
)
