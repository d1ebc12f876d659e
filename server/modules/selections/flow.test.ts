/**
 * A selection from start to finish through the API, on the city demo and the fixed clock
 * (Friday 2026-11-27): open → three units apply (one by its county) → conflicts excluded and
 * recorded → experts score → the tie rule on known numbers → decide → returned, decided again →
 * approved → public notice (5 working days: ends Thursday 12-03) → objection → answer → final →
 * figures, and the certificate list as .xlsx and .docx.
 */
import ExcelJS from 'exceljs'
import { beforeAll, expect, it } from 'vitest'
import { errorOf, forEachDatabase } from '../../../tests/harness.js'
import { providerOf } from '../indicators/provider.js'
import {
  act,
  applyAndSubmit,
  newRubric,
  ok,
  openProgramme,
  poolExpert,
  programme,
  score,
  setUpWorld,
  type World,
} from './testing.js'

forEachDatabase(
  'selections: the whole flow',
  (h) => {
    let w: World
    beforeAll(async () => {
      w = await setUpWorld(h, 4)
    })

    it('runs open → apply → assign → score → decide → approve → notice → objection → final → figures', async () => {
      const rubric = await newRubric(w)
      let p = await openProgramme(w, rubric.id)
      expect(p).toMatchObject({ status: 'open', viewerRole: 'overseer', allowedActions: ['close'] })
      expect(ok(await w.school.get(`/api/selections/programmes/${p.id}`))).toMatchObject({
        viewerRole: 'applicant',
        canApply: true,
        applications: null,
      })

      // Submitting without the required material is refused, naming it.
      const draft = ok(
        await w.school.post(`/api/selections/programmes/${p.id}/applications`, { title: '草稿' }),
        201,
      )
      let r = await w.school.post(`/api/selections/applications/${draft.id}/submit`, {
        version: draft.version,
      })
      expect(r.statusCode).toBe(400)
      expect(errorOf(r)).toMatchObject({
        code: 'selection_incomplete',
        message: '申报材料不齐全，缺少：申报书',
      })
      expect(errorOf(r).fields).toEqual([{ field: 'materials.0', message: '请上传“申报书”' }])
      ok(
        await w.school.post(`/api/selections/applications/${draft.id}/withdraw`, {
          version: draft.version,
          reason: '重新申报',
        }),
      )

      const [s1, s2] = w.schools
      const A = await applyAndSubmit(w.school, p.id, {
        title: '示范学院A',
        field: '创新创业',
        form: { people: '7' },
      })
      const B = await applyAndSubmit(w.heping, p.id, {
        unitId: s1?.id,
        title: '示范学院B',
        field: '创新创业',
        form: { people: '12' },
      })
      const C = await applyAndSubmit(w.heping, p.id, {
        unitId: s2?.id,
        title: '示范学院C',
        field: '创新创业',
      })
      r = await w.heping.post(`/api/selections/programmes/${p.id}/applications`, {
        unitId: s1?.id,
        title: '再报',
      })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('selection_already_applied')

      // Four experts: one works at the school of A (same unit), one declared a conflict with B.
      const [x1, x2, x3, x4] = w.experts
      const e1 = await poolExpert(w, x1?.userId as number, { unitId: w.schoolId })
      const e2 = await poolExpert(w, x2?.userId as number, { conflictUnitIds: [s1?.id] })
      await poolExpert(w, x3?.userId as number, { unitName: '东北大学' })
      await poolExpert(w, x4?.userId as number, { unitName: '辽宁大学' })

      p = ok(await act(w.dept, await programme(w.dept, p.id), 'close'))
      expect(p.status).toBe('reviewing')
      let summary = ok(
        await w.dept.post(`/api/selections/programmes/${p.id}/assign`, { version: p.version, seed: 42 }),
      )
      expect(summary.assignSeed).toBe(42)
      const panel = (id: number) =>
        summary.rows.find((x: { applicationId: number }) => x.applicationId === id)
      expect(panel(A.id).experts.map((e: { expertId: number }) => e.expertId)).not.toContain(e1.id)
      expect(panel(B.id).experts.map((e: { expertId: number }) => e.expertId)).not.toContain(e2.id)
      for (const app of [A, B, C]) expect(panel(app.id).experts).toHaveLength(2)
      expect(summary.exclusions).toEqual([
        expect.objectContaining({
          applicationId: A.id,
          expertId: e1.id,
          reason: 'same_unit',
          source: 'random',
        }),
        expect.objectContaining({
          applicationId: B.id,
          expertId: e2.id,
          reason: 'declared',
          source: 'random',
        }),
      ])
      // By hand, the conflicted expert is refused with the reason.
      r = await w.dept.post(`/api/selections/applications/${A.id}/experts`, { expertId: e1.id })
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields).toEqual([
        { field: 'expertId', message: '该专家与申报单位为同一单位，应当回避' },
      ])

      // Scores: A and B both 82 (B has 40 on 办学条件, the heaviest criterion; A 32); C 46.
      const sheets: Record<number, Record<string, number>> = {
        [A.id]: { space: 8, teachers: 4, outcomes: 30, cooperation: 80 },
        [B.id]: { space: 10, teachers: 5, outcomes: 22, cooperation: 80 },
        [C.id]: { space: 4, teachers: 2, outcomes: 20, cooperation: 40 },
      }
      for (const x of w.experts) {
        for (const rv of ok(await x.client.get('/api/selections/reviews')).items) {
          const done = await score(x.client, rv.id, sheets[rv.applicationId] as Record<string, number>)
          expect(done).toMatchObject({
            status: 'submitted',
            runningTotal: { [A.id]: 82, [B.id]: 82, [C.id]: 46 }[rv.applicationId],
          })
        }
      }
      p = await programme(w.dept, p.id)
      expect(p).toMatchObject({ status: 'scored', allowedActions: ['decide'] })
      summary = ok(await w.dept.get(`/api/selections/programmes/${p.id}/summary`))
      expect(panel(A.id)).toMatchObject({ totals: [82, 82], score: 82, dispersed: false, notSubmitted: [] })

      const ranking = ok(await w.dept.get(`/api/selections/programmes/${p.id}/ranking`))
      expect(
        ranking.rows.map((x: { applicationId: number; rank: number; heaviest: number; outcome: string }) => [
          x.applicationId,
          x.rank,
          x.heaviest,
          x.outcome,
        ]),
      ).toEqual([
        [B.id, 1, 40, 'selected'],
        [A.id, 2, 32, 'selected'],
        [C.id, 3, 16, 'not_selected'],
      ])

      p = ok(await act(w.dept, p, 'decide'))
      expect(p).toMatchObject({ status: 'decided', decisionNo: 1, allowedActions: [] })
      expect(ok(await w.leader.get(`/api/selections/programmes/${p.id}`)).allowedActions).toEqual([
        'approve',
        'return',
      ])
      r = await act(w.leader, p, 'return')
      expect(errorOf(r).fields).toEqual([{ field: 'reason', message: '请填写退回原因' }])
      p = ok(await act(w.leader, p, 'return', { reason: '请复核C的评分' }))
      expect(p).toMatchObject({ status: 'scored', returnReason: '请复核C的评分' })
      p = ok(await act(w.dept, p, 'decide'))
      expect(p.decisionNo).toBe(2)
      p = ok(await act(w.leader, p, 'approve'))
      expect(p).toMatchObject({ status: 'approved', approvedOn: '2026-11-27' })

      // The school sees the list only once the notice is published.
      expect((await w.school.get(`/api/selections/programmes/${p.id}/ranking`)).statusCode).toBe(404)
      p = ok(await act(w.dept, p, 'publish'))
      expect(p.notice).toEqual({ publishedOn: '2026-11-27', endsOn: '2026-12-03', state: 'open' })
      const listed = ok(await w.school.get(`/api/selections/programmes/${p.id}/ranking`))
      expect(listed.rows.map((x: { unit: string }) => x.unit)).toEqual([s1?.name, A.unit])

      const objected = ok(
        await w.school.post(`/api/selections/programmes/${p.id}/objections`, {
          text: 'B的实训场地面积有误',
          applicationId: B.id,
        }),
        201,
      )
      expect(objected.objections).toMatchObject([{ text: 'B的实训场地面积有误', answer: null }])
      r = await act(w.dept, p, 'finalise')
      expect(r.statusCode).toBe(409)
      expect(errorOf(r)).toMatchObject({
        code: 'selection_notice_running',
        message: '公示期至 2026-12-03 结束，期满后方可确定名单',
      })

      // A week later (sessions idle out after 8 hours: sign in again).
      h.clock.set('2026-12-04T02:00:00.000Z')
      w.dept = await h.loginAs('dept_gaojiao')
      w.heping = await h.loginAs('county_heping')
      r = await w.heping.post(`/api/selections/programmes/${p.id}/objections`, { text: '逾期异议' })
      expect(r.statusCode).toBe(400)
      expect(errorOf(r)).toMatchObject({
        code: 'selection_notice_closed',
        message: '公示期已于 2026-12-03 结束，不能再提出异议',
      })
      r = await act(w.dept, await programme(w.dept, p.id), 'finalise')
      expect(errorOf(r).code).toBe('selection_objections_open')
      const o = (await programme(w.dept, p.id)).objections[0]
      ok(
        await w.dept.post(`/api/selections/objections/${o.id}/answer`, {
          version: o.version,
          answer: '经核实，材料无误',
          upheld: false,
        }),
      )
      p = ok(await act(w.dept, await programme(w.dept, p.id), 'finalise'))
      expect(p).toMatchObject({ status: 'final', finalisedOn: '2026-12-04' })

      // Figures: 2 selected, 7 + 12 people recommended, one programme, in December in 示例市.
      const city = await h.unitByName('示例市')
      const q = { from: '2026-12-01', to: '2026-12-31', orgUnitId: city.id, scopePath: city.path }
      const fig = async (key: string, qq = q) => (await providerOf(key)?.compute(h.services, key, qq))?.value
      expect(await fig('selections.selected')).toBe(2)
      expect(await fig('selections.recommended_people')).toBe(19)
      expect(await fig('selections.programmes')).toBeGreaterThanOrEqual(1)
      expect(await fig('selections.selected', { ...q, from: '2026-11-01', to: '2026-11-30' })).toBe(0)
      // The programme's own indicators, declared from the data, through the registry and a template.
      const own = await w.dept.get(`/api/indicators/selections.programme_${p.id}.listed/figure?period=2026`)
      expect(own.statusCode, own.body).toBe(200)
      expect(own.json()).toMatchObject({ figure: { value: 2 } })
      const people = await w.dept.get(
        `/api/indicators/selections.programme_${p.id}.people/figure?period=2026`,
      )
      expect(people.json()).toMatchObject({ figure: { value: 19 } })
      const preview = await w.dept.post('/api/reports/preview', {
        source: `{% assign us = "selections.programme_${p.id}.listed" | items %}{{ us | size }}：{{ us | join: "、" }}`,
        period: '2026',
      })
      expect(preview.statusCode, preview.body).toBe(200)
      expect((preview.json() as { html: string }).html).toMatch(/2：[^<]+、[^<]+/)

      // The certificate list.
      const xlsx = await w.dept.get(`/api/selections/programmes/${p.id}/results.xlsx`)
      expect(xlsx.statusCode).toBe(200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
      const rows = wb.worksheets[0]
        ?.getSheetValues()
        .slice(2)
        .map((row) => (row as unknown[]).slice(1, 4))
      expect(rows).toEqual([
        [1, s1?.name, '示范学院B'],
        [2, A.unit, '示范学院A'],
      ])
      const docx = await w.dept.get(`/api/selections/programmes/${p.id}/results.docx`)
      expect(docx.statusCode).toBe(200)
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK')
      const events = ok(await w.dept.get(`/api/selections/programmes/${p.id}/events`)).items.map(
        (e: { action: string }) => e.action,
      )
      expect(events).toEqual(
        expect.arrayContaining([
          'create',
          'open',
          'apply',
          'assign',
          'all_scored',
          'decide',
          'return',
          'approve',
          'publish',
          'objection',
          'finalise',
        ]),
      )
    })
  },
  { demo: 'city' },
)
