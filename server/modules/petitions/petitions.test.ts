/**
 * The petition ledger through its API, on the city demo: registration, the statutory stages with
 * their deadlines on the real 2026 calendar, refusals, scope and accusation visibility, masking
 * and the audited full view. The clock is fixed at 2026-11-27 10:00 in Shanghai.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, errorOf, forEachDatabase, type Harness } from '../../../tests/harness.js'
import type { CaseDetail } from './schema.js'

async function taxonomy(c: Client) {
  const r = await c.get('/api/petitions/categories')
  const items = r.json().items as { id: number; parentId: number | null; name: string }[]
  const cat = items.find((i) => i.name === '教师待遇类')
  const dem = items.find((i) => i.name === '工资待遇落实')
  if (!cat || !dem) throw new Error('taxonomy not seeded')
  return { categoryId: cat.id, demandId: dem.id }
}

function registration(
  h: Harness,
  units: { county: number; school?: number },
  tax: { categoryId: number; demandId: number },
  extra: Record<string, unknown> = {},
) {
  void h
  return {
    receivedOn: '2026-09-17',
    channel: 'letter',
    kind: 'claim',
    petitioners: [
      { name: '王小明', idNumber: '210102198503151235', phone: '139-1234-5678', address: '和平区南京街1号' },
    ],
    ...tax,
    summary: '反映民办幼儿园教师工资待遇长期拖欠问题',
    orgUnitId: units.school ?? units.county,
    level: 'county',
    responsibleUnitId: units.county,
    responsibleLeader: '张副局长',
    ...extra,
  }
}

forEachDatabase(
  'petition ledger',
  (h) => {
    let office: Client
    let heping: number
    let shenhe: number
    let tax: { categoryId: number; demandId: number }
    beforeAll(async () => {
      office = await h.loginAs('dept_gaojiao')
      heping = (await h.unitByName('和平区')).id
      shenhe = (await h.unitByName('沈河区')).id
      tax = await taxonomy(office)
    })
    const act = async (c: Client, d: CaseDetail, body: Record<string, unknown>) =>
      c.post(`/api/petitions/cases/${d.id}/actions`, { version: d.version, ...body })

    it('registers a case: masked petitioner, the 15-day notice deadline moved past National Day', async () => {
      const r = await office.post('/api/petitions/cases', registration(h, { county: heping }, tax))
      expect(r.statusCode, r.body).toBe(201)
      const d = r.json() as CaseDetail
      expect(d.caseNo).toMatch(/^XF2026\d{5}$/)
      expect(d.status).toBe('registered')
      // 2026-09-17 + 15 days = 2026-10-02, inside the National Day holiday → next working day 10-08.
      expect(d.deadlines.noticeDue).toBe('2026-10-08')
      expect(d.due).toBe('2026-10-08')
      expect(d.dueState).toBe('overdue')
      expect(d.petitioner).toBe('王**')
      expect(d.people[0]).toMatchObject({
        name: '王**',
        idNumber: '210102********1235',
        phone: '139****5678',
      })
      expect(d.peopleMasked).toBe(true)
      expect(r.body).not.toContain('王小明')
      expect(r.body).not.toContain('198503151235')
      expect(d.events.map((e) => e.action)).toEqual(['register'])
    })

    it('numbers cases XF<year><serial> without collisions, even registered at once', async () => {
      const made = await Promise.all(
        Array.from({ length: 6 }, () =>
          office.post('/api/petitions/cases', registration(h, { county: heping }, tax)),
        ),
      )
      const numbers = made.map((r) => (r.json() as CaseDetail).caseNo)
      expect(made.every((r) => r.statusCode === 201)).toBe(true)
      expect(new Set(numbers).size).toBe(6)
      for (const n of numbers) expect(n).toMatch(/^XF2026\d{5}$/)
    })

    it('stores personal data encrypted: the database never holds the name or the number in clear', async () => {
      const rows = await h.db.selectFrom('petition_people').selectAll().execute()
      const text = JSON.stringify(rows)
      expect(text).not.toContain('王小明')
      expect(text).not.toContain('210102198503151235')
      expect(text).not.toContain('13912345678')
      expect(rows.some((p) => p.name_enc?.startsWith('v1:'))).toBe(true)
    })

    it('walks the statutory stages: accept, extend, reply, follow-up visit, review', async () => {
      let d = (
        await office.post('/api/petitions/cases', registration(h, { county: heping }, tax))
      ).json() as CaseDetail
      let r = await act(office, d, { action: 'accept', on: '2026-09-30' })
      expect(r.statusCode, r.body).toBe(200)
      d = r.json()
      expect(d.status).toBe('handling')
      // 09-30 + 60 = 11-29, a Sunday → 11-30.
      expect(d.deadlines.handlingDue).toBe('2026-11-30')
      expect(d.due).toBe('2026-11-30')
      expect(d.dueState).toBe('due_soon')

      r = await act(office, d, {
        action: 'extend',
        on: '2026-11-20',
        extensionDays: 30,
        approvedBy: '王局长',
        note: '涉及多部门协调',
      })
      expect(r.statusCode, r.body).toBe(200)
      d = r.json()
      expect(d.status).toBe('extended')
      // The extension runs on from the unextended end: 11-29 + 30 = 12-29 (a Tuesday).
      expect(d.deadlines.handlingDue).toBe('2026-12-29')

      // No more than 30 days in all.
      r = await act(office, d, { action: 'extend', on: '2026-11-21', extensionDays: 1, note: '再延' })
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).code).toBe('extension_too_long')

      r = await act(office, d, { action: 'reply', on: '2026-11-26', outcome: 'explained' })
      expect(r.statusCode, r.body).toBe(200)
      d = r.json()
      expect(d).toMatchObject({
        status: 'replied',
        closedOn: '2026-11-26',
        outcome: 'explained',
        dueState: 'none',
      })
      expect(d.deadlines.reviewRequestDue).toBe('2026-12-28')

      r = await act(office, d, { action: 'visit', on: '2026-11-27', satisfaction: 'basic' })
      d = r.json()
      expect(d.satisfaction).toBe('basic')
      r = await act(office, d, { action: 'request_review', on: '2026-11-27' })
      d = r.json()
      expect(d.status).toBe('review')
      expect(d.deadlines.reviewDue).toBe('2026-12-28')
      expect(d.events.map((e) => e.action)).toEqual([
        'register',
        'accept',
        'extend',
        'reply',
        'visit',
        'request_review',
      ])
    })

    it('refuses illegal transitions, future dates, missing reasons and stale versions', async () => {
      const d = (
        await office.post('/api/petitions/cases', registration(h, { county: heping }, tax))
      ).json() as CaseDetail
      const cases: [Record<string, unknown>, number, string][] = [
        [{ action: 'reply', on: '2026-11-01', outcome: 'supported' }, 400, 'illegal_transition'],
        [{ action: 'request_review', on: '2026-11-01' }, 400, 'illegal_transition'],
        [{ action: 'accept', on: '2026-12-01' }, 400, 'validation'],
        [{ action: 'accept', on: '2026-09-01' }, 400, 'date_before_previous'],
        [{ action: 'decline', on: '2026-10-01' }, 400, 'validation'],
      ]
      for (const [body, status, code] of cases) {
        const r = await act(office, d, body)
        expect(r.statusCode, JSON.stringify(body)).toBe(status)
        expect(errorOf(r).code).toBe(code)
      }
      const stale = await office.post(`/api/petitions/cases/${d.id}/actions`, {
        version: d.version + 5,
        action: 'accept',
        on: '2026-10-01',
      })
      expect(stale.statusCode).toBe(409)
      const after = (await office.get(`/api/petitions/cases/${d.id}`)).json() as CaseDetail
      expect(after.status).toBe('registered')
      expect(after.version).toBe(d.version)
    })

    it('refuses a review requested after its 30-day window', async () => {
      let d = (
        await office.post(
          '/api/petitions/cases',
          registration(h, { county: heping }, tax, { receivedOn: '2026-06-01' }),
        )
      ).json() as CaseDetail
      d = (await act(office, d, { action: 'accept', on: '2026-06-05' })).json()
      d = (await act(office, d, { action: 'reply', on: '2026-07-01', outcome: 'not_supported' })).json()
      const r = await act(office, d, { action: 'request_review', on: '2026-08-20' })
      expect(r.statusCode).toBe(400)
      expect(errorOf(r)).toMatchObject({ code: 'late_review_request' })
      expect(errorOf(r).message).toContain('2026-07-31')
    })

    it('shows the full personal data only to roles allowed, and audits each full view', async () => {
      const d = (
        await office.post('/api/petitions/cases', registration(h, { county: heping }, tax))
      ).json() as CaseDetail
      const full = (await office.get(`/api/petitions/cases/${d.id}?full=true`)).json() as CaseDetail
      expect(full.peopleMasked).toBe(false)
      expect(full.people[0]).toMatchObject({
        name: '王小明',
        idNumber: '210102198503151235',
        phone: '13912345678',
        address: '和平区南京街1号',
      })
      const audit = await h.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'petition.reveal')
        .where('entity_id', '=', String(d.id))
        .execute()
      expect(audit).toHaveLength(1)
      expect(JSON.stringify(audit)).not.toContain('王小明')
      // The system administrator and the auditor read the case, masked, whatever they ask for.
      for (const c of [await h.admin(), await h.loginAs('auditor_demo')]) {
        const r = (await c.get(`/api/petitions/cases/${d.id}?full=true`)).json() as CaseDetail
        expect(r.peopleMasked).toBe(true)
        expect(r.canSeePersonal).toBe(false)
        expect(JSON.stringify(r)).not.toContain('王小明')
      }
      // The export is always masked.
      const x = await office.get('/api/petitions/cases/export.xlsx')
      expect(x.statusCode).toBe(200)
      expect(x.rawPayload.toString('latin1')).not.toContain('13912345678')
    })

    describe('scope', () => {
      it('a county user never sees another county’s case: not in the list, 404 by id, no figures', async () => {
        const other = (
          await office.post(
            '/api/petitions/cases',
            registration(h, { county: shenhe }, tax, { summary: '沈河区专属的诉求内容' }),
          )
        ).json() as CaseDetail
        const county = await h.loginAs('county_heping')
        const list = await county.get('/api/petitions/cases?pageSize=200&q=沈河区专属')
        expect(list.json().total).toBe(0)
        for (const url of [
          `/api/petitions/cases/${other.id}`,
          `/api/petitions/cases/${other.id}?full=true`,
        ]) {
          const r = await county.get(url)
          expect(r.statusCode).toBe(404)
          expect(r.body).not.toContain(other.caseNo)
        }
        const r = await county.post(`/api/petitions/cases/${other.id}/actions`, {
          version: other.version,
          action: 'accept',
          on: '2026-10-01',
        })
        expect(r.statusCode).toBe(404)
        const mine = await county.get('/api/petitions/cases?pageSize=200')
        for (const c of mine.json().items as { county: string | null }[]) expect(c.county).toBe('和平区')
        const figures = (await county.get('/api/petitions/figures')).json()
        expect(figures.byCounty.map((c: { label: string }) => c.label)).not.toContain('沈河区')
      })

      it('an accusation is hidden from the unit it accuses, visible above it', async () => {
        const school = await h.db
          .selectFrom('users')
          .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
          .select(['org_units.id', 'org_units.parent_id'])
          .where('username', '=', 'school_demo')
          .executeTakeFirstOrThrow()
        const countyId = school.parent_id as number
        const base = registration(h, { county: countyId, school: school.id }, tax, {
          kind: 'accusation',
          level: 'school',
          responsibleUnitId: school.id,
          summary: '检举该校违规收费',
        })
        const d = (await office.post('/api/petitions/cases', base)).json() as CaseDetail
        expect(d.accusedUnitId).toBe(school.id)
        const accused = await h.loginAs('school_demo')
        expect((await accused.get(`/api/petitions/cases/${d.id}`)).statusCode).toBe(404)
        expect((await accused.get('/api/petitions/cases?q=检举该校')).json().total).toBe(0)
        // The county above the school sees it, so does the city office.
        const county = await h.loginAs('county_heping')
        expect((await county.get(`/api/petitions/cases/${d.id}`)).statusCode).toBe(200)
      })
    })

    it('refuses an accusation against the registrar’s own unit (it would vanish for him)', async () => {
      const city = (await h.unitByName('示例市')).id
      const r = await office.post(
        '/api/petitions/cases',
        registration(h, { county: city }, tax, { kind: 'accusation', level: 'city' }),
      )
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields).toEqual([expect.objectContaining({ field: 'orgUnitId' })])
      expect(errorOf(r).fields?.[0]?.message).toContain('纪检')
    })

    it('recomputes open deadlines when an admin corrects the calendar', async () => {
      const d = (
        await office.post(
          '/api/petitions/cases',
          registration(h, { county: heping }, tax, { receivedOn: '2026-11-20' }),
        )
      ).json() as CaseDetail
      expect(d.deadlines.noticeDue).toBe('2026-12-07') // 11-20 + 15 = 12-05, a Saturday → Monday 12-07
      const admin = await h.admin()
      const r = await admin.post('/api/calendar/overrides', {
        date: '2026-12-07',
        kind: 'holiday',
        name: '测试调休',
      })
      expect(r.statusCode, r.body).toBe(200)
      const after = (await office.get(`/api/petitions/cases/${d.id}`)).json() as CaseDetail
      expect(after.due).toBe('2026-12-08')
      expect(after.events.map((e) => e.action)).toContain('deadline_recomputed')
      const override = (r.json().days as { date: string; overrideId: number | null }[]).find(
        (x) => x.date === '2026-12-07',
      )
      await admin.post(`/api/calendar/overrides/${override?.overrideId}/void`, { reason: '撤销测试' })
      expect(((await office.get(`/api/petitions/cases/${d.id}`)).json() as CaseDetail).due).toBe('2026-12-07')
    })

    it('suggests earlier cases of the same person as repeats', async () => {
      const r = await office.get(
        '/api/petitions/similar?idNumber=210102198503151235&summary=教师工资待遇拖欠',
      )
      expect(r.statusCode, r.body).toBe(200)
      const items = r.json().items as { samePerson: boolean }[]
      expect(items.length).toBeGreaterThan(0)
      expect(items.every((i) => i.samePerson)).toBe(true)
      const none = await office.get('/api/petitions/similar?idNumber=110101199003070011')
      expect(none.json().items).toEqual([])
    })

    it('voids a case with a reason; it leaves the figures and stays readable', async () => {
      const d = (
        await office.post('/api/petitions/cases', registration(h, { county: heping }, tax))
      ).json() as CaseDetail
      const before = (await office.get('/api/petitions/figures')).json()
      const r = await office.post(`/api/petitions/cases/${d.id}/void`, {
        version: d.version,
        reason: '重复登记',
      })
      expect(r.statusCode, r.body).toBe(200)
      expect(r.json()).toMatchObject({ voided: true, allowedActions: [] })
      const after = (await office.get('/api/petitions/figures')).json()
      expect(after.cases).toBe(before.cases - 1)
    })

    it('rejects bad input field by field, in the user’s language', async () => {
      const bad = registration(h, { county: heping }, tax, {
        receivedOn: '2026-12-30',
        petitioners: [{ name: '李四', idNumber: '210102198503151234' }],
      })
      const r = await office.post('/api/petitions/cases', bad)
      expect(r.statusCode).toBe(400)
      const fields = errorOf(r).fields?.map((f) => f.field)
      expect(fields).toEqual(['receivedOn', 'petitioners.0.idNumber'])
      const en = await office.post(
        '/api/petitions/cases',
        { ...bad, demandId: tax.categoryId },
        { 'accept-language': 'en', 'x-lang': 'en' },
      )
      expect(en.statusCode).toBe(400)
    })
  },
  { demo: 'city' },
)
