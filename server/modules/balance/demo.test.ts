/**
 * The city demo's balance data: rows for every school for last year and this year, counties whose
 * composite rose (the seed's finding) among most that pass, one that fails, and the warning list.
 */
import { expect, it } from 'vitest'
import { forEachDatabase } from '../../../tests/harness.js'
import type { CoefficientsView } from './coefficient-schema.js'

forEachDatabase(
  'balance: demo data',
  (h) => {
    it('has both years, a few rising counties, most passing, one failing', async () => {
      const years = await h.db
        .selectFrom('balance_school_resources')
        .select(['year', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('year')
        .orderBy('year')
        .execute()
      expect(years.map((y) => [y.year, Number(y.n) > 400])).toEqual([
        [2025, true],
        [2026, true],
      ])
      const leader = await h.loginAs('leader')
      const started = performance.now()
      const v = (await leader.get('/api/balance/coefficients?year=2026')).json() as CoefficientsView
      expect(performance.now() - started).toBeLessThan(1000)
      expect(v.summary.counties).toBe(10)
      expect(v.summary.rose).toBeGreaterThanOrEqual(1)
      expect(v.summary.rose).toBeLessThanOrEqual(6)
      expect(v.summary.failing2017).toBeGreaterThanOrEqual(1)
      expect(v.summary.failing2017).toBeLessThanOrEqual(2)
      expect(v.summary.failingComposite).toBeLessThanOrEqual(2)
      const warnings = (await leader.get('/api/balance/warnings?year=2026')).json() as { items: unknown[] }
      expect(warnings.items.length).toBe(v.counties.filter((c) => c.rose).length)
      // Teaching points under 50 pupils are left out by their tag.
      const county = v.counties[0]
      const d = (await leader.get(`/api/balance/counties/${county?.countyId}?year=2026`)).json() as {
        excluded: { reason: string }[]
      }
      expect(d.excluded.every((e) => e.reason === '不足50人的教学点')).toBe(true)
      const p = (await leader.get('/api/balance/preschool?year=2026')).json() as {
        total: { coverage: number }
      }
      expect(p.total.coverage).toBeGreaterThan(50)
      expect(p.total.coverage).toBeLessThan(100)
    })
  },
  { demo: 'city' },
)
