/**
 * The named figures of teacher ethics on hand-worked numbers: five cases at a new school (one
 * voided), published in two years; the year's figures equal that year's row; scope and roles.
 */
import { beforeAll, expect, it } from 'vitest'
import { type Client, forEachDatabase } from '../../../tests/harness.js'
import type { OrgUnit } from '../org/schema.js'
import type { EthicsCaseDetail, EthicsFiguresView } from './schema.js'
import { violationTypeIds } from './testing.js'

forEachDatabase(
  'teacher-ethics figures',
  (h) => {
    let county: Client
    let school: OrgUnit
    let types: Record<string, number>
    beforeAll(async () => {
      county = await h.loginAs('county_heping')
      types = await violationTypeIds(county)
      school = await h.buildSchool({ countyId: (await h.unitByName('和平区')).id, name: '和平区数字小学' })
      const register = async (occurredOn: string, type: string, handling: string, published: boolean) => {
        const r = await county.post('/api/ethics/cases', {
          teacherName: '钱七',
          schoolId: school.id,
          occurredOn,
          violationTypeId: types[type],
          finding: '钱七违反师德规范。',
          handling,
          published,
        })
        expect(r.statusCode, r.body).toBe(201)
        return r.json() as EthicsCaseDetail
      }
      // Published today (2026-11-27) unless moved back below.
      const a = await register('2025-03-01', '有偿补课', 'warning', true)
      await register('2025-05-01', '体罚学生', 'demerit', false)
      await register('2025-12-01', '有偿补课', 'demerit', true)
      await register('2026-02-01', '其他', 'dismissal', true)
      const voided = await register('2026-03-01', '有偿补课', 'warning', true)
      const v = await county.post(`/api/ethics/cases/${voided.id}/void`, {
        version: voided.version,
        reason: '重复',
      })
      expect(v.statusCode, v.body).toBe(200)
      // Case a was published in 2025.
      await h.db
        .updateTable('ethics_cases')
        .set({ published_on: '2025-06-01' })
        .where('id', '=', a.id)
        .execute()
    })

    const figures = async (query: string, as = county) => {
      const r = await as.get(`/api/ethics/figures?${query}`)
      expect(r.statusCode, r.body).toBe(200)
      return r.json() as EthicsFiguresView
    }
    const values = (items: { label: string; value: number }[]) =>
      Object.fromEntries(items.filter((i) => i.value > 0).map((i) => [i.label, i.value]))

    it('counts the live cases of a unit: by type, by handling, published, by year', async () => {
      const f = await figures(`unitId=${school.id}`)
      expect(f).toMatchObject({
        unitId: school.id,
        unit: '和平区数字小学',
        year: null,
        cases: 4,
        published: 3,
      })
      expect(values(f.byViolationType)).toEqual({ 有偿补课: 2, 体罚学生: 1, 其他: 1 })
      // Every type and every handling is listed, zeros too, so reports and charts keep their order.
      expect(f.byViolationType.map((t) => t.label)).toEqual([
        '有偿补课',
        '体罚学生',
        '收受礼品礼金',
        '学术不端',
        '不当言论',
        '其他',
      ])
      expect(f.byHandling.map((x) => [x.key, x.label, x.value])).toEqual([
        ['warning', '警告', 1],
        ['demerit', '记过', 2],
        ['demotion', '降级', 0],
        ['dismissal', '开除', 1],
        ['other', '其他处理', 0],
      ])
      expect(f.byYear).toEqual([
        { year: 2025, cases: 3, published: 1 },
        { year: 2026, cases: 1, published: 2 },
      ])
    })

    it('gives a year the cases that happened in it and the cases published in it, as its row says', async () => {
      const y2025 = await figures(`unitId=${school.id}&year=2025`)
      expect(y2025).toMatchObject({ year: 2025, cases: 3, published: 1 })
      expect(values(y2025.byViolationType)).toEqual({ 有偿补课: 2, 体罚学生: 1 })
      expect(values(y2025.byHandling)).toEqual({ 警告: 1, 记过: 2 })
      const y2026 = await figures(`unitId=${school.id}&year=2026`)
      expect(y2026).toMatchObject({ cases: 1, published: 2 })
      expect(values(y2026.byHandling)).toEqual({ 开除: 1 })
      expect(await figures(`unitId=${school.id}&year=2024`)).toMatchObject({ cases: 0, published: 0 })
      const en = await county.get(`/api/ethics/figures?unitId=${school.id}`, { 'x-lang': 'en' })
      expect((en.json() as EthicsFiguresView).byHandling[0]?.label).toBe('Warning')
    })

    it('adds up the whole scope, and keeps other scopes and other roles out', async () => {
      const all = await figures('')
      expect(all.cases).toBeGreaterThanOrEqual(4)
      expect(all.cases).toBe(all.byYear.reduce((n, y) => n + y.cases, 0))
      expect(all.published).toBe(all.byYear.reduce((n, y) => n + y.published, 0))
      const leader = await figures('', await h.loginAs('leader'))
      expect(leader.cases).toBeGreaterThanOrEqual(all.cases)
      const shenhe = await h.unitByName('沈河区')
      expect((await county.get(`/api/ethics/figures?unitId=${shenhe.id}`)).statusCode).toBe(404)
      expect((await (await h.loginAs('school_demo')).get('/api/ethics/figures')).statusCode).toBe(403)
      expect((await h.anonymous().get('/api/ethics/figures')).statusCode).toBe(401)
      expect((await county.get('/api/ethics/figures?year=abc')).statusCode).toBe(400)
    })
  },
  { demo: 'city' },
)
