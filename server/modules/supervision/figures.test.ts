/**
 * The named figures on hand-worked numbers, the signed-in user's digest, and "what changed since".
 * The clock is fixed at 2026-11-27 10:00 in Shanghai unless a test moves it (sessions idle out
 * after 8 hours, so a test that jumps days signs in again).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, forEachDatabase, type Harness } from '../../../tests/harness.js'
import type { CampaignView, FiguresView, TaskDetail, TaskSummary } from './schema.js'

const at = (day: string) => `${day}T02:00:00.000Z`

async function campaign(c: Client, name: string, aspects: string[]): Promise<CampaignView> {
  const r = await c.post('/api/supervision/campaigns', {
    name,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    aspects: aspects.map((a) => ({ name: a })),
  })
  expect(r.statusCode, r.body).toBe(201)
  return r.json()
}

async function task(c: Client, camp: CampaignView, aspect: number, extra: Record<string, unknown>) {
  const r = await c.post('/api/supervision/tasks', {
    campaignId: camp.id,
    aspectId: camp.aspects[aspect]?.id,
    leadUnitId: c.user.orgUnitId,
    startsOn: '2026-03-01',
    ...extra,
  })
  expect(r.statusCode, r.body).toBe(201)
  return r.json() as TaskDetail
}

const act = async (c: Client, t: TaskDetail, action: string, extra: Record<string, unknown> = {}) => {
  const r = await c.post(`/api/supervision/tasks/${t.id}/actions`, { version: t.version, action, ...extra })
  expect(r.statusCode, r.body).toBe(200)
  return r.json() as TaskDetail
}

forEachDatabase(
  'supervision: figures, digest, changes',
  (h: Harness) => {
    let heping: Client
    let leader: Client
    let shenhe: Client
    let schoolId: number
    beforeAll(async () => {
      heping = await h.loginAs('county_heping')
      leader = await h.loginAs('leader')
      const u = await h.buildUser({ role: 'county', orgUnitId: (await h.unitByName('沈河区')).id })
      shenhe = await h.loginAs(u.username, u.password)
      schoolId = (await h.loginAs('school_demo')).user.orgUnitId
    })

    describe('figures', () => {
      let camp: CampaignView
      let t3: TaskDetail
      const figures = async (c: Client) => {
        const r = await c.get(`/api/supervision/figures?campaignId=${camp.id}`)
        expect(r.statusCode, r.body).toBe(200)
        return r.json() as FiguresView
      }

      beforeAll(async () => {
        camp = await campaign(heping, '指标测试行动', ['甲', '乙', '丙'])
        // T1 done on time, T2 done late, T3 overdue, T4 due in 4 days, T5 due later (with an
        // overdue sub-task, which is not a key task of its own), T6 cancelled, T8 led by a school.
        const t1 = await task(heping, camp, 0, { title: 'T1', deadline: '2026-10-31' })
        await act(heping, await act(heping, t1, 'start', { on: '2026-10-01' }), 'complete', {
          on: '2026-10-30',
        })
        const t2 = await task(heping, camp, 0, { title: 'T2', deadline: '2026-10-31' })
        await act(heping, await act(heping, t2, 'start', { on: '2026-10-01' }), 'complete', {
          on: '2026-11-05',
        })
        t3 = await act(heping, await task(heping, camp, 1, { title: 'T3', deadline: '2026-11-20' }), 'start')
        await task(heping, camp, 1, { title: 'T4', deadline: '2026-12-01' })
        const t5 = await task(heping, camp, 1, { title: 'T5', deadline: '2026-12-31' })
        await task(heping, camp, 1, { title: 'T7', deadline: '2026-11-10', parentId: t5.id })
        await act(heping, await task(heping, camp, 0, { title: 'T6', deadline: '2026-11-01' }), 'cancel', {
          reason: '取消',
        })
        await task(heping, camp, 0, { title: 'T8', deadline: '2026-12-25', leadUnitId: schoolId })
      })

      it('counts tasks, aspects, statuses, on-time completion, overdue and due soon, per unit', async () => {
        const f = await figures(heping)
        expect(f).toMatchObject({
          campaignId: camp.id,
          campaign: '指标测试行动',
          asOf: '2026-11-27',
          tasks: 7,
          subTasks: 1,
          aspects: 3,
          aspectsWithTasks: 2,
          byStatus: { not_started: 3, in_progress: 1, done: 2, cancelled: 1 },
          done: 2,
          doneOnTime: 1,
          doneLate: 1,
          dueByToday: 3,
          overdueNow: 1,
          dueSoon: 1,
        })
        expect(f.onTimeCompletionRate).toBeCloseTo(1 / 3, 10)
        expect(f.byAspect.map((a) => [a.label, a.value])).toEqual([
          ['甲', 4],
          ['乙', 3],
          ['丙', 0],
        ])
        const school = (await h.loginAs('school_demo')).user
        expect(f.byUnit.map((u) => [u.label, u.value, u.done, u.overdue])).toEqual([
          ['和平区', 6, 2, 1],
          [expect.any(String), 1, 0, 0],
        ])
        expect(f.byUnit[1]?.key).toBe(String(school.orgUnitId))
        // The city's leader sees the same; 沈河区 does not see the campaign at all.
        expect(await figures(leader)).toEqual(f)
        expect((await shenhe.get(`/api/supervision/figures?campaignId=${camp.id}`)).statusCode).toBe(404)
      })

      it('an approved extension moves a task from overdue to due soon, and out of what was due by today', async () => {
        const ext = (
          await heping.post(`/api/supervision/tasks/${t3.id}/extensions`, {
            requestedDeadline: '2026-12-02',
            reason: '等待设备到货',
          })
        ).json()
        expect(
          (await leader.post(`/api/supervision/extensions/${ext.id}/decide`, { decision: 'approve' }))
            .statusCode,
        ).toBe(200)
        const f = await figures(heping)
        expect(f).toMatchObject({ overdueNow: 0, dueSoon: 2, dueByToday: 2, doneOnTime: 1 })
        expect(f.onTimeCompletionRate).toBe(0.5)
      })

      it('the overdue trend rebuilds each week from done dates and deadline moves', async () => {
        const tc = await campaign(heping, '走势测试行动', ['方面'])
        // A stays open past 11-05; B was done late on 11-10; C was extended today from 11-10 to 12-31.
        await task(heping, tc, 0, { title: 'A', deadline: '2026-11-05' })
        const b = await task(heping, tc, 0, { title: 'B', deadline: '2026-10-20' })
        await act(heping, await act(heping, b, 'start', { on: '2026-10-01' }), 'complete', {
          on: '2026-11-10',
        })
        const c = await task(heping, tc, 0, { title: 'C', deadline: '2026-11-10' })
        const ext = (
          await heping.post(`/api/supervision/tasks/${c.id}/extensions`, {
            requestedDeadline: '2026-12-31',
            reason: '延期',
          })
        ).json()
        await leader.post(`/api/supervision/extensions/${ext.id}/decide`, { decision: 'approve' })
        const f = (await heping.get(`/api/supervision/figures?campaignId=${tc.id}`)).json() as FiguresView
        expect(f.overdueTrend).toHaveLength(13)
        expect(f.overdueTrend.slice(-7)).toEqual([
          { on: '2026-10-16', overdue: 0 },
          { on: '2026-10-23', overdue: 1 },
          { on: '2026-10-30', overdue: 1 },
          { on: '2026-11-06', overdue: 2 },
          { on: '2026-11-13', overdue: 2 },
          { on: '2026-11-20', overdue: 2 },
          { on: '2026-11-27', overdue: 1 },
        ])
        // Today's point is the overdue figure.
        expect(f.overdueTrend.at(-1)?.overdue).toBe(f.overdueNow)
      })

      it('without a campaign: over every visible task, aspects being those used', async () => {
        // A county with no tasks at all (the city demo gives 沈河区 some of its own).
        const empty = await h.buildCounty({ parentId: (await h.unitByName('示例市')).id })
        const u = await h.buildUser({ role: 'county', orgUnitId: empty.id })
        const c = await h.loginAs(u.username, u.password)
        const f = (await c.get('/api/supervision/figures')).json() as FiguresView
        expect(f).toMatchObject({ campaignId: null, tasks: 0, aspects: 0, onTimeCompletionRate: null })
      })
    })

    describe('digest', () => {
      it('lists, in the user’s scope, tasks starting today, due today, overdue and due soon', async () => {
        const camp = await campaign(heping, '提醒测试行动', ['方面'])
        const d1 = await task(heping, camp, 0, {
          title: '今日启动',
          startsOn: '2026-11-27',
          deadline: '2026-12-31',
        })
        const d2 = await task(heping, camp, 0, { title: '今日到期', deadline: '2026-11-27' })
        const d3 = await task(heping, camp, 0, { title: '已经逾期', deadline: '2026-11-20' })
        const d4 = await task(heping, camp, 0, { title: '五天后到期', deadline: '2026-12-02' })
        const done = await task(heping, camp, 0, { title: '已完成的逾期任务', deadline: '2026-11-20' })
        await act(heping, await act(heping, done, 'start'), 'complete')
        await heping.post(`/api/supervision/tasks/${d3.id}/extensions`, {
          requestedDeadline: '2026-12-20',
          reason: '延期',
        })

        const r = await heping.get('/api/supervision/digest')
        expect(r.statusCode, r.body).toBe(200)
        const g = r.json()
        const ids = (list: TaskSummary[]) => list.map((t) => t.id)
        expect(g.today).toBe('2026-11-27')
        expect(ids(g.startingToday)).toContain(d1.id)
        expect(ids(g.dueToday)).toEqual(expect.arrayContaining([d2.id]))
        expect(ids(g.dueToday)).not.toContain(d4.id)
        expect(ids(g.overdue)).toContain(d3.id)
        expect(ids(g.overdue)).not.toContain(done.id)
        expect(ids(g.dueSoon)).toContain(d4.id)
        expect(ids(g.dueSoon)).not.toContain(d2.id)
        expect(g.pendingExtensions).toEqual([])
        expect(g.counts.pendingExtensions).toBe(0)
        expect(g.counts.overdue).toBeGreaterThanOrEqual(g.overdue.length)

        const other = (await shenhe.get('/api/supervision/digest')).json()
        for (const key of ['startingToday', 'dueToday', 'overdue', 'dueSoon'])
          expect(ids(other[key]).filter((id) => [d1.id, d2.id, d3.id, d4.id].includes(id))).toEqual([])

        const lead = (await leader.get('/api/supervision/digest')).json()
        expect(lead.pendingExtensions.map((e: { taskId: number }) => e.taskId)).toContain(d3.id)
        expect(lead.counts.pendingExtensions).toBeGreaterThanOrEqual(1)
      })
    })

    describe('changes since a date', () => {
      it('lists tasks created, completed, deadlines moved and progress added since the day', async () => {
        h.clock.set(at('2026-11-20'))
        let c = await h.loginAs('county_heping')
        const camp = await campaign(c, '变化测试行动', ['方面'])
        const c1 = await task(c, camp, 0, { title: '早先建立', deadline: '2026-11-30' })

        h.clock.set(at('2026-11-25'))
        c = await h.loginAs('county_heping')
        const noted = await c.post(`/api/supervision/tasks/${c1.id}/progress`, {
          on: '2026-11-25',
          text: '进展',
          percent: 40,
        })
        expect(noted.statusCode, noted.body).toBe(201)
        const c2 = await task(c, camp, 0, { title: '新近建立', deadline: '2026-12-31' })
        const ext = (
          await c.post(`/api/supervision/tasks/${c1.id}/extensions`, {
            requestedDeadline: '2026-12-15',
            reason: '延期',
          })
        ).json()

        h.clock.set(at('2026-11-26'))
        const l = await h.loginAs('leader')
        expect(
          (await l.post(`/api/supervision/extensions/${ext.id}/decide`, { decision: 'approve' })).statusCode,
        ).toBe(200)

        h.clock.set(at('2026-11-27'))
        c = await h.loginAs('county_heping')
        await act(c, await act(c, c2, 'start'), 'complete')

        const mine = [c1.id, c2.id]
        const changes = async (client: Client, since: string) => {
          const r = await client.get(`/api/supervision/changes?since=${since}`)
          expect(r.statusCode, r.body).toBe(200)
          const x = r.json() as Record<
            string,
            { taskId: number; title: string; detail: Record<string, unknown> }[]
          >
          const pick = (k: string) => (x[k] ?? []).filter((e) => mine.includes(e.taskId)).map((e) => e.title)
          return {
            created: pick('created'),
            completed: pick('completed'),
            deadlineMoved: pick('deadlineMoved'),
            progress: pick('progress'),
            raw: x,
          }
        }
        const since25 = await changes(c, '2026-11-25')
        expect(since25).toMatchObject({
          created: ['新近建立'],
          completed: ['新近建立'],
          deadlineMoved: ['早先建立'],
          progress: ['早先建立'],
        })
        expect(since25.raw.deadlineMoved?.find((e) => e.taskId === c1.id)?.detail).toMatchObject({
          from: '2026-11-30',
          to: '2026-12-15',
          via: 'extension',
        })
        expect((await changes(c, '2026-11-20')).created).toEqual(['早先建立', '新近建立'])
        expect(await changes(c, '2026-11-28')).toMatchObject({
          created: [],
          completed: [],
          deadlineMoved: [],
          progress: [],
        })
        // 沈河区 sees none of it.
        expect(await changes(shenhe, '2026-11-01')).toMatchObject({
          created: [],
          completed: [],
          deadlineMoved: [],
          progress: [],
        })
        expect((await c.get('/api/supervision/changes?since=2026-02-30')).statusCode).toBe(400)
      })
    })
  },
  { demo: 'city' },
)
