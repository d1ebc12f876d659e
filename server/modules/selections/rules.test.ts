/**
 * The rules around a programme: rubric checks naming the path, copy-and-revise keeping the version
 * a programme used, programme and application checks by field, eligibility and the window, stale
 * versions, and the public notice counted on the calendar over a holiday an admin sets.
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
  programmeBody,
  RUBRIC,
  score,
  setUpWorld,
  type World,
} from './testing.js'

forEachDatabase(
  'selections: rules',
  (h) => {
    let w: World
    beforeAll(async () => {
      w = await setUpWorld(h, 1)
    })

    it('checks rubrics by path, and revises by copying (the programme keeps its version)', async () => {
      const r = await w.dept.post('/api/selections/rubrics', {
        name: '坏细则',
        criteria: [
          {
            key: 'a',
            title: 'A',
            weight: 60,
            children: [{ key: 'b', title: 'B', weight: 50, maxScore: 10 }],
          },
          { key: 'c', title: 'C', weight: 30 },
        ],
      })
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields).toEqual([
        { field: 'criteria', message: '评审细则“/”下各项分值之和应为 100，现为 90' },
        { field: 'criteria/a', message: '评审细则“/a”下各项分值之和应为 60，现为 50' },
        { field: 'criteria/c', message: '末级指标“/c”须填写评分满分' },
      ])
      const v1 = await newRubric(w, RUBRIC, '示范性普通高中评估细则')
      const p = ok(await w.dept.post('/api/selections/programmes', programmeBody(v1.id)), 201)
      const v2 = ok(
        await w.dept.post(`/api/selections/rubrics/${v1.id}/revise`, {
          name: '示范性普通高中评估细则（修订）',
          criteria: ONE_LEAF,
        }),
        201,
      )
      expect(v2).toMatchObject({ basedOn: v1.id, revision: 2, leafCount: 1 })
      expect(ok(await w.dept.get(`/api/selections/rubrics/${v1.id}`))).toMatchObject({
        revision: 1,
        leafCount: 4,
        usedBy: 1,
      })
      expect((await programme(w.dept, p.id)).rubric).toMatchObject({ id: v1.id, revision: 1 })
      expect(
        (await w.school.post('/api/selections/rubrics', { name: 'x', criteria: ONE_LEAF })).statusCode,
      ).toBe(403)
    })

    it('refuses bad programmes and applications by field, outside the window and out of turn', async () => {
      const rubric = await newRubric(w, ONE_LEAF)
      let r = await w.dept.post(
        '/api/selections/programmes',
        programmeBody(rubric.id, {
          kind: 'accreditation',
          quota: null,
          opensOn: '2026-12-01',
          closesOn: '2026-11-01',
          passMark: 120,
        }),
      )
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields?.map((f) => f.field)).toEqual(['closesOn', 'passMark'])
      r = await w.dept.post('/api/selections/programmes', programmeBody(rubric.id, { quota: null }))
      expect(errorOf(r).fields).toEqual([{ field: 'quota', message: '遴选项目须填写名额' }])

      const draft = ok(
        await w.dept.post(
          '/api/selections/programmes',
          programmeBody(rubric.id, { eligibleKinds: ['university'] }),
        ),
        201,
      )
      // A draft is invisible below, and takes no applications.
      expect((await w.school.get(`/api/selections/programmes/${draft.id}`)).statusCode).toBe(404)
      const opened = ok(await act(w.dept, draft, 'open'))
      expect((await act(w.dept, draft, 'close')).statusCode).toBe(409) // stale version
      r = await w.school.post(`/api/selections/programmes/${opened.id}/applications`, { title: '小学申报' })
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields?.[0]?.field).toBe('unitId')
      r = await w.school.post(`/api/selections/programmes/${opened.id}/applications`, {
        title: 'x',
        unitId: w.schools[0]?.id,
      })
      expect(errorOf(r).fields).toEqual([{ field: 'unitId', message: '所选单位不在您的管辖范围内' }])

      const later = await openProgramme(w, rubric.id, { opensOn: '2026-12-01', closesOn: '2026-12-20' })
      r = await w.school.post(`/api/selections/programmes/${later.id}/applications`, { title: '过早' })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).message).toBe('不在申报时间内（2026-12-01 至 2026-12-20）')
      expect((await act(w.dept, later, 'decide')).statusCode).toBe(409)
      expect((await act(w.leader, later, 'approve')).statusCode).toBe(409)
      expect((await act(w.school, later, 'close')).statusCode).toBe(403)
    })

    it('ends a 5-working-day notice published on Friday 11-27 on 12-03, or 12-04 when Monday 11-30 is a holiday', async () => {
      const rubric = await newRubric(w, ONE_LEAF)
      await poolExpert(w, w.experts[0]?.userId as number)
      const make = async () => {
        let p = await openProgramme(w, rubric.id, { expertsPerApplication: 1 })
        await applyAndSubmit(w.school, p.id, { title: '公示测试', field: '创新创业' })
        p = ok(await act(w.dept, await programme(w.dept, p.id), 'close'))
        ok(await w.dept.post(`/api/selections/programmes/${p.id}/assign`, { version: p.version, seed: 1 }))
        for (const rv of ok(await expertClient(w, 0).get('/api/selections/reviews')).items)
          if (rv.programmeId === p.id) await score(expertClient(w, 0), rv.id, { overall: 90 })
        p = ok(await act(w.dept, await programme(w.dept, p.id), 'decide'))
        p = ok(await act(w.leader, p, 'approve'))
        return ok(await act(w.dept, p, 'publish', { on: '2026-11-27' }))
      }
      expect((await make()).notice).toMatchObject({ publishedOn: '2026-11-27', endsOn: '2026-12-03' })
      const r = await w.admin.post('/api/calendar/overrides', {
        date: '2026-11-30',
        kind: 'holiday',
        name: '测试假日',
      })
      expect(r.statusCode, r.body).toBe(200)
      expect((await make()).notice).toMatchObject({ publishedOn: '2026-11-27', endsOn: '2026-12-04' })
    })
  },
  { demo: 'city' },
)
