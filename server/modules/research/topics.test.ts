/**
 * Research topics through the API on the city demo: creating and editing with their checks, the
 * life of a topic (illegal steps are 409 with a code, missing input 400 naming the field), field
 * visits on the fixed clock (2026-11-27 10:00 in Shanghai; a visit tomorrow is refused), scope (a
 * county never sees another county's topic: 404; visited units do not widen it), voiding, lists
 * and the export.
 */
import ExcelJS from 'exceljs'
import { beforeAll, expect, it } from 'vitest'
import { errorOf, forEachDatabase } from '../../../tests/harness.js'
import type { TopicDetail, TopicSummary } from './schema.js'
import { act, getTopic, newTopic, setUpWorld, topicBody, visit, type World } from './testing.js'

forEachDatabase(
  'research: topics',
  (h) => {
    let w: World
    beforeAll(async () => {
      w = await setUpWorld(h, '调研测试活动')
    })

    it('creates a topic with a generated code, its plan and owner; refuses bad input by field', async () => {
      const t = await newTopic(w)
      expect(t).toMatchObject({
        ownerUnitId: w.hepingId,
        ownerUnit: '和平区',
        status: 'planned',
        leaderName: '王副局长',
        plannedUnits: [{ id: w.schoolId }],
        visitCount: 0,
        canEdit: true,
        allowedActions: ['start'],
      })
      expect(t.code).toMatch(/^DY2026-\d{3}$/)
      expect(t.events.map((e) => e.action)).toEqual(['create'])
      const again = await newTopic(w)
      expect(Number(again.code.slice(-3))).toBe(Number(t.code.slice(-3)) + 1)

      let r = await w.heping.post('/api/research/topics', topicBody(w, { code: t.code }))
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('research_code_taken')
      r = await w.heping.post(
        '/api/research/topics',
        topicBody(w, {
          startsOn: '2026-06-01',
          endsOn: '2026-05-01',
          aspectId: 999_999,
          plannedUnitIds: [w.shenheId],
        }),
      )
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields?.map((f) => f.field)).toEqual(['endsOn'])
      r = await w.heping.post('/api/research/topics', topicBody(w, { aspectId: 999_999 }))
      expect(errorOf(r).fields?.map((f) => f.field)).toEqual(['aspectId'])
      r = await w.heping.post('/api/research/topics', topicBody(w, { plannedUnitIds: [w.shenheId] }))
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields).toEqual([
        { field: 'plannedUnitIds.0', message: '所选单位不在您的管辖范围内' },
      ])
      r = await w.heping.post('/api/research/topics', topicBody(w, { code: '=1+1' }))
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields?.map((f) => f.field)).toEqual(['code'])
    })

    it('moves planned → in progress → reported → concluded, refusing illegal steps with a code', async () => {
      let t = await newTopic(w)
      let r = await act(w.heping, t, 'conclude')
      expect(r.statusCode).toBe(409)
      expect(errorOf(r)).toMatchObject({
        code: 'research_illegal_transition',
        message: '课题当前为“计划中”，不能结题',
      })
      r = await act(w.heping, t, 'report', { summary: '摘要' })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('research_illegal_transition')

      r = await act(w.heping, t, 'start')
      expect(r.statusCode, r.body).toBe(200)
      t = r.json()
      expect(t).toMatchObject({ status: 'in_progress', allowedActions: ['report'] })
      r = await act(w.heping, t, 'report')
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields?.map((f) => f.field)).toEqual(['summary'])
      r = await act(w.heping, t, 'report', { summary: '调研发现……' })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('research_report_needs_visit')

      r = await visit(w.heping, t, w.schoolId, '2026-11-25')
      expect(r.statusCode, r.body).toBe(201)
      t = r.json()
      expect(t.visits).toMatchObject([
        { unitId: w.schoolId, county: '和平区', city: '示例市', visitedOn: '2026-11-25', voided: false },
      ])
      expect(t.citiesVisited.map((c) => c.name)).toEqual(['示例市'])
      expect(t.countiesVisited.map((c) => c.name)).toEqual(['和平区'])

      r = await act(w.heping, t, 'report', { summary: '调研发现课后服务质量参差不齐。', on: '2026-11-26' })
      expect(r.statusCode, r.body).toBe(200)
      t = r.json()
      expect(t).toMatchObject({
        status: 'reported',
        reportSummary: '调研发现课后服务质量参差不齐。',
        reportedOn: '2026-11-26',
        allowedActions: ['conclude', 'reopen'],
      })
      r = await visit(w.heping, t, w.schoolId)
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('research_visits_locked')

      r = await act(w.heping, t, 'reopen')
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields?.map((f) => f.field)).toEqual(['reason'])
      r = await act(w.heping, t, 'reopen', { reason: '报告需补充典型案例' })
      expect(r.statusCode).toBe(200)
      t = r.json()
      expect(t).toMatchObject({ status: 'in_progress', reportedOn: null })
      t = (await act(w.heping, t, 'report', { summary: '补充后的报告' })).json()
      r = await act(w.heping, t, 'conclude')
      expect(r.statusCode).toBe(200)
      t = r.json()
      expect(t).toMatchObject({ status: 'concluded', concludedOn: '2026-11-27', allowedActions: [] })
      expect(t.events.map((e) => e.action)).toEqual([
        'create',
        'start',
        'visit_add',
        'report',
        'reopen',
        'report',
        'conclude',
      ])

      r = await w.heping.patch(`/api/research/topics/${t.id}`, { version: t.version, title: '改名' })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('research_topic_closed')
      r = await act(w.heping, { id: t.id, version: t.version - 1 }, 'reopen', { reason: 'x' })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r)).toMatchObject({ code: 'conflict_version', currentVersion: t.version })
    })

    it('refuses a visit dated tomorrow in Shanghai, and takes it once the day has come', async () => {
      let t = await newTopic(w)
      let r = await visit(w.heping, t, w.schoolId, '2026-11-28')
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields).toEqual([{ field: 'visitedOn', message: '日期不能晚于今天' }])
      // 16:30 UTC on the 27th is 00:30 on the 28th in Shanghai.
      // (A session idles out after 8 hours: log in again on the moved clock.)
      h.clock.set('2026-11-27T16:30:00.000Z')
      r = await visit(await h.loginAs('county_heping'), t, w.schoolId, '2026-11-28')
      expect(r.statusCode, r.body).toBe(201)
      t = r.json()
      // The first visit starts a planned topic, on the visit's day.
      expect(t.status).toBe('in_progress')
      expect(t.events.find((e) => e.action === 'start')).toMatchObject({
        on: '2026-11-28',
        detail: { auto: true },
      })
    })

    it('takes visits only to places within a city or county, in scope; voids one with a reason', async () => {
      let t = await newTopic(w)
      const province = await h.root()
      let r = await visit(w.dept, t, province.id)
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields?.map((f) => f.field)).toEqual(['orgUnitId'])
      r = await visit(w.heping, t, w.shenheId)
      expect(r.statusCode).toBe(400)
      r = await visit(w.heping, t, w.hepingId)
      expect(r.statusCode).toBe(201)
      t = r.json()
      const id = t.visits[0]?.id as number
      r = await w.leader.post(`/api/research/visits/${id}/void`, { reason: '录入错误' })
      expect(r.statusCode).toBe(403)
      r = await w.shenhe.post(`/api/research/visits/${id}/void`, { reason: '录入错误' })
      expect(r.statusCode).toBe(404)
      r = await w.heping.post(`/api/research/visits/${id}/void`, { reason: '录入错误' })
      expect(r.statusCode).toBe(200)
      t = r.json()
      expect(t.visits[0]).toMatchObject({ voided: true, voidReason: '录入错误' })
      expect(t.visitCount).toBe(0)
      expect(t.countiesVisited).toEqual([])
    })

    it('keeps topics in the owner’s scope: another county gets 404, visited units do not widen it', async () => {
      let t = await newTopic(w)
      t = (await visit(w.heping, t, w.schoolId)).json()
      expect((await w.shenhe.get(`/api/research/topics/${t.id}`)).statusCode).toBe(404)
      // The visited school's own user sees nothing of the county's topic either.
      expect((await w.school.get(`/api/research/topics/${t.id}`)).statusCode).toBe(404)
      expect((await w.shenhe.patch(`/api/research/topics/${t.id}`, { version: t.version })).statusCode).toBe(
        404,
      )
      const list = (await w.shenhe.get(`/api/research/topics?campaignId=${w.campaign.id}`)).json()
      expect(list.items.map((x: TopicSummary) => x.id)).not.toContain(t.id)
      for (const c of [w.leader, w.dept, w.auditor])
        expect((await c.get(`/api/research/topics/${t.id}`)).statusCode).toBe(200)
      const asLeader = await getTopic(w.leader, t.id)
      expect(asLeader).toMatchObject({ canEdit: false, allowedActions: [], canConvert: false })
      // Permission before scope: a reader gets 403 on a write; an expert cannot even read.
      expect((await act(w.leader, t, 'report', { summary: 'x' })).statusCode).toBe(403)
      expect((await w.leader.post('/api/research/topics', topicBody(w))).statusCode).toBe(403)
      // Another county cannot file under this county's campaign (it does not see it).
      const other = await w.shenhe.post('/api/research/topics', topicBody(w, { plannedUnitIds: [] }))
      expect(errorOf(other).fields?.map((f) => f.field)).toEqual(['campaignId'])
      expect((await w.expert.get(`/api/research/topics/${t.id}`)).statusCode).toBe(403)
      expect((await w.expert.get('/api/research/topics')).statusCode).toBe(403)
      // A county cannot own a topic outside its subtree.
      const r = await w.heping.post('/api/research/topics', topicBody(w, { ownerUnitId: w.shenheId }))
      expect(errorOf(r).fields?.map((f) => f.field)).toEqual(['ownerUnitId'])
    })

    it('edits fields with a version, voids with a reason, and lists by filter', async () => {
      const t = await newTopic(w, { title: '学前教育普惠资源调研', aspectId: w.campaign.aspects[1]?.id })
      let r = await w.heping.patch(`/api/research/topics/${t.id}`, {
        version: t.version,
        title: '普惠性学前教育资源调研',
        plannedUnitIds: [w.hepingId, w.schoolId],
        leaderName: null,
      })
      expect(r.statusCode, r.body).toBe(200)
      const edited = r.json() as TopicDetail
      expect(edited).toMatchObject({
        title: '普惠性学前教育资源调研',
        leaderName: null,
        plannedUnits: [{ id: w.hepingId }, { id: w.schoolId }],
        version: t.version + 1,
      })
      r = await w.heping.patch(`/api/research/topics/${t.id}`, { version: t.version, title: 'x' })
      expect(r.statusCode).toBe(409)

      const byAspect = (await w.dept.get(`/api/research/topics?aspectId=${w.campaign.aspects[1]?.id}`)).json()
      expect(byAspect.items.map((x: TopicSummary) => x.id)).toEqual([t.id])
      const byText = (await w.heping.get(`/api/research/topics?q=${encodeURIComponent('普惠性')}`)).json()
      expect(byText.items.map((x: TopicSummary) => x.id)).toEqual([t.id])
      const byOwner = (
        await w.leader.get(`/api/research/topics?ownerUnitId=${w.shenheId}&pageSize=200`)
      ).json()
      expect(byOwner.items.every((x: TopicSummary) => x.ownerUnitId === w.shenheId)).toBe(true)
      const planned = (
        await w.heping.get(`/api/research/topics?status=planned&campaignId=${w.campaign.id}`)
      ).json()
      expect(planned.items.every((x: TopicSummary) => x.status === 'planned')).toBe(true)
      expect(planned.total).toBeGreaterThan(0)

      r = await w.heping.post(`/api/research/topics/${t.id}/void`, {
        version: edited.version,
        reason: '重复立项',
      })
      expect(r.statusCode).toBe(200)
      expect(r.json()).toMatchObject({ voided: true, voidReason: '重复立项', canEdit: false })
      const live = (await w.heping.get(`/api/research/topics?q=${encodeURIComponent('普惠性')}`)).json()
      expect(live.total).toBe(0)
      const all = (
        await w.heping.get(`/api/research/topics?includeVoided=true&q=${encodeURIComponent('普惠性')}`)
      ).json()
      expect(all.total).toBe(1)
      r = await w.heping.patch(`/api/research/topics/${t.id}`, { version: edited.version + 1, title: 'x' })
      expect(r.statusCode).toBe(404)
    })

    it('exports the filtered view with the import’s headers', async () => {
      const r = await w.heping.get(`/api/research/topics/export.xlsx?campaignId=${w.campaign.id}`)
      expect(r.statusCode).toBe(200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(new Uint8Array(r.rawPayload).buffer)
      const ws = wb.worksheets[0]
      const head = ((ws?.getRow(1).values ?? []) as unknown[]).slice(1, 11)
      expect(head).toEqual([
        '课题编号',
        '课题名称',
        '所属活动',
        '方面',
        '牵头单位',
        '牵头领导',
        '计划开始',
        '计划完成',
        '拟调研单位',
        '调研内容',
      ])
      const count = (await w.heping.get(`/api/research/topics?campaignId=${w.campaign.id}`)).json().total
      expect((ws?.rowCount ?? 0) - 1).toBe(count)
    })
  },
  { demo: 'city' },
)
