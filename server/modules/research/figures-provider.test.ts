/**
 * The research, supervision and rectification figures as the indicator registry reads them, on the
 * city demo: over every record (and `to` = today) the same numbers as each module's figures route;
 * a sub-range against direct counts; a county no more than the city; an empty range 0 or null.
 */
import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { type Client, forEachDatabase } from '../../../tests/harness.js'
import { todayInChina } from '../../context.js'
import { type FigureQuery, providerOf } from '../indicators/provider.js'
import { RECTIFICATION_INDICATORS } from '../rectification/figures-provider.js'
import type { EthicsFiguresView, FiguresView as ProblemFigures } from '../rectification/schema.js'
import { SUPERVISION_INDICATORS } from '../supervision/figures-provider.js'
import type { FiguresView as TaskFigures } from '../supervision/schema.js'
import { RESEARCH_INDICATORS } from './figures-provider.js'
import type { FiguresView } from './schema.js'

forEachDatabase(
  'research, supervision, rectification: figures providers',
  (h) => {
    let admin: Client
    let today: string
    let city: FigureQuery
    let county: FigureQuery

    const value = async (key: string, q: FigureQuery) => {
      const p = providerOf(key)
      if (!p) throw new Error(`no provider for ${key}`)
      return (await p.compute({ ...h.services, db: h.db }, key, q)).value
    }

    beforeAll(async () => {
      admin = await h.admin()
      today = todayInChina(h.services.now())
      const c = await h.db
        .selectFrom('org_units')
        .select(['id', 'path'])
        .where('kind', '=', 'city')
        .executeTakeFirstOrThrow()
      city = { from: '2000-01-01', to: today, orgUnitId: c.id, scopePath: c.path }
      // The county with the most problems, so that its figures are not all zero.
      const top = await h.db
        .selectFrom('rectification_problems as p')
        .innerJoin('org_units as u', (j) => j.on('u.kind', '=', 'county'))
        .where(sql<boolean>`p.scope_path like u.path || '%'`)
        .select(['u.id', 'u.path', sql<number>`count(*)`.as('n')])
        .groupBy(['u.id', 'u.path'])
        .orderBy(sql`count(*)`, 'desc')
        .executeTakeFirstOrThrow()
      county = { ...city, orgUnitId: top.id, scopePath: top.path }
    })

    it('registers each module under its own key', () => {
      for (const [module, defs] of [
        ['research', RESEARCH_INDICATORS],
        ['supervision', SUPERVISION_INDICATORS],
        ['rectification', RECTIFICATION_INDICATORS],
      ] as const)
        for (const d of defs) expect(providerOf(d.key)?.module).toBe(module)
    })

    it('research: equals the figures route over every topic, visit and finding', async () => {
      const f = (await admin.get('/api/research/figures')).json() as FiguresView
      expect(f.topics).toBeGreaterThan(0)
      const all = { ...city, to: '2099-12-31' }
      expect(await value('research.topics', all)).toBe(f.topics)
      expect(await value('research.aspects', all)).toBe(f.aspects)
      expect(await value('research.cities_visited', all)).toBe(f.citiesVisited)
      expect(await value('research.counties_visited', all)).toBe(f.countiesVisited)
      expect(await value('research.findings', all)).toBe(f.findings)
      expect(await value('research.findings_to_problems', all)).toBe(f.findingsConverted)
    })

    it('research: a range counts the visits and findings made in it', async () => {
      const v = await h.db
        .selectFrom('research_visits')
        .select(['visited_on'])
        .where('voided_at', 'is', null)
        .orderBy('visited_on')
        .execute()
      const mid = v[Math.floor(v.length / 2)]?.visited_on ?? today
      const q = { ...city, from: mid, to: today }
      const findings = await h.db
        .selectFrom('research_findings as f')
        .innerJoin('research_topics as t', 't.id', 'f.topic_id')
        .select(sql<number>`count(*)`.as('n'))
        .where('f.voided_at', 'is', null)
        .where('t.voided_at', 'is', null)
        .where('f.found_on', '>=', mid)
        .where('f.found_on', '<=', today)
        .executeTakeFirstOrThrow()
      expect(await value('research.findings', q)).toBe(Number(findings.n))
      const counties = (await value('research.counties_visited', q)) ?? 0
      expect(counties).toBeGreaterThan(0)
      expect(counties).toBeLessThanOrEqual((await value('research.counties_visited', city)) ?? 0)
      expect(await value('research.findings', { ...city, from: '1990-01-01', to: '1990-12-31' })).toBe(0)
    })

    it('supervision: equals the figures route with `to` today', async () => {
      const f = (await admin.get('/api/supervision/figures')).json() as TaskFigures
      expect(f.tasks).toBeGreaterThan(0)
      expect(f.overdueNow + f.done).toBeGreaterThan(0)
      const all = { ...city, to: today }
      expect(await value('supervision.tasks', all)).toBe(f.tasks)
      expect(await value('supervision.aspects', all)).toBe(f.aspects)
      expect(await value('supervision.tasks_done', all)).toBe(f.done)
      expect(await value('supervision.tasks_overdue', all)).toBe(f.overdueNow)
      expect(await value('supervision.on_time_rate', all)).toBeCloseTo((f.onTimeCompletionRate ?? 0) * 100, 6)
      // A `to` after today reads the stocks today: a deadline still ahead is not overdue yet.
      expect(await value('supervision.tasks_overdue', { ...city, to: '2099-12-31' })).toBe(f.overdueNow)
      expect(await value('supervision.tasks', { ...city, from: '1990-01-01', to: '1990-12-31' })).toBe(0)
      expect(
        await value('supervision.on_time_rate', { ...city, from: '1990-01-01', to: '1990-12-31' }),
      ).toBeNull()
      const inCounty = (await value('supervision.tasks', { ...county, to: today })) ?? 0
      expect(inCounty).toBeLessThanOrEqual(f.tasks)
    })

    it('rectification: equals the problem and ethics figures routes; a year maps to its range', async () => {
      const f = (await admin.get('/api/rectification/figures')).json() as ProblemFigures
      expect(f.found).toBeGreaterThan(0)
      const all = { ...city, to: '2099-12-31' }
      expect(await value('rectification.problems', all)).toBe(f.found)
      expect(await value('rectification.problems_signed_off', all)).toBe(f.signedOff)
      expect(await value('rectification.fixed_at_once', all)).toBe(f.fixAtOnce)
      expect(await value('rectification.rate', all)).toBeCloseTo((f.rate ?? 0) * 100, 1)

      const e = (await admin.get('/api/ethics/figures')).json() as EthicsFiguresView
      expect(e.cases).toBeGreaterThan(0)
      expect(await value('rectification.ethics_cases', all)).toBe(e.cases)
      expect(await value('rectification.ethics_published', all)).toBe(e.published)
      const year = Number(today.slice(0, 4)) - 1
      const y = (await admin.get(`/api/ethics/figures?year=${year}`)).json() as EthicsFiguresView
      const inYear = { ...city, from: `${year}-01-01`, to: `${year}-12-31` }
      expect(await value('rectification.ethics_cases', inYear)).toBe(y.cases)
      expect(await value('rectification.ethics_published', inYear)).toBe(y.published)
    })

    it('rectification: a county is its own subtree, an empty range has no rate', async () => {
      const all = { ...county, to: '2099-12-31' }
      const f = (
        await admin.get(`/api/rectification/figures?unitId=${county.orgUnitId}`)
      ).json() as ProblemFigures
      expect(f.found).toBeGreaterThan(0)
      expect(await value('rectification.problems', all)).toBe(f.found)
      expect(f.found).toBeLessThan(
        (await value('rectification.problems', { ...city, to: '2099-12-31' })) ?? 0,
      )
      const empty = { ...county, from: '1990-01-01', to: '1990-12-31' }
      expect(await value('rectification.problems', empty)).toBe(0)
      expect(await value('rectification.rate', empty)).toBeNull()
      for (const key of ['rectification.problems', 'research.topics', 'supervision.tasks']) {
        const p = providerOf(key)
        expect(await p?.changedAt({ ...h.services, db: h.db })).toMatch(/^\d{4}-\d\d-\d\dT/)
      }
    })
  },
  { demo: 'city' },
)
