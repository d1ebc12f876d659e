/**
 * The selections demo on the city demo (seed 1, today 2026-11-27): the three programmes of the
 * seed with their states, the revised rubric, the pool, expert_demo's blind sheets still to do,
 * lists that follow the rules (quota, pass mark), figures, and a second load changing nothing.
 */
import { expect, it } from 'vitest'
import { type Client, DEMO_PASSWORD, forEachDatabase } from '../../../tests/harness.js'
import { providerOf } from '../indicators/provider.js'
import { loadSelectionsDemo } from './demo.js'
import { ok } from './testing.js'

forEachDatabase(
  'selections: demo',
  (h) => {
    it('loads the innovation colleges (final), the craftsman bases (final) and the high-school accreditation (in review)', async () => {
      const dept = await h.loginAs('dept_gaojiao')
      const items = ok(await dept.get('/api/selections/programmes')).items as {
        id: number
        name: string
        status: string
        quota: number | null
        passMark: number | null
        blind: boolean
        rubric: { revision: number }
        applications: { submitted: number }
      }[]
      const by = (name: string) => items.find((p) => p.name.includes(name))
      const innovation = by('创新创业学院')
      const craftsman = by('未来工匠')
      const high = by('普通高中')
      expect(innovation).toMatchObject({ status: 'final', quota: 12, applications: { submitted: 18 } })
      expect(craftsman).toMatchObject({ status: 'final', quota: 10, applications: { submitted: 14 } })
      expect(high).toMatchObject({ status: 'reviewing', passMark: 85, blind: true, rubric: { revision: 2 } })

      const ranking = ok(await dept.get(`/api/selections/programmes/${innovation?.id}/ranking`))
      const selected = ranking.rows.filter((r: { outcome: string }) => r.outcome === 'selected')
      expect(selected.length).toBeGreaterThanOrEqual(11)
      expect(selected.length).toBeLessThanOrEqual(12)
      expect(ranking.rows.every((r: { experts: number }) => r.experts >= 4)).toBe(true)
      const summary = ok(await dept.get(`/api/selections/programmes/${innovation?.id}/summary`))
      // The two pool experts from 示例师范大学 and 示例理工大学 stood aside for their own universities.
      expect(summary.exclusions.map((x: { reason: string }) => x.reason)).toEqual(['same_unit', 'same_unit'])

      const expert = await h.loginAs('expert_demo', DEMO_PASSWORD)
      const all = ok(await expert.get('/api/selections/reviews')).items
      const mine = all.filter((r: { programmeId: number }) => r.programmeId === high?.id)
      expect(mine.length).toBeGreaterThan(0)
      expect(
        mine.every(
          (r: { blind: boolean; applicant: string | null; status: string }) =>
            r.blind && r.applicant === null && r.status === 'assigned',
        ),
      ).toBe(true)

      const city = await h.unitByName('示例市')
      const q = { from: '2026-01-01', to: '2026-12-31', orgUnitId: city.id, scopePath: city.path }
      const fig = async (key: string) => (await providerOf(key)?.compute(h.services, key, q))?.value
      expect(await fig('selections.programmes')).toBe(2)
      expect(await fig('selections.selected')).toBe(
        selected.length + (await craftsmanSelected(dept, craftsman?.id as number)),
      )
      expect(await fig('selections.passed')).toBe(0)
      expect(await fig('selections.recommended_people')).toBeGreaterThan(10 * 6 - 1)

      const before = await h.db
        .selectFrom('selection_applications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
      await loadSelectionsDemo(h.services, { seed: 1, scale: 'city', today: '2026-11-27' })
      const after = await h.db
        .selectFrom('selection_applications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
      expect(Number(after?.n)).toBe(Number(before?.n))
    })
  },
  { demo: 'city' },
)

async function craftsmanSelected(c: Client, id: number) {
  const r = ok(await c.get(`/api/selections/programmes/${id}/ranking`))
  return r.rows.filter((x: { outcome: string }) => x.outcome === 'selected').length
}
