/**
 * The research demo on the city demo (loaded by the demo loader): 48 topics over 12 aspects in
 * one campaign, visits across the city's districts, reports with files, findings of which some
 * are the rectification demo's research problems; nothing happens after today or out of order;
 * the plan is the same for the same seed, ten times larger for the province; loading twice adds
 * nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { regionOf } from '../../../domain/research/regions.js'
import { type Client, forEachDatabase } from '../../../tests/harness.js'
import { todayInChina } from '../../context.js'
import { generateOrgTree } from '../../demo/org-tree.js'
import { loadResearchDemo } from './demo.js'
import { type DemoUnit, planResearchDemo } from './demo-plan.js'
import { DEMO_RESEARCH_CAMPAIGN } from './demo-texts.js'
import type { FiguresView, TopicDetail, TopicSummary } from './schema.js'

forEachDatabase(
  'research demo',
  (h) => {
    let leader: Client
    let campaignId: number
    let today: string
    beforeAll(async () => {
      today = todayInChina(h.services.now())
      leader = await h.loginAs('leader')
      const c = await h.db
        .selectFrom('supervision_campaigns')
        .select('id')
        .where('name', '=', DEMO_RESEARCH_CAMPAIGN)
        .executeTakeFirstOrThrow()
      campaignId = c.id
    })

    it('has 48 topics over 12 aspects, visits across the districts, reports and converted findings', async () => {
      const f = (await leader.get(`/api/research/figures?campaignId=${campaignId}`)).json() as FiguresView
      expect(f).toMatchObject({ topics: 48, aspects: 12, aspectsWithTopics: 12, citiesVisited: 1 })
      expect(f.byAspect.every((a) => a.value === 4)).toBe(true)
      expect(f.countiesVisited).toBeGreaterThanOrEqual(8)
      expect(f.visits).toBeGreaterThan(48)
      expect(f.reports).toBeGreaterThan(5)
      for (const n of Object.values(f.byStatus)) expect(n).toBeGreaterThan(0)
      expect(f.findings).toBeGreaterThan(20)
      expect(f.findingsConverted).toBeGreaterThan(3)
      expect(f.findingsConverted).toBeLessThanOrEqual(12)
    })

    it('keeps every date in order and nothing after today', async () => {
      const topics = await h.db
        .selectFrom('research_topics')
        .selectAll()
        .where('campaign_id', '=', campaignId)
        .execute()
      const visits = await h.db.selectFrom('research_visits').selectAll().execute()
      const findings = await h.db.selectFrom('research_findings').selectAll().execute()
      for (const t of topics) {
        const mine = visits.filter((v) => v.topic_id === t.id).map((v) => v.visited_on)
        expect(t.starts_on <= t.ends_on).toBe(true)
        if (t.status === 'planned') expect(mine).toEqual([])
        else expect(mine.length).toBeGreaterThan(0)
        for (const on of mine) {
          expect(on >= t.starts_on && on <= today).toBe(true)
          if (t.reported_on) expect(on <= t.reported_on).toBe(true)
        }
        expect(t.reported_on !== null).toBe(t.status === 'reported' || t.status === 'concluded')
        expect(t.report_summary !== null).toBe(t.reported_on !== null)
        if (t.concluded_on)
          expect(t.concluded_on >= (t.reported_on as string) && t.concluded_on <= today).toBe(true)
        for (const f of findings.filter((x) => x.topic_id === t.id)) {
          expect(f.found_on <= today && f.found_on >= (mine.sort()[0] as string)).toBe(true)
          if (t.concluded_on) expect(f.found_on <= t.concluded_on).toBe(true)
        }
      }
    })

    it('links converted findings to research problems, once each, shown on the topic', async () => {
      const linked = await h.db
        .selectFrom('research_findings as f')
        .innerJoin('rectification_problems as p', 'p.id', 'f.problem_id')
        .select(['f.topic_id', 'f.text', 'p.description', 'p.source', 'p.code'])
        .execute()
      expect(linked.length).toBeGreaterThan(3)
      for (const l of linked) expect(l).toMatchObject({ source: 'research_finding', text: l.description })
      // Each came from where the topic went: its county was visited, or its department owns the topic.
      const units = await h.db.selectFrom('org_units').select(['id', 'kind', 'path']).execute()
      const kinds = new Map(units.map((u) => [u.id, u.kind]))
      const county = (id: number) => {
        const u = units.find((x) => x.id === id)
        return u ? regionOf(u, (x) => kinds.get(x)).countyId : null
      }
      const rows = await h.db
        .selectFrom('research_findings as f')
        .innerJoin('research_topics as t', 't.id', 'f.topic_id')
        .select(['f.topic_id', 'f.responsible_unit_id', 't.owner_unit_id'])
        .where('f.problem_id', 'is not', null)
        .execute()
      for (const r of rows) {
        const visited = await h.db
          .selectFrom('research_visits')
          .select('org_unit_id')
          .where('topic_id', '=', r.topic_id)
          .execute()
        const c = county(r.responsible_unit_id)
        if (c === null) expect(r.owner_unit_id).toBe(r.responsible_unit_id)
        else expect(visited.map((v) => county(v.org_unit_id))).toContain(c)
      }
      const t = (await leader.get(`/api/research/topics/${linked[0]?.topic_id}`)).json() as TopicDetail
      expect(t.findings.some((f) => f.problem?.code === linked[0]?.code)).toBe(true)
      expect(t.convertedCount).toBeGreaterThan(0)
    })

    it('gives some reports their file, which downloads intact', async () => {
      const list = (
        await leader.get(`/api/research/topics?campaignId=${campaignId}&status=concluded&pageSize=200`)
      ).json().items as TopicSummary[]
      let files = 0
      for (const s of list) {
        const t = (await leader.get(`/api/research/topics/${s.id}`)).json() as TopicDetail
        expect(t.reportSummary).toBeTruthy()
        for (const a of t.attachments) {
          files++
          const r = await leader.get(`/api/attachments/${a.id}`)
          expect(r.statusCode).toBe(200)
          expect(r.headers['x-content-sha256']).toBe(a.sha256)
        }
      }
      expect(files).toBeGreaterThan(0)
    })

    it('loads once: a second load adds nothing', async () => {
      const r = await loadResearchDemo(h.services, { seed: 1, scale: 'city', today })
      expect(r).toMatchObject({ skipped: true, campaignId })
    })
  },
  { demo: 'city' },
)

describe('research demo plan', () => {
  const unitsOf = (scale: 'city' | 'province'): DemoUnit[] => {
    const ids = new Map<string, number>()
    return generateOrgTree({ scale, seed: 7 }).map((u, i) => {
      ids.set(u.ref, i + 1)
      return {
        id: i + 1,
        parentId: u.parentRef ? (ids.get(u.parentRef) ?? null) : null,
        kind: u.kind,
        name: u.name,
        shortName: u.shortName,
      }
    })
  }
  const opts = { seed: 7, scale: 'city', today: '2026-11-27' } as const

  it('is the same for the same seed and differs for another', () => {
    const units = unitsOf('city')
    expect(planResearchDemo(units, opts, 6)).toEqual(planResearchDemo(units, opts, 6))
    expect(planResearchDemo(units, { ...opts, seed: 8 }, 6)).not.toEqual(planResearchDemo(units, opts, 6))
  })

  it('is ten city batches for the province, with unique codes and titles', () => {
    const units = unitsOf('province')
    const plan = planResearchDemo(units, { ...opts, scale: 'province' }, 6)
    expect(plan.topics).toHaveLength(480)
    expect(new Set(plan.topics.map((t) => t.code)).size).toBe(480)
    expect(new Set(plan.topics.map((t) => t.title)).size).toBe(480)
    expect(units.find((u) => u.id === plan.ownerUnitId)?.kind).toBe('province')
    const owners = new Set(plan.topics.map((t) => units.find((u) => u.id === t.ownerUnitId)?.parentId))
    expect(owners.size).toBeGreaterThanOrEqual(10)
  })
})
