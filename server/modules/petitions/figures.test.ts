/**
 * The petition figures on a handful of cases whose every figure is worked out by hand below, in a
 * county of their own (its bureau sees only them). The clock is 2026-11-27; the calendar is 2026's.
 */
import { beforeAll, expect, it } from 'vitest'
import { type Client, forEachDatabase } from '../../../tests/harness.js'
import type { CaseDetail, FiguresView } from './schema.js'

forEachDatabase(
  'petition figures',
  (h) => {
    let clerk: Client
    let countyId: number
    let cat: { id: number; name: string }
    let dem: { id: number }
    const ids: Record<string, number> = {}

    async function register(key: string, receivedOn: string, extra: Record<string, unknown> = {}) {
      const r = await clerk.post('/api/petitions/cases', {
        receivedOn,
        channel: 'letter',
        kind: 'claim',
        petitioners: [{ name: `张${key}`, phone: '13800001111' }],
        categoryId: cat.id,
        demandId: dem.id,
        orgUnitId: countyId,
        level: 'county',
        responsibleUnitId: countyId,
        responsibleLeader: '李副局长',
        ...extra,
      })
      expect(r.statusCode, r.body).toBe(201)
      const d = r.json() as CaseDetail
      ids[key] = d.id
      return d
    }
    async function step(d: CaseDetail, body: Record<string, unknown>): Promise<CaseDetail> {
      const r = await clerk.post(`/api/petitions/cases/${d.id}/actions`, { version: d.version, ...body })
      expect(r.statusCode, r.body).toBe(200)
      return r.json() as CaseDetail
    }

    beforeAll(async () => {
      const county = await h.buildCounty()
      countyId = county.id
      const user = await h.buildUser({ role: 'county', orgUnitId: countyId })
      clerk = await h.loginAs(user.username, user.password)
      const items = (await clerk.get('/api/petitions/categories')).json().items as {
        id: number
        parentId: number | null
        name: string
      }[]
      // A category no resolution plan covers yet (the demo writes plans for the biggest ones).
      const planned = new Set(
        ((await clerk.get('/api/petitions/plans')).json().items as { categoryId: number }[]).map(
          (p) => p.categoryId,
        ),
      )
      const c = items.find((i) => i.parentId === null && !planned.has(i.id))
      const d = items.find((i) => i.parentId === c?.id)
      if (!c || !d) throw new Error('taxonomy')
      cat = c
      dem = d

      // A: notice on time (due 01-20), reply on time (due 03-11), satisfied.
      let a = await register('A', '2026-01-05')
      a = await step(a, { action: 'accept', on: '2026-01-10' })
      a = await step(a, { action: 'reply', on: '2026-02-20', outcome: 'supported' })
      await step(a, { action: 'visit', on: '2026-02-25', satisfaction: 'satisfied' })
      // B: 02-01 + 15 = 02-16, inside Spring Festival → due 02-24; accepted 03-01 (late);
      // handling due 03-01 + 60 = 04-30; replied 06-30 (late); not satisfied.
      let b = await register('B', '2026-02-01')
      b = await step(b, { action: 'accept', on: '2026-03-01' })
      b = await step(b, { action: 'reply', on: '2026-06-30', outcome: 'not_supported' })
      await step(b, { action: 'visit', on: '2026-07-02', satisfaction: 'unsatisfied' })
      // C: open since 05-01; notice due 05-16 (Saturday) → 05-18: overdue, and older than 180 days.
      await register('C', '2026-05-01')
      // D: the same matter as A again, linked: counted once (as a repeat), not as a new case.
      await register('D', '2026-03-01', { duplicateOf: ids.A })
      // E: closed long ago, for the retention rule.
      let e = await register('E', '2024-03-01')
      e = await step(e, { action: 'accept', on: '2024-03-05' })
      await step(e, { action: 'reply', on: '2024-04-01', outcome: 'explained' })
    })

    it('computes every figure as worked out by hand', async () => {
      const f = (await clerk.get('/api/petitions/figures?cutoff=2026-02-01')).json() as FiguresView
      expect(f).toMatchObject({
        cutoff: '2026-02-01',
        asOf: '2026-11-27',
        firstYear: 2024,
        cases: 4, // A B C E (D is a linked repeat)
        categoriesUsed: 1,
        demandsUsed: 1,
        stockAtCutoff: 1, // A: received before the cut-off, still open on it
        stockResolved: 1,
        stockResolvedRate: 1,
        newReceived: 2, // B C
        newResolved: 1, // B
        openNow: 1, // C
        backlog: 1, // C, open since 05-01 (> 180 days)
        overdue: 1, // C
        onTimeNoticeRate: 0.6667, // A, E on time; B late
        onTimeHandlingRate: 0.6667, // A, E on time; B late
        satisfaction: { satisfied: 1, basic: 0, unsatisfied: 1, rate: 0.5 },
        repeatCases: 1,
      })
      expect(f.byCounty).toHaveLength(1)
      expect(f.byCounty[0]).toMatchObject({ value: 4, open: 1, overdue: 1 })
      expect(f.categoriesWithoutPlan).toEqual([cat.name])
      const months = Object.fromEntries(f.byMonth.map((m) => [m.month, m]))
      expect(months['2026-02']).toMatchObject({ received: 1, resolved: 1 })
      expect(months['2026-06']).toMatchObject({ received: 0, resolved: 1 })
    })

    it('the same figures as of an earlier day', async () => {
      const f = (
        await clerk.get('/api/petitions/figures?cutoff=2026-02-01&asOf=2026-04-30')
      ).json() as FiguresView
      // On 04-30: B not yet replied, C not yet received.
      expect(f).toMatchObject({ cases: 3, newReceived: 1, newResolved: 0, openNow: 1 })
    })

    it('a resolution plan for the category clears the warning (once the office has written one)', async () => {
      const office = await h.loginAs('dept_gaojiao')
      const r = await office.post('/api/petitions/plans', {
        categoryId: cat.id,
        title: '积案化解方案',
        owner: '人事处',
        measures: '逐案复核',
      })
      expect(r.statusCode, r.body).toBe(201)
      expect(r.json().openCases).toBeGreaterThanOrEqual(1)
      const f = (await clerk.get('/api/petitions/figures?cutoff=2026-02-01')).json() as FiguresView
      expect(f.categoriesWithoutPlan).toEqual([])
      expect(f.byCategory[0]?.hasPlan).toBe(true)
    })

    it('a special campaign tags cases and boards them by unit and leader', async () => {
      const office = await h.loginAs('dept_gaojiao')
      const c = (
        await office.post('/api/petitions/campaigns', {
          name: '积案化解攻坚',
          cutoffOn: '2026-02-01',
          goal: '减存控增',
        })
      ).json()
      const tag = await clerk.post(`/api/petitions/campaigns/${c.id}/cases`, { caseIds: [ids.C, ids.B] })
      expect(tag.json()).toEqual({ tagged: 2 })
      const board = (await clerk.get(`/api/petitions/campaigns/${c.id}/board`)).json()
      expect(board.byUnit).toEqual([expect.objectContaining({ total: 2, open: 1, overdue: 1 })])
      expect(board.byLeader).toEqual([{ key: '李副局长', label: '李副局长', total: 2, open: 1, overdue: 1 }])
      const tagged = (await clerk.get(`/api/petitions/cases?campaignId=${c.id}`)).json()
      expect(tagged.total).toBe(2)
      // The campaign's own cut-off drives the figures when it is chosen.
      const f = (await clerk.get(`/api/petitions/figures?campaignId=${c.id}`)).json() as FiguresView
      expect(f.cutoff).toBe('2026-02-01')
    })

    it('erases the personal data of cases closed longer ago than the retention period, keeping the figures', async () => {
      const office = await h.loginAs('dept_gaojiao')
      const before = (await clerk.get('/api/petitions/figures?cutoff=2026-02-01')).json()
      expect((await office.patch('/api/petitions/settings', { retentionYears: 2 })).statusCode).toBe(200)
      const r = await office.post('/api/petitions/retention/run')
      expect(r.json()).toMatchObject({ closedBefore: '2024-11-27' })
      expect(r.json().erased).toBeGreaterThanOrEqual(1)
      const e = (await clerk.get(`/api/petitions/cases/${ids.E}?full=true`)).json() as CaseDetail
      expect(e.personalErased).toBe(true)
      expect(e.people[0]?.name).toBe('（已清除）')
      expect(e.people[0]?.phone).toBeNull()
      const people = await h.db
        .selectFrom('petition_people')
        .selectAll()
        .where('case_id', '=', ids.E as number)
        .execute()
      expect(people.every((p) => p.name_enc === null && p.phone_enc === null && p.phone_hash === null)).toBe(
        true,
      )
      // A, closed this year, keeps its data.
      const a = (await clerk.get(`/api/petitions/cases/${ids.A}?full=true`)).json() as CaseDetail
      expect(a.people[0]?.name).toBe('张A')
      const after = (await clerk.get('/api/petitions/figures?cutoff=2026-02-01')).json()
      expect(after).toEqual(before)
    })
  },
  { demo: 'city' },
)
