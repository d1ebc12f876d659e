/**
 * The research figures on known values: a small tree of its own (city A with counties A1 and A2
 * and a school in A1; city B), visits to both counties of A, to the school in A1 and to city B
 * itself: 2 cities and 2 counties. Topics per aspect, by status, findings and conversions, and a
 * county that sees none of the topics counting none of them.
 */
import { beforeAll, expect, it } from 'vitest'
import { type Client, forEachDatabase } from '../../../tests/harness.js'
import { categoryIds } from '../rectification/testing.js'
import type { CampaignView } from '../supervision/schema.js'
import type { FiguresView, TopicDetail } from './schema.js'

forEachDatabase(
  'research: figures',
  (h) => {
    let dept: Client
    let countyA1: Client
    let camp: CampaignView
    const ids: Record<string, number> = {}

    beforeAll(async () => {
      const cityA = await h.buildCity({ name: '甲市' })
      const a1 = await h.buildCounty({ parentId: cityA.id, name: '甲一区' })
      const a2 = await h.buildCounty({ parentId: cityA.id, name: '甲二区' })
      const school = await h.buildSchool({ countyId: a1.id, name: '甲一区实验小学' })
      const cityB = await h.buildCity({ name: '乙市' })
      Object.assign(ids, { cityA: cityA.id, a1: a1.id, a2: a2.id, school: school.id, cityB: cityB.id })
      const d = await h.buildUser({ role: 'department' })
      dept = await h.loginAs(d.username, d.password)
      const c = await h.buildUser({ role: 'county', orgUnitId: a1.id })
      countyA1 = await h.loginAs(c.username, c.password)
      const r = await dept.post('/api/supervision/campaigns', {
        name: '全省调研活动',
        kind: 'theme',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        aspects: [{ name: '方面一' }, { name: '方面二' }, { name: '方面三' }],
      })
      expect(r.statusCode, r.body).toBe(201)
      camp = r.json()
    })

    const topic = async (aspect: number, title: string): Promise<TopicDetail> => {
      const r = await dept.post('/api/research/topics', {
        title,
        campaignId: camp.id,
        aspectId: camp.aspects[aspect]?.id,
        startsOn: '2026-03-01',
        endsOn: '2026-10-31',
      })
      expect(r.statusCode, r.body).toBe(201)
      return r.json()
    }
    const visitTo = async (t: TopicDetail, unitId: number) => {
      const r = await dept.post(`/api/research/topics/${t.id}/visits`, {
        visitedOn: '2026-05-10',
        orgUnitId: unitId,
      })
      expect(r.statusCode, r.body).toBe(201)
      return r.json() as TopicDetail
    }

    it('counts 2 cities and 2 counties for visits to two counties of A, a school in A1 and city B', async () => {
      const t1 = await topic(0, '县域义务教育均衡调研')
      await visitTo(t1, ids.a1 as number)
      await visitTo(t1, ids.a2 as number)
      const t2 = await topic(0, '课后服务调研')
      await visitTo(t2, ids.school as number)
      let t3 = await topic(2, '职业教育调研')
      t3 = await visitTo(t3, ids.cityB as number)
      await topic(2, '尚未开展的调研')

      const cats = await categoryIds(dept)
      const finding = async (t: TopicDetail, text: string) => {
        const r = await dept.post(`/api/research/topics/${t.id}/findings`, {
          text,
          categoryId: Object.values(cats)[0],
          responsibleUnitId: ids.a1,
        })
        expect(r.statusCode, r.body).toBe(201)
        return r.json() as TopicDetail
      }
      await finding(t1, '校际差异系数偏大')
      const withTwo = await finding(t1, '教师交流轮岗比例偏低')
      const f = withTwo.findings[1]
      expect(
        (await dept.post(`/api/research/findings/${f?.id}/to-problem`, { version: f?.version })).statusCode,
      ).toBe(201)
      t3 = (
        await dept.post(`/api/research/topics/${t3.id}/actions`, {
          version: t3.version,
          action: 'report',
          summary: '报告',
        })
      ).json()

      const r = await dept.get(`/api/research/figures?campaignId=${camp.id}`)
      expect(r.statusCode, r.body).toBe(200)
      const fig = r.json() as FiguresView
      expect(fig).toMatchObject({
        campaignId: camp.id,
        campaign: '全省调研活动',
        asOf: '2026-11-27',
        topics: 4,
        aspects: 3,
        aspectsWithTopics: 2,
        byStatus: { planned: 1, in_progress: 2, reported: 1, concluded: 0 },
        reports: 1,
        visits: 4,
        citiesVisited: 2,
        countiesVisited: 2,
        findings: 2,
        findingsConverted: 1,
        conversionRate: 0.5,
      })
      expect(fig.byAspect.map((a) => [a.label, a.value])).toEqual([
        ['方面一', 2],
        ['方面二', 0],
        ['方面三', 2],
      ])
      expect(fig.cities).toEqual([
        { key: String(ids.cityA), label: '甲市', value: 3 },
        { key: String(ids.cityB), label: '乙市', value: 1 },
      ])
      expect(fig.counties.map((c) => [c.label, c.value])).toEqual([
        ['甲一区', 2],
        ['甲二区', 1],
      ])
    })

    it('leaves out voided visits and topics, and what the viewer cannot see', async () => {
      const t = await topic(1, '将作废的调研')
      const v = await visitTo(t, ids.cityB as number)
      const before = (await dept.get(`/api/research/figures?campaignId=${camp.id}`)).json() as FiguresView
      expect(before).toMatchObject({ topics: 5, visits: 5, citiesVisited: 2, aspectsWithTopics: 3 })
      await dept.post(`/api/research/visits/${v.visits[0]?.id}/void`, { reason: '录入错误' })
      await dept.post(`/api/research/topics/${t.id}/void`, { version: v.version, reason: '重复' })
      const after = (await dept.get(`/api/research/figures?campaignId=${camp.id}`)).json() as FiguresView
      expect(after).toMatchObject({
        topics: 4,
        visits: 4,
        citiesVisited: 2,
        countiesVisited: 2,
        aspectsWithTopics: 2,
      })
      // A county below the campaign's unit sees the campaign but none of the province's topics.
      const mine = (await countyA1.get(`/api/research/figures?campaignId=${camp.id}`)).json() as FiguresView
      expect(mine).toMatchObject({ topics: 0, visits: 0, citiesVisited: 0, countiesVisited: 0, findings: 0 })
      expect(mine.conversionRate).toBeNull()
    })
  },
  { demo: 'city' },
)
