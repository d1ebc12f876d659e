/**
 * The rectification figures on hand-worked numbers. A county of its own (so demo data, if any,
 * stays out of the counts), two schools, problems in every state, one campaign filtered in and
 * one out, a voided problem, and measures due before, on and after today (2026-11-27):
 *
 *   problem  unit     source             category  fix  status      overdue measures
 *   P1       county   self_review        思想观念   -    signed_off  0
 *   P2       county   self_review        工作作风   ✓    rectified   0
 *   P3       county   inspection         思想观念   -    rectifying  1 (11-01, doing) + 1 done late
 *   P4       school1  inspection         办学条件   -    open        2 (10-31, 11-26)
 *   P5       school1  research_finding   办学条件   ✓    signed_off  0
 *   P6       school2  public_feedback    教育质量   -    voided      (1, not counted)
 *   P7       school2  public_feedback    教育质量   -    rectifying  0 (due today)
 *   P8       school1  self_review        思想观念   -    open        other campaign: 1
 *
 * Campaign "FIG": found 6, open 1, rectifying 2, rectified 1, signed off 2, completed 3,
 * rate 2/6 = 0.3333, completion 3/6 = 0.5, fix-at-once 2, overdue measures 3.
 */
import { beforeAll, expect, it } from 'vitest'
import { type Client, forEachDatabase } from '../../../tests/harness.js'
import type { FiguresView, ProblemDetail } from './schema.js'
import { categoryIds, TINY_PDF, uploadFile } from './testing.js'

const CAMPAIGN = '图表核算专项'

forEachDatabase(
  'rectification figures',
  (h) => {
    let figures: FiguresView
    let all: FiguresView
    let ids: { county: number; s1: number; s2: number }
    let county: Client

    beforeAll(async () => {
      const city = await h.unitByName('示例市')
      const unit = await h.buildCounty({ parentId: city.id, name: '核算区' })
      const s1 = await h.buildSchool({ countyId: unit.id, name: '核算区第一小学' })
      const s2 = await h.buildSchool({ countyId: unit.id, name: '核算区第二小学' })
      ids = { county: unit.id, s1: s1.id, s2: s2.id }
      const u = await h.buildUser({ role: 'county', orgUnitId: unit.id })
      county = await h.loginAs(u.username, u.password)
      const leader = await h.loginAs('leader')
      const cats = await categoryIds(county)

      const make = async (o: {
        unit: number
        source: string
        category: string
        fix?: boolean
        campaign?: string
        measures: { deadline: string; done?: boolean }[]
      }) => {
        const r = await county.post('/api/rectification/problems', {
          description: `核算问题${Math.random()}`,
          source: o.source,
          categoryId: cats[o.category],
          campaign: o.campaign ?? CAMPAIGN,
          responsibleUnitId: o.unit,
          foundOn: '2026-06-01',
          fixAtOnce: o.fix ?? false,
          measures: o.measures.map((m, i) => ({ content: `措施${i + 1}`, deadline: m.deadline })),
        })
        expect(r.statusCode, r.body).toBe(201)
        let d = r.json() as ProblemDetail
        for (const [i, m] of o.measures.entries()) {
          if (!m.done) continue
          const mm = d.measures[i]
          d = (
            await county.patch(`/api/rectification/problems/${d.id}/measures/${mm?.id}`, {
              version: mm?.version,
              status: 'done',
            })
          ).json()
        }
        return d
      }
      const act = async (d: ProblemDetail, action: string, reason?: string) => {
        const r = await county.post(`/api/rectification/problems/${d.id}/actions`, {
          version: d.version,
          action,
          ...(reason ? { reason } : {}),
        })
        expect(r.statusCode, r.body).toBe(200)
        return r.json() as ProblemDetail
      }
      const signOff = async (d: ProblemDetail) => {
        d = await act(await act(d, 'start'), 'complete')
        d = (
          await uploadFile(county, `/api/rectification/problems/${d.id}/evidence`, 'a.pdf', TINY_PDF)
        ).json()
        const r = await leader.post(`/api/rectification/problems/${d.id}/signoff`, { version: d.version })
        expect(r.statusCode, r.body).toBe(200)
      }

      // Past deadlines but done: not overdue.
      await signOff(
        await make({
          unit: unit.id,
          source: 'self_review',
          category: '思想观念',
          measures: [{ deadline: '2026-10-01', done: true }],
        }),
      )
      await act(
        await act(
          await make({
            unit: unit.id,
            source: 'self_review',
            category: '工作作风',
            fix: true,
            measures: [{ deadline: '2026-12-01', done: true }],
          }),
          'start',
        ),
        'complete',
      )
      await act(
        await make({
          unit: unit.id,
          source: 'inspection',
          category: '思想观念',
          measures: [{ deadline: '2026-11-01' }, { deadline: '2026-11-20', done: true }],
        }),
        'start',
      )
      await make({
        unit: s1.id,
        source: 'inspection',
        category: '办学条件',
        measures: [{ deadline: '2026-10-31' }, { deadline: '2026-11-26' }],
      })
      await signOff(
        await make({
          unit: s1.id,
          source: 'research_finding',
          category: '办学条件',
          fix: true,
          measures: [{ deadline: '2026-11-30', done: true }],
        }),
      )
      await act(
        await make({
          unit: s2.id,
          source: 'public_feedback',
          category: '教育质量',
          measures: [{ deadline: '2026-09-01' }],
        }),
        'void',
        '重复录入',
      )
      await act(
        await make({
          unit: s2.id,
          source: 'public_feedback',
          category: '教育质量',
          measures: [{ deadline: '2026-11-27' }],
        }),
        'start',
      )
      await make({
        unit: s1.id,
        source: 'self_review',
        category: '思想观念',
        campaign: '另一专项',
        measures: [{ deadline: '2026-01-01' }],
      })

      const r = await leader.get(
        `/api/rectification/figures?unitId=${unit.id}&campaign=${encodeURIComponent(CAMPAIGN)}`,
      )
      expect(r.statusCode, r.body).toBe(200)
      figures = r.json()
      all = (await county.get('/api/rectification/figures')).json()
    })

    it('counts the campaign’s live problems, rates and overdue measures as worked by hand', () => {
      expect(figures).toMatchObject({
        asOf: '2026-11-27',
        unitId: ids.county,
        unit: '核算区',
        campaign: CAMPAIGN,
        found: 6,
        open: 1,
        rectifying: 2,
        rectified: 1,
        signedOff: 2,
        completed: 3,
        fixAtOnce: 2,
        overdueMeasures: 3,
        rate: 0.3333,
        completionRate: 0.5,
      })
    })

    it('breaks the figures down by source, by category and by unit', () => {
      const pick = (rows: FiguresView['bySource']) =>
        Object.fromEntries(
          rows.map((r) => [r.label, [r.found, r.signedOff, r.completed, r.overdueMeasures, r.rate]]),
        )
      expect(pick(figures.bySource)).toEqual({
        自我检视: [2, 1, 2, 0, 0.5],
        调研发现: [1, 1, 1, 0, 1],
        督导检查: [2, 0, 0, 3, 0],
        群众反映: [1, 0, 0, 0, 0],
      })
      expect(figures.bySource.map((r) => r.key)).toEqual([
        'self_review',
        'research_finding',
        'inspection',
        'public_feedback',
      ])
      expect(pick(figures.byCategory)).toEqual({
        思想观念: [2, 1, 1, 1, 0.5],
        工作作风: [1, 0, 1, 0, 0],
        办学条件: [2, 1, 1, 2, 0.5],
        教育质量: [1, 0, 0, 0, 0],
      })
      expect(
        figures.byUnit.map((r) => [r.unitId, r.label, r.found, r.signedOff, r.overdueMeasures, r.fixAtOnce]),
      ).toEqual([
        [ids.county, '核算区（本级）', 3, 1, 1, 1],
        [ids.s1, '核算区第一小学', 2, 1, 2, 1],
        [ids.s2, '核算区第二小学', 1, 0, 0, 0],
      ])
    })

    it('without the campaign filter counts every live problem in the actor’s scope', () => {
      expect(all).toMatchObject({ found: 7, open: 2, signedOff: 2, overdueMeasures: 4, rate: 0.2857 })
      expect(all.unitId).toBeNull()
      // The county user's own unit is the root: its schools are the rows.
      expect(all.byUnit.map((r) => r.label)).toEqual(['核算区（本级）', '核算区第一小学', '核算区第二小学'])
    })

    it('breaks them down by campaign, and by month found and signed off', () => {
      expect(all.byCampaign.map((r) => [r.label, r.found, r.signedOff, r.rate])).toEqual([
        ['另一专项', 1, 0, 0],
        [CAMPAIGN, 6, 2, 0.3333],
      ])
      // Twelve months ending with the fixed clock's; every problem here was found on 2026-06-01 and
      // the two sign-offs happened on the fixed clock's day.
      expect(all.byMonth).toHaveLength(12)
      expect(all.byMonth[0]?.month).toBe('2025-12')
      expect(all.byMonth.at(-1)).toEqual({ month: '2026-11', found: 0, signedOff: 2 })
      expect(all.byMonth.find((m) => m.month === '2026-06')).toEqual({
        month: '2026-06',
        found: 7,
        signedOff: 0,
      })
    })

    it('lists overdue problems on request', async () => {
      const r = await county.get(
        `/api/rectification/problems?overdue=true&campaign=${encodeURIComponent(CAMPAIGN)}`,
      )
      const items = r.json().items as { measuresOverdue: number; status: string }[]
      expect(items.map((p) => [p.status, p.measuresOverdue]).sort()).toEqual([
        ['open', 2],
        ['rectifying', 1],
      ])
    })
  },
  { demo: 'city' },
)
