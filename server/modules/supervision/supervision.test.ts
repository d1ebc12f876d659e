/**
 * Key tasks through the API on the city demo: workflow rules (illegal transitions are 409 with a
 * code), weighted progress on known numbers, overdue and due-soon on the fixed clock and after
 * moving it, escalation, extension requests and decisions, milestones, voiding, scope (a county
 * never sees another county's task), notices and monthly duties. The clock is fixed at
 * 2026-11-27 10:00 in Shanghai unless a test moves it.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, errorOf, forEachDatabase, type Harness } from '../../../tests/harness.js'
import type { CampaignView, ExtensionView, NoticeView, TaskDetail, TaskSummary } from './schema.js'

/** 10:00 Shanghai on a day. */
const at = (day: string) => `${day}T02:00:00.000Z`

interface World {
  heping: Client
  shenhe: Client
  leader: Client
  school: Client
  auditor: Client
  expert: Client
  hepingId: number
  shenheId: number
  schoolId: number
  campaign: CampaignView
}

async function setUp(h: Harness, name: string): Promise<World> {
  const heping = await h.loginAs('county_heping')
  const leader = await h.loginAs('leader')
  const school = await h.loginAs('school_demo')
  const auditor = await h.loginAs('auditor_demo')
  const expert = await h.loginAs('expert_demo')
  const hepingId = (await h.unitByName('和平区')).id
  const shenheId = (await h.unitByName('沈河区')).id
  const u = await h.buildUser({ role: 'county', orgUnitId: shenheId })
  const shenhe = await h.loginAs(u.username, u.password)
  const r = await heping.post('/api/supervision/campaigns', {
    name,
    kind: 'special',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    aspects: [{ name: '立德树人' }, { name: '安全稳定' }],
  })
  expect(r.statusCode, r.body).toBe(201)
  return {
    heping,
    shenhe,
    leader,
    school,
    auditor,
    expert,
    hepingId,
    shenheId,
    schoolId: school.user.orgUnitId,
    campaign: r.json(),
  }
}

function taskBody(w: World, extra: Record<string, unknown> = {}) {
  return {
    campaignId: w.campaign.id,
    aspectId: w.campaign.aspects[0]?.id,
    title: `任务${Math.random().toString(36).slice(2, 8)}`,
    leadUnitId: w.hepingId,
    leader: '王副局长',
    startsOn: '2026-03-01',
    deadline: '2026-12-20',
    ...extra,
  }
}

async function newTask(
  w: World,
  extra: Record<string, unknown> = {},
  c: Client = w.heping,
): Promise<TaskDetail> {
  const r = await c.post('/api/supervision/tasks', taskBody(w, extra))
  expect(r.statusCode, r.body).toBe(201)
  return r.json()
}

const act = (
  c: Client,
  t: { id: number; version: number },
  action: string,
  extra: Record<string, unknown> = {},
) => c.post(`/api/supervision/tasks/${t.id}/actions`, { version: t.version, action, ...extra })

const note = (
  c: Client,
  t: { id: number },
  on: string,
  percent?: number,
  extra: Record<string, unknown> = {},
) =>
  c.post(`/api/supervision/tasks/${t.id}/progress`, {
    on,
    text: '按计划推进',
    ...(percent === undefined ? {} : { percent }),
    ...extra,
  })

const get = async (c: Client, id: number): Promise<TaskDetail> => {
  const r = await c.get(`/api/supervision/tasks/${id}`)
  expect(r.statusCode, r.body).toBe(200)
  return r.json()
}

forEachDatabase(
  'supervision: campaigns and key tasks',
  (h) => {
    let w: World
    beforeAll(async () => {
      w = await setUp(h, '测试专项行动')
    })

    it('creates a campaign with ordered aspects, renames, reorders and refuses to drop one in use', async () => {
      expect(w.campaign).toMatchObject({
        orgUnitId: w.hepingId,
        orgUnit: '和平区',
        kind: 'special',
        tasks: 0,
      })
      expect(w.campaign.aspects.map((a) => a.name)).toEqual(['立德树人', '安全稳定'])
      const made = await w.heping.post('/api/supervision/campaigns', {
        name: '临时行动',
        startsOn: '2026-05-01',
        endsOn: '2026-04-01',
        aspects: [{ name: '甲' }, { name: '甲' }],
      })
      expect(made.statusCode).toBe(400)
      expect(
        errorOf(made)
          .fields?.map((f) => f.field)
          .sort(),
      ).toEqual(['aspects.1.name', 'endsOn'])

      const c = (
        await w.heping.post('/api/supervision/campaigns', {
          name: '临时行动',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          aspects: [{ name: '甲' }, { name: '乙' }],
        })
      ).json() as CampaignView
      const [a, b] = c.aspects
      await newTask(w, { campaignId: c.id, aspectId: b?.id })
      let r = await w.heping.patch(`/api/supervision/campaigns/${c.id}`, {
        version: c.version,
        aspects: [{ id: b?.id, name: '乙（改）' }, { id: a?.id, name: '甲' }, { name: '丙' }],
      })
      expect(r.statusCode, r.body).toBe(200)
      const after = r.json() as CampaignView
      expect(after.aspects.map((x) => [x.name, x.sortOrder, x.tasks])).toEqual([
        ['乙（改）', 1, 1],
        ['甲', 2, 0],
        ['丙', 3, 0],
      ])
      r = await w.heping.patch(`/api/supervision/campaigns/${c.id}`, { version: after.version, aspects: [] })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('supervision_aspect_in_use')
      r = await w.heping.post(`/api/supervision/campaigns/${c.id}/void`, {
        version: after.version,
        reason: '测试',
      })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('supervision_campaign_has_tasks')
      // The leader sees the county's campaign; 沈河区 does not (it is neither above nor below).
      expect(
        ((await w.leader.get('/api/supervision/campaigns')).json().items as { id: number }[]).map(
          (x) => x.id,
        ),
      ).toContain(c.id)
      expect(
        ((await w.shenhe.get('/api/supervision/campaigns')).json().items as { id: number }[]).map(
          (x) => x.id,
        ),
      ).not.toContain(c.id)
      expect((await w.shenhe.get(`/api/supervision/campaigns/${c.id}`)).statusCode).toBe(404)
    })

    it('creates a task: lead and co-units, milestones, a timeline; a refused date pair names its field', async () => {
      const t = await newTask(w, {
        coUnitIds: [w.schoolId, w.schoolId, w.hepingId],
        milestones: [
          { title: '制定方案', dueOn: '2026-04-01', weight: 1 },
          { title: '组织实施', dueOn: '2026-09-01', weight: 3 },
        ],
      })
      expect(t).toMatchObject({
        leadUnitId: w.hepingId,
        leadUnit: '和平区',
        status: 'not_started',
        progress: 0,
        dueState: 'ok',
        daysLeft: 23,
        canEdit: true,
        canReport: true,
        canApprove: false,
        allowedActions: ['start', 'cancel'],
      })
      expect(t.coUnits.map((u) => u.id)).toEqual([w.schoolId])
      expect(t.milestones.map((m) => [m.title, m.weight, m.overdue])).toEqual([
        ['制定方案', 1, true],
        ['组织实施', 3, true],
      ])
      expect(t.events.map((e) => e.action)).toEqual(['create'])

      const bad = await w.heping.post(
        '/api/supervision/tasks',
        taskBody(w, { startsOn: '2026-05-01', deadline: '2026-04-30' }),
      )
      expect(bad.statusCode).toBe(400)
      expect(errorOf(bad).fields?.[0]).toMatchObject({ field: 'deadline' })
      const impossible = await w.heping.post(
        '/api/supervision/tasks',
        taskBody(w, { deadline: '2026-02-30' }),
      )
      expect(impossible.statusCode).toBe(400)
      expect(errorOf(impossible).fields?.[0]?.field).toBe('deadline')
      const otherAspect = await w.heping.post('/api/supervision/tasks', taskBody(w, { aspectId: 999_999 }))
      expect(errorOf(otherAspect).fields?.[0]).toMatchObject({ field: 'aspectId' })
    })

    describe('workflow', () => {
      it('walks start → complete → reopen → complete, and refuses illegal transitions with 409 and a code', async () => {
        let t = await newTask(w)
        let r = await act(w.heping, t, 'complete')
        expect(r.statusCode).toBe(409)
        expect(errorOf(r)).toMatchObject({ code: 'supervision_illegal_transition' })
        expect(errorOf(r).message).toContain('未启动')
        expect(errorOf(r).fields?.[0]?.field).toBe('action')

        r = await act(w.heping, t, 'start', { on: '2026-11-20' })
        expect(r.statusCode, r.body).toBe(200)
        t = r.json()
        expect(t).toMatchObject({ status: 'in_progress', allowedActions: ['complete', 'cancel'] })

        r = await act(w.heping, t, 'start')
        expect(r.statusCode).toBe(409)
        expect(errorOf(r).code).toBe('supervision_illegal_transition')

        r = await act(w.heping, t, 'complete', { on: '2026-11-28' })
        expect(r.statusCode).toBe(400)
        expect(errorOf(r).fields?.[0]).toMatchObject({ field: 'on' })

        r = await act(w.heping, { ...t, version: t.version - 1 }, 'complete')
        expect(r.statusCode).toBe(409)
        expect(errorOf(r)).toMatchObject({ code: 'conflict_version', currentVersion: t.version })

        r = await act(w.heping, t, 'complete', { on: '2026-11-26' })
        expect(r.statusCode, r.body).toBe(200)
        t = r.json()
        expect(t).toMatchObject({ status: 'done', doneOn: '2026-11-26', progress: 100, dueState: 'done' })

        r = await act(w.heping, t, 'cancel', { reason: '不需要了' })
        expect(r.statusCode).toBe(409)
        r = await act(w.heping, t, 'reopen')
        expect(r.statusCode).toBe(400)
        expect(errorOf(r).fields?.[0]).toMatchObject({ field: 'reason' })
        r = await act(w.heping, t, 'reopen', { reason: '验收发现问题' })
        expect(r.statusCode, r.body).toBe(200)
        t = r.json()
        expect(t).toMatchObject({ status: 'in_progress', doneOn: null, progress: 0 })

        r = await act(w.heping, t, 'cancel', { reason: '并入其他任务' })
        t = r.json()
        expect(t).toMatchObject({ status: 'cancelled', dueState: 'cancelled', allowedActions: [] })
        r = await act(w.heping, t, 'start')
        expect(r.statusCode).toBe(409)
        expect(errorOf(r).code).toBe('supervision_illegal_transition')
        expect(t.events.map((e) => e.action)).toEqual(['create', 'start', 'complete', 'reopen', 'cancel'])
        r = await note(w.heping, t, '2026-11-27', 10)
        expect(r.statusCode).toBe(409)
        expect(errorOf(r).code).toBe('supervision_task_closed')
      })

      it('a first progress note starts the task; a note cannot be dated in the future', async () => {
        const t = await newTask(w)
        expect((await note(w.heping, t, '2026-11-28')).statusCode).toBe(400)
        const r = await note(w.heping, t, '2026-11-25', 30)
        expect(r.statusCode, r.body).toBe(201)
        const d = r.json() as TaskDetail
        expect(d).toMatchObject({ status: 'in_progress', progress: 30, version: 2 })
        expect(d.notes[0]).toMatchObject({
          unitId: w.hepingId,
          unit: '和平区',
          on: '2026-11-25',
          percent: 30,
        })
        expect(d.events.map((e) => e.action)).toEqual(['create', 'start', 'progress'])
        // A unit that is not on the task cannot report for it.
        const other = await note(w.heping, t, '2026-11-25', 40, { unitId: w.schoolId })
        expect(other.statusCode).toBe(400)
        expect(errorOf(other).fields?.[0]).toMatchObject({ field: 'unitId' })
      })
    })

    describe('weighted progress', () => {
      it('milestones by weight: 1 and 3 done of 1 + 3 + 4 = 50%', async () => {
        let t = await newTask(w, {
          milestones: [
            { title: 'A', dueOn: '2026-04-01', weight: 1 },
            { title: 'B', dueOn: '2026-06-01', weight: 3 },
            { title: 'C', dueOn: '2026-12-01', weight: 4 },
          ],
        })
        const [a, b, c] = t.milestones
        let r = await w.heping.patch(`/api/supervision/milestones/${a?.id}`, {
          version: a?.version,
          doneOn: '2026-03-30',
        })
        expect(r.statusCode, r.body).toBe(200)
        expect((r.json() as TaskDetail).progress).toBe(12.5)
        r = await w.heping.patch(`/api/supervision/milestones/${b?.id}`, {
          version: b?.version,
          doneOn: '2026-06-02',
        })
        t = r.json()
        expect(t.progress).toBe(50)
        // A note's percent does not override milestones.
        t = (await note(w.heping, t, '2026-11-20', 90)).json()
        expect(t.progress).toBe(50)
        r = await w.heping.patch(`/api/supervision/milestones/${c?.id}`, {
          version: c?.version,
          doneOn: '2026-11-30',
        })
        expect(r.statusCode).toBe(400)
        r = await w.heping.post(`/api/supervision/milestones/${c?.id}/void`, {
          version: c?.version,
          reason: '取消该节点',
        })
        expect(r.statusCode, r.body).toBe(200)
        expect((r.json() as TaskDetail).progress).toBe(100)
        r = await w.heping.post(`/api/supervision/tasks/${t.id}/milestones`, {
          title: 'D',
          dueOn: '2026-12-10',
          weight: 4,
        })
        expect(r.statusCode, r.body).toBe(201)
        expect((r.json() as TaskDetail).progress).toBe(50)
        // Undo a done milestone.
        const again = (await get(w.heping, t.id)).milestones.find((m) => m.title === 'B')
        r = await w.heping.patch(`/api/supervision/milestones/${again?.id}`, {
          version: again?.version,
          doneOn: null,
        })
        expect((r.json() as TaskDetail).progress).toBe(12.5)
      })

      it('sub-tasks by weight: (2·50 + 1·100 + 1·0) / 4 = 50, then 60, then 66.7 without the cancelled one', async () => {
        const parent = await newTask(w, { title: '新建学校项目' })
        const a = await newTask(w, {
          parentId: parent.id,
          title: '立项',
          weight: 2,
          milestones: [
            { title: 'a1', dueOn: '2026-05-01', weight: 1 },
            { title: 'a2', dueOn: '2026-10-01', weight: 1 },
          ],
        })
        let b = await newTask(w, { parentId: parent.id, title: '施工', weight: 1 })
        const c = await newTask(w, { parentId: parent.id, title: '验收', weight: 1 })
        await w.heping.patch(`/api/supervision/milestones/${a.milestones[0]?.id}`, {
          version: a.milestones[0]?.version,
          doneOn: '2026-05-01',
        })
        b = (await act(w.heping, b, 'start')).json()
        await act(w.heping, b, 'complete', { on: '2026-11-27' })
        let p = await get(w.heping, parent.id)
        expect(p.children.map((x) => [x.title, x.weight, x.progress])).toEqual([
          ['立项', 2, 50],
          ['施工', 1, 100],
          ['验收', 1, 0],
        ])
        expect(p.progress).toBe(50)
        const c2 = (await note(w.heping, c, '2026-11-27', 40)).json() as TaskDetail
        p = await get(w.heping, parent.id)
        expect(p.progress).toBe(60)
        await act(w.heping, c2, 'cancel', { reason: '并入施工' })
        p = await get(w.heping, parent.id)
        expect(p.progress).toBe(66.7)
        // A parent with live sub-tasks cannot be voided; a task cannot become its own grandchild.
        let r = await w.heping.post(`/api/supervision/tasks/${parent.id}/void`, {
          version: p.version,
          reason: '测试',
        })
        expect(r.statusCode).toBe(409)
        expect(errorOf(r).code).toBe('supervision_has_children')
        r = await w.heping.patch(`/api/supervision/tasks/${parent.id}`, {
          version: p.version,
          parentId: a.id,
        })
        expect(r.statusCode).toBe(400)
        expect(errorOf(r).fields?.[0]).toMatchObject({ field: 'parentId' })
        // Moving a child out recomputes the old parent.
        const cNow = await get(w.heping, c.id)
        r = await w.heping.patch(`/api/supervision/tasks/${cNow.id}`, {
          version: cNow.version,
          parentId: null,
        })
        expect(r.statusCode, r.body).toBe(200)
        const bNow = await get(w.heping, b.id)
        r = await w.heping.post(`/api/supervision/tasks/${bNow.id}/void`, {
          version: bNow.version,
          reason: '录入错误',
        })
        expect(r.statusCode, r.body).toBe(200)
        expect((r.json() as TaskDetail).voided).toBe(true)
        expect((await get(w.heping, parent.id)).progress).toBe(50)
        const list = (await w.heping.get(`/api/supervision/tasks?parentId=${parent.id}`)).json()
        expect(list.items.map((x: TaskSummary) => x.title)).toEqual(['立项'])
      })
    })

    describe('overdue and due soon', () => {
      it('on the fixed clock, then after moving it; a done task is never overdue, done late counts', async () => {
        const soon = await newTask(w, { title: '七天内到期', deadline: '2026-12-04' })
        const ok = await newTask(w, { title: '八天后到期', deadline: '2026-12-05' })
        const late = await newTask(w, { title: '昨日到期', deadline: '2026-11-26' })
        expect(soon).toMatchObject({ dueState: 'due_soon', daysLeft: 7, daysOverdue: 0 })
        expect(ok).toMatchObject({ dueState: 'ok', daysLeft: 8 })
        expect(late).toMatchObject({ dueState: 'overdue', daysLeft: -1, daysOverdue: 1, escalation: 0 })
        const ids = async (q: string) =>
          (
            (
              await w.heping.get(`/api/supervision/tasks?campaignId=${w.campaign.id}&pageSize=200&${q}`)
            ).json().items as TaskSummary[]
          ).map((t) => t.id)
        expect(await ids('dueState=overdue')).toContain(late.id)
        expect(await ids('dueState=due_soon')).toEqual(expect.arrayContaining([soon.id]))
        expect(await ids('dueState=due_soon')).not.toContain(ok.id)

        // Sessions idle out after 8 hours: sign in again after each jump.
        h.clock.set(at('2026-11-30'))
        let c = await h.loginAs('county_heping')
        expect(await get(c, late.id)).toMatchObject({ daysOverdue: 4, escalation: 1 })
        expect(await get(c, ok.id)).toMatchObject({ dueState: 'due_soon', daysLeft: 5 })

        h.clock.set(at('2026-12-06'))
        c = await h.loginAs('county_heping')
        expect(await get(c, late.id)).toMatchObject({ daysOverdue: 10, escalation: 2 })
        expect(await get(c, ok.id)).toMatchObject({ dueState: 'overdue', daysOverdue: 1 })
        const started = (await act(c, late, 'start')).json() as TaskDetail
        const done = (await act(c, started, 'complete', { on: '2026-12-06' })).json() as TaskDetail
        expect(done).toMatchObject({ status: 'done', dueState: 'done_late', daysOverdue: 0, escalation: 0 })
        const overdueIds = (
          (
            await c.get(`/api/supervision/tasks?campaignId=${w.campaign.id}&pageSize=200&dueState=overdue`)
          ).json().items as TaskSummary[]
        ).map((t) => t.id)
        expect(overdueIds).toContain(ok.id)
        expect(overdueIds).not.toContain(late.id)

        h.clock.set(at('2027-06-01'))
        c = await h.loginAs('county_heping')
        expect((await get(c, late.id)).dueState).toBe('done_late')
      })

      it('the warning window and escalation steps are settings that only leaders change', async () => {
        const t = await newTask(w, { title: '十天后到期', deadline: '2026-12-07' })
        expect(t.dueState).toBe('ok')
        expect((await w.heping.patch('/api/supervision/settings', { dueSoonDays: 10 })).statusCode).toBe(403)
        let r = await w.leader.patch('/api/supervision/settings', {
          escalateUnitDays: 5,
          escalateBureauDays: 5,
        })
        expect(r.statusCode).toBe(400)
        expect(errorOf(r).fields?.[0]).toMatchObject({ field: 'escalateBureauDays' })
        r = await w.leader.patch('/api/supervision/settings', { dueSoonDays: 10 })
        expect(r.json()).toEqual({ dueSoonDays: 10, escalateUnitDays: 3, escalateBureauDays: 10 })
        expect((await get(w.heping, t.id)).dueState).toBe('due_soon')
        r = await w.leader.patch('/api/supervision/settings', { dueSoonDays: 7 })
        expect((await w.heping.get('/api/supervision/settings')).json()).toMatchObject({ dueSoonDays: 7 })
        expect((await get(w.heping, t.id)).dueState).toBe('ok')
      })

      it('the board groups overdue and due-soon tasks by lead unit and by leader', async () => {
        const camp = (
          await w.heping.post('/api/supervision/campaigns', {
            name: '督办看板测试',
            startsOn: '2026-01-01',
            endsOn: '2026-12-31',
            aspects: [{ name: '方面' }],
          })
        ).json() as CampaignView
        const mk = (title: string, deadline: string, leader: string) =>
          newTask(w, { campaignId: camp.id, aspectId: camp.aspects[0]?.id, title, deadline, leader })
        await mk('逾期十二天', '2026-11-15', '李局长')
        await mk('逾期四天', '2026-11-23', '王局长')
        await mk('后天到期', '2026-11-29', '王局长')
        await mk('月底之后', '2026-12-25', '王局长')
        const r = await w.leader.get(`/api/supervision/overdue?campaignId=${camp.id}`)
        expect(r.statusCode, r.body).toBe(200)
        const b = r.json()
        expect(b).toMatchObject({
          today: '2026-11-27',
          dueSoonDays: 7,
          thresholds: { unitDays: 3, bureauDays: 10 },
        })
        expect(b.byUnit).toHaveLength(1)
        expect(b.byUnit[0]).toMatchObject({
          unit: '和平区',
          overdue: 2,
          dueSoon: 1,
          maxDaysOverdue: 12,
          escalation: 2,
        })
        expect(b.byUnit[0].tasks.map((t: TaskSummary) => t.title)).toEqual([
          '逾期十二天',
          '逾期四天',
          '后天到期',
        ])
        expect(
          b.byLeader.map((g: { leader: string; overdue: number; escalation: number }) => [
            g.leader,
            g.overdue,
            g.escalation,
          ]),
        ).toEqual([
          ['李局长', 1, 2],
          ['王局长', 1, 1],
        ])
        expect((await w.shenhe.get(`/api/supervision/overdue?campaignId=${camp.id}`)).json().byUnit).toEqual(
          [],
        )
      })
    })

    describe('extensions', () => {
      it('a unit asks, a leader refuses or approves; approval moves the deadline; the history stays', async () => {
        let t = await newTask(w, { title: '需要延期的任务', deadline: '2026-11-30' })
        let r = await w.heping.post(`/api/supervision/tasks/${t.id}/extensions`, {
          requestedDeadline: '2026-11-30',
          reason: '工作量大',
        })
        expect(r.statusCode).toBe(400)
        expect(errorOf(r).fields?.[0]).toMatchObject({ field: 'requestedDeadline' })
        r = await w.heping.post(`/api/supervision/tasks/${t.id}/extensions`, {
          requestedDeadline: '2026-12-31',
          reason: '涉及多部门协调',
        })
        expect(r.statusCode, r.body).toBe(201)
        const first = r.json() as ExtensionView
        expect(first).toMatchObject({
          status: 'pending',
          oldDeadline: '2026-11-30',
          requestedDeadline: '2026-12-31',
        })
        r = await w.heping.post(`/api/supervision/tasks/${t.id}/extensions`, {
          requestedDeadline: '2027-01-31',
          reason: '再延',
        })
        expect(r.statusCode).toBe(409)
        expect(errorOf(r).code).toBe('supervision_extension_pending')

        // Only task.approve decides: a county or a school is refused (403); 沈河区 cannot even see it.
        expect(
          (await w.heping.post(`/api/supervision/extensions/${first.id}/decide`, { decision: 'approve' }))
            .statusCode,
        ).toBe(403)
        expect(
          (await w.school.post(`/api/supervision/extensions/${first.id}/decide`, { decision: 'approve' }))
            .statusCode,
        ).toBe(403)
        expect(
          (
            await w.shenhe.post(`/api/supervision/tasks/${t.id}/extensions`, {
              requestedDeadline: '2027-01-31',
              reason: 'x',
            })
          ).statusCode,
        ).toBe(404)
        const pending = (await w.leader.get('/api/supervision/extensions?status=pending')).json()
          .items as ExtensionView[]
        expect(pending.map((e) => e.id)).toContain(first.id)

        r = await w.leader.post(`/api/supervision/extensions/${first.id}/decide`, { decision: 'refuse' })
        expect(r.statusCode).toBe(400)
        expect(errorOf(r).fields?.[0]).toMatchObject({ field: 'reason' })
        r = await w.leader.post(`/api/supervision/extensions/${first.id}/decide`, {
          decision: 'refuse',
          reason: '理由不充分',
        })
        expect(r.statusCode, r.body).toBe(200)
        expect(r.json()).toMatchObject({
          status: 'refused',
          decisionReason: '理由不充分',
          decidedBy: '周明远',
        })
        expect((await get(w.heping, t.id)).deadline).toBe('2026-11-30')
        r = await w.leader.post(`/api/supervision/extensions/${first.id}/decide`, { decision: 'approve' })
        expect(r.statusCode).toBe(409)
        expect(errorOf(r).code).toBe('supervision_extension_decided')

        const second = (
          await w.heping.post(`/api/supervision/tasks/${t.id}/extensions`, {
            requestedDeadline: '2027-01-31',
            reason: '补充说明：需等待上级批复',
          })
        ).json() as ExtensionView
        r = await w.leader.post(`/api/supervision/extensions/${second.id}/decide`, {
          decision: 'approve',
          deadline: '2026-12-31',
          reason: '同意延期至年底',
        })
        expect(r.statusCode, r.body).toBe(200)
        expect(r.json()).toMatchObject({ status: 'approved', approvedDeadline: '2026-12-31' })
        t = await get(w.heping, t.id)
        expect(t).toMatchObject({ deadline: '2026-12-31', originalDeadline: '2026-11-30', version: 2 })
        expect(t.extensions.map((e) => e.status)).toEqual(['approved', 'refused'])
        expect(t.events.map((e) => e.action)).toEqual([
          'create',
          'extension_request',
          'extension_refuse',
          'extension_request',
          'extension_approve',
          'deadline',
        ])
        expect(t.events.at(-1)?.detail).toMatchObject({
          from: '2026-11-30',
          to: '2026-12-31',
          via: 'extension',
        })
        // The deadline of a started task moves only by extension.
        t = (await note(w.heping, t, '2026-11-27', 10)).json()
        r = await w.heping.patch(`/api/supervision/tasks/${t.id}`, {
          version: t.version,
          deadline: '2027-03-01',
        })
        expect(r.statusCode).toBe(409)
        expect(errorOf(r).code).toBe('supervision_deadline_locked')
        const audit = await h.db
          .selectFrom('audit_log')
          .select('action')
          .where('action', 'like', 'supervision.extension.%')
          .execute()
        expect(audit.map((a) => a.action)).toEqual(
          expect.arrayContaining([
            'supervision.extension.request',
            'supervision.extension.refuse',
            'supervision.extension.approve',
          ]),
        )
      })
    })

    describe('scope', () => {
      it('a county never sees another county’s task: 404 on read and write, absent from lists', async () => {
        const t = await newTask(w, { title: '和平区专属任务' })
        for (const url of [`/api/supervision/tasks/${t.id}`, `/api/supervision/tasks/${t.id}/occurrences`])
          expect((await w.shenhe.get(url)).statusCode).toBe(404)
        expect((await note(w.shenhe, t, '2026-11-27', 10)).statusCode).toBe(404)
        expect((await act(w.shenhe, t, 'start')).statusCode).toBe(404)
        expect(
          (await w.shenhe.patch(`/api/supervision/tasks/${t.id}`, { version: t.version, title: 'x' }))
            .statusCode,
        ).toBe(404)
        const list = (await w.shenhe.get('/api/supervision/tasks?pageSize=200&q=和平区专属')).json()
        expect(list.total).toBe(0)
        const exported = await w.shenhe.get('/api/supervision/tasks/export.xlsx?q=和平区专属')
        expect(exported.statusCode).toBe(200)
        expect(exported.rawPayload.toString('latin1')).not.toContain('和平区专属')
        // Nor can it file a task under 和平区, or hand one to it.
        const r = await w.shenhe.post('/api/supervision/tasks', taskBody(w, { leadUnitId: w.hepingId }))
        expect(r.statusCode).toBe(400)
        const theirs = (
          await w.shenhe.post('/api/supervision/campaigns', {
            name: '沈河区行动',
            startsOn: '2026-01-01',
            endsOn: '2026-12-31',
            aspects: [{ name: '方面' }],
          })
        ).json() as CampaignView
        const own = await w.shenhe.post('/api/supervision/tasks', {
          ...taskBody(w, { leadUnitId: w.shenheId, coUnitIds: [w.hepingId] }),
          campaignId: theirs.id,
          aspectId: theirs.aspects[0]?.id,
        })
        expect(errorOf(own).fields?.[0]).toMatchObject({ field: 'coUnitIds.0' })
        // The city's leader sees it; so does the auditor, read-only.
        expect((await w.leader.get(`/api/supervision/tasks/${t.id}`)).json()).toMatchObject({
          canEdit: false,
          canApprove: true,
        })
        expect((await w.auditor.get(`/api/supervision/tasks/${t.id}`)).statusCode).toBe(200)
        expect((await note(w.auditor, t, '2026-11-27', 10)).statusCode).toBe(403)
        expect((await w.expert.get('/api/supervision/tasks')).statusCode).toBe(403)
        expect((await h.anonymous().get('/api/supervision/tasks')).statusCode).toBe(401)
      })

      it('a school sees the tasks it is a co-unit of, and no other', async () => {
        const withSchool = await newTask(w, { title: '学校配合任务', coUnitIds: [w.schoolId] })
        const without = await newTask(w, { title: '区级任务' })
        expect((await w.school.get(`/api/supervision/tasks/${withSchool.id}`)).json()).toMatchObject({
          canEdit: false,
          canReport: false,
        })
        expect((await w.school.get(`/api/supervision/tasks/${without.id}`)).statusCode).toBe(404)
        const titles = (
          (await w.school.get('/api/supervision/tasks?pageSize=200')).json().items as TaskSummary[]
        ).map((t) => t.title)
        expect(titles).toContain('学校配合任务')
        expect(titles).not.toContain('区级任务')
        expect((await note(w.school, withSchool, '2026-11-27', 10)).statusCode).toBe(403)
      })
    })

    describe('supervision notices', () => {
      it('a leader issues a notice to the unit listing its overdue tasks; it is kept and listed in scope', async () => {
        const t1 = await newTask(w, { title: '校舍安全排查', deadline: '2026-11-15', leader: '李局长' })
        await newTask(w, { title: '课后服务方案', deadline: '2026-11-25' })
        expect((await w.heping.post('/api/supervision/notices', { unitId: w.hepingId })).statusCode).toBe(403)
        let r = await w.leader.post('/api/supervision/notices', { unitId: w.hepingId, replyBy: '2026-12-02' })
        expect(r.statusCode, r.body).toBe(201)
        const n = r.json() as NoticeView
        expect(n).toMatchObject({ unit: '和平区', level: 2, replyBy: '2026-12-02' })
        expect(n.noticeNo).toMatch(/^督办〔2026〕\d+号$/)
        expect(n.title).toBe('关于督促和平区加快推进重点工作任务的督办通知')
        expect(n.body).toContain('校舍安全排查（完成时限：2026年11月15日，已逾期12天，责任领导：李局长）')
        expect(n.body).toContain('课后服务方案（完成时限：2026年11月25日，已逾期2天')
        expect(n.body).toContain('于2026年12月2日前')
        expect(n.body.trim().endsWith('二〇二六年十一月二十七日')).toBe(true)
        expect(n.body).toContain('示例市教育局')
        expect(n.tasks.map((x) => x.title)).toEqual(expect.arrayContaining(['校舍安全排查', '课后服务方案']))
        expect((await get(w.heping, t1.id)).events.map((e) => e.action)).toContain('notice')

        const mine = (await w.heping.get('/api/supervision/notices')).json()
        expect(mine.items.map((x: NoticeView) => x.id)).toContain(n.id)
        expect(
          (await w.shenhe.get('/api/supervision/notices')).json().items.map((x: NoticeView) => x.id),
        ).not.toContain(n.id)
        expect((await w.shenhe.get(`/api/supervision/notices/${n.id}`)).statusCode).toBe(404)

        // Chosen tasks must be the unit's open tasks; a unit with nothing overdue gets no notice.
        r = await w.leader.post('/api/supervision/notices', { unitId: w.shenheId })
        expect(r.statusCode).toBe(400)
        expect(errorOf(r).fields?.[0]).toMatchObject({ field: 'unitId' })
        r = await w.leader.post('/api/supervision/notices', { unitId: w.shenheId, taskIds: [t1.id] })
        expect(errorOf(r).fields?.[0]).toMatchObject({ field: 'taskIds.0' })
      })
    })

    describe('monthly recurring duties', () => {
      it('derives the months due up to today and rates each unit: complete and on time', async () => {
        const t = await newTask(w, {
          title: '每月报送工作进展',
          startsOn: '2026-01-15',
          deadline: '2026-12-31',
          recurrence: { day: 10 },
          coUnitIds: [w.schoolId],
        })
        // Due on the 10th: Feb…Nov (January's 10th is before the start). Notes by 和平区:
        for (const on of ['2026-02-10', '2026-03-11', '2026-05-01', '2026-05-20', '2026-11-09'])
          expect((await note(w.heping, t, on)).statusCode).toBe(201)
        const r = await w.heping.get(`/api/supervision/tasks/${t.id}/occurrences`)
        expect(r.statusCode, r.body).toBe(200)
        const o = r.json()
        expect(o).toMatchObject({ recurrence: { day: 10 }, asOf: '2026-11-27' })
        const lead = o.units.find((u: { role: string }) => u.role === 'lead')
        expect(lead.occurrences.map((x: { dueOn: string }) => x.dueOn)).toEqual([
          '2026-02-10',
          '2026-03-10',
          '2026-04-10',
          '2026-05-10',
          '2026-06-10',
          '2026-07-10',
          '2026-08-10',
          '2026-09-10',
          '2026-10-10',
          '2026-11-10',
        ])
        expect(lead).toMatchObject({
          due: 10,
          complete: 4,
          onTime: 3,
          completenessRate: 0.4,
          timelinessRate: 0.3,
        })
        expect(lead.occurrences[1]).toMatchObject({
          month: '2026-03',
          complete: true,
          onTime: false,
          noteOn: '2026-03-11',
        })
        const co = o.units.find((u: { role: string }) => u.role === 'co')
        expect(co).toMatchObject({ unitId: w.schoolId, due: 10, complete: 0, completenessRate: 0 })
      })

      it('month ends and 29 February: a last-day duty in 2028 is due on 29 February', async () => {
        h.clock.set(at('2028-03-05'))
        const c = await h.loginAs('county_heping')
        const camp = (
          await c.post('/api/supervision/campaigns', {
            name: '闰年测试',
            startsOn: '2028-01-01',
            endsOn: '2028-12-31',
            aspects: [{ name: '方面' }],
          })
        ).json() as CampaignView
        const t = await newTask(
          w,
          {
            campaignId: camp.id,
            aspectId: camp.aspects[0]?.id,
            startsOn: '2028-01-01',
            deadline: '2028-12-31',
            recurrence: { day: 'last' },
          },
          c,
        )
        expect(t.recurrence).toEqual({ day: 'last' })
        expect((await note(c, t, '2028-01-31')).statusCode).toBe(201)
        expect((await note(c, t, '2028-02-29')).statusCode).toBe(201)
        const o = (await c.get(`/api/supervision/tasks/${t.id}/occurrences`)).json()
        expect(o.units[0].occurrences).toEqual([
          { month: '2028-01', dueOn: '2028-01-31', complete: true, onTime: true, noteOn: '2028-01-31' },
          { month: '2028-02', dueOn: '2028-02-29', complete: true, onTime: true, noteOn: '2028-02-29' },
        ])
        expect(o.units[0]).toMatchObject({ completenessRate: 1, timelinessRate: 1 })
        const bad = await c.post('/api/supervision/tasks', taskBody(w, { recurrence: { day: 29 } }))
        expect(bad.statusCode).toBe(400)
      })
    })

    it('writes every change to the audit log in its transaction', async () => {
      const before = await h.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', 'like', 'supervision.%')
        .execute()
      const t = await newTask(w)
      await note(w.heping, t, '2026-11-27', 5)
      const after = await h.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id'])
        .where('action', 'like', 'supervision.%')
        .orderBy('id')
        .execute()
      expect(after.slice(before.length)).toEqual([
        { action: 'supervision.task.create', entity_id: String(t.id) },
        { action: 'supervision.task.progress', entity_id: String(t.id) },
      ])
    })
  },
  { demo: 'city' },
)
