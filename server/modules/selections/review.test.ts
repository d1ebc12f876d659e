/**
 * Expert review through the API: the trimmed mean of five experts on known totals, and who sees
 * what — an expert only his assignments and never another's scores, blind review hiding the
 * applicant and the file names, a unit only its own applications, experts kept out of the rest.
 */
import { beforeAll, expect, it } from 'vitest'
import { errorOf, forEachDatabase } from '../../../tests/harness.js'
import {
  act,
  applyAndSubmit,
  expertClient,
  newRubric,
  ONE_LEAF,
  ok,
  openProgramme,
  poolExpert,
  programme,
  setUpWorld,
  type World,
} from './testing.js'

forEachDatabase(
  'selections: review and visibility',
  (h) => {
    let w: World
    beforeAll(async () => {
      w = await setUpWorld(h, 5)
      for (const x of w.experts) await poolExpert(w, x.userId, { unitName: '东北大学' })
    })

    /** One application of the school's, five experts, blind or not; returns ids. */
    async function reviewed(extra: Record<string, unknown>) {
      const rubric = await newRubric(w, ONE_LEAF, '综合评价细则')
      let p = await openProgramme(w, rubric.id, { expertsPerApplication: 5, ...extra })
      const a = await applyAndSubmit(
        w.school,
        p.id,
        { title: '学校申报', field: '创新创业' },
        '和平区某小学申报书.pdf',
      )
      const other = await applyAndSubmit(w.heping, p.id, {
        unitId: w.schools[0]?.id,
        title: '他校申报',
        field: '创新创业',
      })
      p = ok(await act(w.dept, await programme(w.dept, p.id), 'close'))
      ok(await w.dept.post(`/api/selections/programmes/${p.id}/assign`, { version: p.version, seed: 7 }))
      const mine = async (i: number, appId: number) =>
        ok(await expertClient(w, i).get('/api/selections/reviews')).items.find(
          (x: { applicationId: number }) => x.applicationId === appId,
        )
      return { p, a, other, mine }
    }

    it('aggregates five experts by the trimmed mean: 88 92 75 90 85 → 87.67, spread 17 flagged', async () => {
      const { p, a, mine } = await reviewed({ aggregation: 'trimmed_mean', dispersionMargin: 15 })
      const totals = [88, 92, 75, 90, 85]
      for (const [i, t] of totals.entries()) {
        const rv = await mine(i, a.id)
        const saved = ok(
          await expertClient(w, i).put(`/api/selections/reviews/${rv.id}`, {
            version: rv.version,
            scores: { overall: t },
          }),
        )
        expect(saved.runningTotal).toBe(t)
        ok(
          await expertClient(w, i).post(`/api/selections/reviews/${rv.id}/submit`, {
            version: saved.version,
          }),
        )
      }
      const row = ok(await w.dept.get(`/api/selections/programmes/${p.id}/summary`)).rows.find(
        (r: { applicationId: number }) => r.applicationId === a.id,
      )
      // Totals come in the draw's order; the dropped ones are the 92 and the 75 wherever they are.
      expect([...row.totals].sort()).toEqual([75, 85, 88, 90, 92])
      expect(row).toMatchObject({ score: 87.67, method: 'trimmed_mean', spread: 17, dispersed: true })
      expect(row.dropped.map((i: number) => row.totals[i]).sort()).toEqual([75, 92])
      // After submitting, his scores are frozen.
      const rv = await mine(0, a.id)
      const r = await expertClient(w, 0).put(`/api/selections/reviews/${rv.id}`, {
        version: rv.version,
        scores: { overall: 10 },
      })
      expect(r?.statusCode).toBe(409)
      expect(errorOf(r as never).code).toBe('selection_review_submitted')
    })

    it('shows an expert only his assignments, never the others’ scores; blind review hides the applicant', async () => {
      const { a, other, mine } = await reviewed({ blind: true })
      const x0 = w.experts[0]?.client
      const x1 = w.experts[1]?.client
      if (!x0 || !x1) throw new Error('no experts')
      const rv0 = await mine(0, a.id)
      const rv1 = await mine(1, a.id)
      ok(
        await x1.put(`/api/selections/reviews/${rv1.id}`, {
          version: rv1.version,
          scores: { overall: 61 },
          comment: '秘密评语',
        }),
      )
      // Another expert's assignment is 404, and nothing of his shows in my view.
      expect((await x0.get(`/api/selections/reviews/${rv1.id}`)).statusCode).toBe(404)
      const view = await x0.get(`/api/selections/reviews/${rv0.id}`)
      expect(view.body).not.toContain('秘密评语')
      const v = view.json()
      expect(v).toMatchObject({
        blind: true,
        applicant: null,
        title: '学校申报',
        scores: {},
        runningTotal: 0,
        missing: ['overall'],
      })
      expect(view.body).not.toContain('和平区某小学')
      expect(v.materials[0].files[0].filename).toBeNull()
      // Submit needs every leaf, naming the missing one.
      let r = await x0.post(`/api/selections/reviews/${rv0.id}/submit`, { version: v.version })
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields).toEqual([{ field: 'scores.overall', message: '请为“综合评价”评分' }])
      r = await x0.put(`/api/selections/reviews/${rv0.id}`, { version: v.version, scores: { overall: 101 } })
      expect(errorOf(r).fields).toEqual([
        { field: 'scores.overall', message: '“综合评价”的评分不能超过 100' },
      ])
      // The assigned expert downloads the material; an outsider may not.
      const fileId = v.materials[0].files[0].id
      const dl = await x0.get(`/api/attachments/${fileId}`)
      expect(dl.statusCode).toBe(200)
      // Blind review: the download is named after the file's id, not the name the school gave it.
      const disposition = decodeURIComponent(String(dl.headers['content-disposition']))
      expect(disposition).toContain(`材料${fileId}`)
      expect(disposition).not.toContain('和平区')
      const outsider = await h.loginAs('expert_demo')
      expect((await outsider.get(`/api/attachments/${fileId}`)).statusCode).toBe(404)
      const theirs = ok(await outsider.get('/api/selections/reviews')).items
      expect(theirs.filter((x: { programmeId: number }) => x.programmeId === a.programmeId)).toEqual([])
      expect((await outsider.get(`/api/selections/reviews/${rv0.id}`)).statusCode).toBe(404)
      // Experts have no way into programmes or applications.
      expect((await x0.get('/api/selections/programmes')).statusCode).toBe(403)
      expect((await x0.get(`/api/selections/applications/${a.id}`)).statusCode).toBe(403)
      // Not blind: the applicant is named.
      const open = await reviewed({ blind: false })
      expect((await open.mine(0, open.a.id)).applicant).toBe(open.a.unit)
      // A unit sees its own applications only; its county sees its schools'.
      expect((await w.school.get(`/api/selections/applications/${other.id}`)).statusCode).toBe(404)
      const listed = ok(await w.school.get(`/api/selections/applications?programmeId=${a.programmeId}`)).items
      expect(listed.map((x: { id: number }) => x.id)).toEqual([a.id])
      const county = ok(await w.heping.get(`/api/selections/applications?programmeId=${a.programmeId}`)).items
      expect(county.map((x: { id: number }) => x.id).sort()).toEqual([a.id, other.id].sort())
      // Summary and ranking are the overseers'.
      expect((await w.school.get(`/api/selections/programmes/${a.programmeId}/summary`)).statusCode).toBe(404)
      expect((await w.auditor.get(`/api/selections/programmes/${a.programmeId}/summary`)).statusCode).toBe(
        200,
      )
    })
  },
  { demo: 'city' },
)
