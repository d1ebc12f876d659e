/**
 * The petition figures as the indicator registry reads them, on the city demo with the small test
 * ledger: the same numbers as the module's own figures route when `from` = cut-off and `to` = as-of,
 * direct counts for the range-only figures, smaller values for a county, nothing for an empty
 * range; and every registered key belongs to its provider and is unique.
 */
import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { type Client, forEachDatabase, TEST_DEMO_PETITIONS } from '../../../tests/harness.js'
import { todayInChina } from '../../context.js'
import { type FigureQuery, figureProviders, providerOf } from '../indicators/provider.js'
import { PETITION_INDICATORS } from './figures-provider.js'
import type { FiguresView } from './schema.js'

forEachDatabase(
  'petitions: figures provider',
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
    const direct = async (scopePath: string, from: string, to: string) => {
      const r = await h.db
        .selectFrom('petition_cases')
        .select(sql<number>`count(*)`.as('n'))
        .where('scope_path', 'like', `${scopePath}%`)
        .where('voided_at', 'is', null)
        .where('received_on', '>=', from)
        .where('received_on', '<=', to)
        .executeTakeFirstOrThrow()
      return Number(r.n)
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
      // The county with the most cases, so that its figures are not all zero.
      const top = await h.db
        .selectFrom('petition_cases')
        .innerJoin('org_units as u', 'u.id', 'petition_cases.county_id')
        .select(['u.id', 'u.path', sql<number>`count(*)`.as('n')])
        .groupBy(['u.id', 'u.path'])
        .orderBy(sql`count(*)`, 'desc')
        .executeTakeFirstOrThrow()
      county = { ...city, orgUnitId: top.id, scopePath: top.path }
    })

    it('registers every key under its module, each key once across all providers', () => {
      const keys = figureProviders().flatMap((p) => p.indicators.map((d) => d.key))
      expect(new Set(keys).size).toBe(keys.length)
      for (const p of figureProviders())
        for (const d of p.indicators) expect(d.key.startsWith(`${p.module}.`)).toBe(true)
      for (const d of PETITION_INDICATORS) expect(providerOf(d.key)?.module).toBe('petitions')
      expect(PETITION_INDICATORS).toHaveLength(15)
    })

    it('equals the figures route over the whole ledger (cut-off before the first case, as-of today)', async () => {
      const f = (
        await admin.get(`/api/petitions/figures?cutoff=2000-01-01&asOf=${today}`)
      ).json() as FiguresView
      expect(f.newReceived).toBeGreaterThan(50)
      expect(await value('petitions.stock_at_cutoff', city)).toBe(0)
      expect(await value('petitions.new_received', city)).toBe(f.newReceived)
      expect(await value('petitions.new_resolved', city)).toBe(f.newResolved)
      expect(await value('petitions.open_now', city)).toBe(f.openNow)
      expect(await value('petitions.backlog', city)).toBe(f.backlog)
      // A `to` after today counts open cases and backlog today, not a projection.
      expect(await value('petitions.backlog', { ...city, to: '2099-12-31' })).toBe(f.backlog)
      expect(await value('petitions.open_now', { ...city, to: '2099-12-31' })).toBe(f.openNow)
      expect(await value('petitions.repeat_petitions', city)).toBe(f.repeatCases)
      expect(await value('petitions.categories_in_use', city)).toBe(f.categoriesUsed)
      expect(await value('petitions.demands_in_use', city)).toBe(f.demandsUsed)
      expect(await value('petitions.since_year', city)).toBe(f.firstYear)
      // The route rounds its fractions to four places; the indicator is a percentage.
      const pct = async (key: string, rate: number | null) => {
        expect(rate).not.toBeNull()
        expect(await value(key, city)).toBeCloseTo((rate ?? 0) * 100, 1)
      }
      await pct('petitions.on_time_notice_rate', f.onTimeNoticeRate)
      await pct('petitions.on_time_handling_rate', f.onTimeHandlingRate)
      await pct('petitions.satisfaction_rate', f.satisfaction.rate)
      // Every registration counts in `received`, repeats too.
      expect(await value('petitions.received', city)).toBe(f.newReceived + f.repeatCases)
      expect(await value('petitions.received', city)).toBe(await direct(city.scopePath, '2000-01-01', today))
    })

    it('maps `from` to the cut-off and `to` to the as-of day', async () => {
      const cutoff = `${today.slice(0, 4)}-03-01`
      const asOf = `${today.slice(0, 4)}-10-31`
      const f = (
        await admin.get(`/api/petitions/figures?cutoff=${cutoff}&asOf=${asOf}`)
      ).json() as FiguresView
      const q = { ...city, from: cutoff, to: asOf }
      expect(f.stockAtCutoff).toBeGreaterThan(0)
      expect(await value('petitions.stock_at_cutoff', q)).toBe(f.stockAtCutoff)
      expect(await value('petitions.stock_resolved', q)).toBe(f.stockResolved)
      expect(await value('petitions.stock_resolution_rate', q)).toBeCloseTo(
        (f.stockResolvedRate ?? 0) * 100,
        1,
      )
      expect(await value('petitions.new_received', q)).toBe(f.newReceived)
      expect(await value('petitions.new_resolved', q)).toBe(f.newResolved)
      expect(await value('petitions.open_now', q)).toBe(f.openNow)
      expect(await value('petitions.backlog', q)).toBe(f.backlog)
    })

    it('counts a county subtree alone, no more than the city', async () => {
      const inCounty = await direct(county.scopePath, '2000-01-01', today)
      expect(inCounty).toBeGreaterThan(0)
      expect(await value('petitions.received', county)).toBe(inCounty)
      expect(inCounty).toBeLessThan(await direct(city.scopePath, '2000-01-01', today))
      for (const key of ['petitions.new_received', 'petitions.open_now', 'petitions.categories_in_use']) {
        const c = await value(key, county)
        expect(c).not.toBeNull()
        expect(c).toBeLessThanOrEqual((await value(key, city)) ?? 0)
      }
    })

    it('gives 0 for counts and null for rates in a range without cases', async () => {
      const empty = { ...city, from: '1990-01-01', to: '1990-12-31' }
      for (const key of [
        'petitions.received',
        'petitions.new_received',
        'petitions.open_now',
        'petitions.backlog',
      ])
        expect(await value(key, empty)).toBe(0)
      for (const key of [
        'petitions.stock_resolution_rate',
        'petitions.on_time_notice_rate',
        'petitions.on_time_handling_rate',
        'petitions.satisfaction_rate',
        'petitions.since_year',
      ])
        expect(await value(key, empty)).toBeNull()
      const p = providerOf('petitions.received')
      expect(await p?.changedAt({ ...h.services, db: h.db })).toMatch(/^\d{4}-\d\d-\d\dT/)
    })
  },
  { demo: 'city', petitions: TEST_DEMO_PETITIONS },
)
