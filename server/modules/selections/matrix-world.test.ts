/** The matrix fixtures build on the city demo, and each hands the matrix what its row needs. */
import { expect, it } from 'vitest'
import { forEachDatabase } from '../../../tests/harness.js'
import { selectionsWorld } from './matrix-world.js'

forEachDatabase(
  'selections: matrix fixtures',
  (h) => {
    it('builds the world: a notice open today, an assignment of expert_demo, fresh records', async () => {
      const w = await selectionsWorld(h.services)
      const dept = await h.loginAs('dept_gaojiao')
      const p = (await dept.get(`/api/selections/programmes/${w.selNotice}`)).json()
      expect(p).toMatchObject({ status: 'notice', notice: { state: 'open' } })
      const expert = await h.loginAs('expert_demo')
      expect((await expert.get(`/api/selections/reviews/${w.selReview}`)).statusCode).toBe(200)
      const a = await w.freshSelAssignment(true)
      const r = await expert.post(`/api/selections/reviews/${a.id}/submit`, { version: a.version })
      expect(r.statusCode, r.body).toBe(200)
      const o = await w.freshSelObjection()
      const answered = await dept.post(`/api/selections/objections/${o.id}/answer`, {
        version: o.version,
        answer: '已核实',
      })
      expect(answered.statusCode, answered.body).toBe(200)
      expect((await w.freshSelExpert()).id).toBeGreaterThan(0)
      expect((await dept.get(`/api/selections/programmes/${w.selFinal}/results.xlsx`)).statusCode).toBe(200)
    })
  },
  { demo: 'city' },
)
