/**
 * Findings and the report's files, through the API on the city demo: a finding becomes a
 * rectification problem in one step (source 调研发现, linked both ways, a second conversion 409,
 * two racing conversions make one problem), findings follow the topic's life, and the report's
 * files go through the shared attachments (upload, download by a reader, void, refused types).
 */
import { beforeAll, expect, it } from 'vitest'
import { errorOf, forEachDatabase } from '../../../tests/harness.js'
import { TINY_PDF, uploadFile } from '../rectification/testing.js'
import type { TopicDetail } from './schema.js'
import { act, getTopic, newTopic, setUpWorld, topicWithFinding, visit, type World } from './testing.js'

forEachDatabase(
  'research: findings and report files',
  (h) => {
    let w: World
    beforeAll(async () => {
      w = await setUpWorld(h, '调研问题测试活动')
    })

    it('turns a finding into a rectification problem once, linked both ways', async () => {
      const t = await topicWithFinding(w, '部分学校课后服务课程单一，学生选择余地小')
      const f = t.findings[0]
      expect(f).toMatchObject({ responsibleUnitId: w.schoolId, problem: null, foundOn: '2026-11-20' })
      expect(f?.category).not.toBe('')
      let r = await w.heping.post(`/api/research/findings/${f?.id}/to-problem`, { version: f?.version })
      expect(r.statusCode, r.body).toBe(201)
      const after = r.json() as TopicDetail
      const linked = after.findings[0]
      expect(linked?.problem).toMatchObject({ status: 'open', voided: false })
      expect(linked?.problem?.code).toMatch(/^ZG2026\d{5}$/)
      expect(linked?.convertedBy).toBeTruthy()
      expect(after.convertedCount).toBe(1)
      expect(after.events.at(-1)).toMatchObject({ action: 'finding_to_problem' })

      // The problem, in the rectification ledger: source research, the topic's campaign.
      r = await w.heping.get(`/api/rectification/problems/${linked?.problem?.id}`)
      expect(r.statusCode).toBe(200)
      expect(r.json()).toMatchObject({
        code: linked?.problem?.code,
        source: 'research_finding',
        description: '部分学校课后服务课程单一，学生选择余地小',
        campaign: w.campaign.name,
        campaignId: w.campaign.id,
        responsibleUnitId: w.schoolId,
        categoryId: f?.categoryId,
        foundOn: '2026-11-20',
        status: 'open',
      })
      // …and back from the problem to the finding and its topic.
      r = await w.leader.get(`/api/research/problems/${linked?.problem?.id}/source`)
      expect(r.json()).toEqual({
        problemId: linked?.problem?.id,
        findingId: f?.id,
        findingText: f?.text,
        topicId: t.id,
        topicCode: t.code,
        topicTitle: t.title,
      })
      expect((await w.shenhe.get(`/api/research/problems/${linked?.problem?.id}/source`)).statusCode).toBe(
        404,
      )

      // Once only; and a converted finding no longer changes.
      r = await w.heping.post(`/api/research/findings/${f?.id}/to-problem`, { version: linked?.version })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('research_finding_converted')
      r = await w.heping.post(`/api/research/findings/${f?.id}/void`, {
        version: linked?.version,
        reason: 'x',
      })
      expect(r.statusCode).toBe(409)
      r = await w.heping.patch(`/api/research/findings/${f?.id}`, { version: linked?.version, text: 'x' })
      expect(errorOf(r).code).toBe('research_finding_converted')
    })

    it('needs task.write and problem.write, and scope, to convert', async () => {
      const t = await topicWithFinding(w)
      const f = t.findings[0]
      for (const c of [w.leader, w.auditor, w.school])
        expect((await c.post(`/api/research/findings/${f?.id}/to-problem`, { version: 1 })).statusCode).toBe(
          403,
        )
      expect(
        (await w.shenhe.post(`/api/research/findings/${f?.id}/to-problem`, { version: 1 })).statusCode,
      ).toBe(404)
      expect(
        (await w.heping.post('/api/research/findings/999999/to-problem', { version: 1 })).statusCode,
      ).toBe(404)
    })

    it('makes one problem when two conversions race', async () => {
      const text = `并发转换的问题${Date.now()}`
      const t = await topicWithFinding(w, text)
      const f = t.findings[0]
      const rs = await Promise.all(
        [1, 2].map(() =>
          w.heping.post(`/api/research/findings/${f?.id}/to-problem`, { version: f?.version }),
        ),
      )
      expect(rs.map((r) => r.statusCode).sort()).toEqual([201, 409])
      const problems = await h.db
        .selectFrom('rectification_problems')
        .select('id')
        .where('description', '=', text)
        .execute()
      expect(problems).toHaveLength(1)
      expect((await getTopic(w.heping, t.id)).findings[0]?.problem?.id).toBe(problems[0]?.id)
    })

    it('records findings while the research runs, edits and voids them, checks their fields', async () => {
      const t = await newTopic(w)
      const body = {
        text: '校外培训治理仍有反弹',
        categoryId: Object.values(w.categories)[1],
        responsibleUnitId: w.hepingId,
      }
      let r = await w.heping.post(`/api/research/topics/${t.id}/findings`, body)
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('research_findings_locked')
      await visit(w.heping, t, w.schoolId)
      r = await w.heping.post(`/api/research/topics/${t.id}/findings`, {
        ...body,
        categoryId: 999_999,
        responsibleUnitId: w.shenheId,
        foundOn: '2026-11-28',
      })
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields?.map((x) => x.field)).toEqual(['foundOn'])
      r = await w.heping.post(`/api/research/topics/${t.id}/findings`, { ...body, categoryId: 999_999 })
      expect(errorOf(r).fields?.map((x) => x.field)).toEqual(['categoryId'])
      r = await w.heping.post(`/api/research/topics/${t.id}/findings`, {
        ...body,
        responsibleUnitId: w.shenheId,
      })
      expect(errorOf(r).fields?.map((x) => x.field)).toEqual(['responsibleUnitId'])
      r = await w.heping.post(`/api/research/topics/${t.id}/findings`, body)
      expect(r.statusCode, r.body).toBe(201)
      let d = r.json() as TopicDetail
      const f = d.findings[0]
      expect(f).toMatchObject({ foundOn: '2026-11-27', responsibleUnit: '和平区' })
      r = await w.heping.patch(`/api/research/findings/${f?.id}`, {
        version: f?.version,
        text: '校外培训治理存在反弹',
      })
      expect(r.statusCode).toBe(200)
      d = r.json()
      expect(d.findings[0]).toMatchObject({ text: '校外培训治理存在反弹', version: 2 })
      r = await w.heping.post(`/api/research/findings/${f?.id}/void`, { version: 1, reason: '重复' })
      expect(errorOf(r).code).toBe('conflict_version')
      r = await w.heping.post(`/api/research/findings/${f?.id}/void`, { version: 2, reason: '重复' })
      expect(r.statusCode).toBe(200)
      d = r.json()
      expect(d.findings[0]).toMatchObject({ voided: true, voidReason: '重复' })
      expect(d.findingCount).toBe(0)
    })

    it('keeps the report’s files: upload, download by a reader, void, refused types', async () => {
      let t = await newTopic(w)
      t = (await visit(w.heping, t, w.schoolId)).json()
      let r = await uploadFile(w.heping, `/api/research/topics/${t.id}/attachments`, '调研报告.pdf', TINY_PDF)
      expect(r.statusCode, r.body).toBe(201)
      t = r.json()
      const file = t.attachments[0]
      expect(file).toMatchObject({ filename: '调研报告.pdf', fileType: 'pdf', voidedAt: null })

      r = await w.leader.get(`/api/attachments/${file?.id}`)
      expect(r.statusCode).toBe(200)
      expect(Buffer.from(r.rawPayload).equals(TINY_PDF)).toBe(true)
      expect(r.headers['x-content-sha256']).toBe(file?.sha256)
      expect((await w.shenhe.get(`/api/attachments/${file?.id}`)).statusCode).toBe(404)
      expect((await w.school.get(`/api/attachments/${file?.id}`)).statusCode).toBe(404)

      r = await uploadFile(w.heping, `/api/research/topics/${t.id}/attachments`, 'run.exe', Buffer.from('MZ'))
      expect(r.statusCode).toBe(415)
      expect(errorOf(r).code).toBe('file_type_not_allowed')
      r = await uploadFile(
        w.heping,
        `/api/research/topics/${t.id}/attachments`,
        '报告.pdf',
        Buffer.from('not a pdf'),
      )
      expect(r.statusCode).toBe(415)
      expect(
        (await uploadFile(w.leader, `/api/research/topics/${t.id}/attachments`, 'a.pdf', TINY_PDF))
          .statusCode,
      ).toBe(403)
      expect(
        (await uploadFile(w.shenhe, `/api/research/topics/${t.id}/attachments`, 'a.pdf', TINY_PDF))
          .statusCode,
      ).toBe(404)

      expect((await w.leader.post(`/api/attachments/${file?.id}/void`, { reason: '传错' })).statusCode).toBe(
        403,
      )
      r = await w.heping.post(`/api/attachments/${file?.id}/void`, { reason: '传错了文件' })
      expect(r.statusCode).toBe(200)
      expect(r.json()).toMatchObject({ voidReason: '传错了文件' })
      t = await getTopic(w.heping, t.id)
      expect(t.attachments[0]?.voidedAt).not.toBeNull()
      expect(t.events.map((e) => e.action).slice(-2)).toEqual(['attachment_add', 'attachment_void'])

      // A concluded topic's files are closed.
      t = (await act(w.heping, t, 'report', { summary: '报告' })).json()
      t = (await act(w.heping, t, 'conclude')).json()
      r = await uploadFile(w.heping, `/api/research/topics/${t.id}/attachments`, '补充.pdf', TINY_PDF)
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('research_topic_closed')
      expect((await w.leader.get(`/api/attachments/${file?.id}`)).statusCode).toBe(200)
    })
  },
  { demo: 'city' },
)
