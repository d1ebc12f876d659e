/**
 * The problem list through its API, on the city demo: recording, the rectification workflow and
 * its refusals, measures, evidence (type, size, hash, download), sign-off rules, scope, history
 * and audit. The clock is fixed at 2026-11-27 10:00 in Shanghai.
 */
import { createHash } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import { type Client, errorOf, forEachDatabase } from '../../../tests/harness.js'
import { putSetting } from '../../settings.js'
import type { ProblemDetail } from './schema.js'
import { SETTINGS_KEY } from './settings.js'
import { categoryIds, problemBody, TINY_PDF, TINY_PNG, uploadFile } from './testing.js'

forEachDatabase(
  'problems and rectification',
  (h) => {
    let county: Client
    let leader: Client
    let school: Client
    let auditor: Client
    let cats: Record<string, number>
    let heping: number
    let shenhe: number
    let leaderId: number
    beforeAll(async () => {
      county = await h.loginAs('county_heping')
      leader = await h.loginAs('leader')
      school = await h.loginAs('school_demo')
      auditor = await h.loginAs('auditor_demo')
      cats = await categoryIds(county)
      heping = (await h.unitByName('和平区')).id
      shenhe = (await h.unitByName('沈河区')).id
      leaderId = leader.user.id
    })

    const create = async (over: Record<string, unknown> = {}) => {
      const r = await county.post(
        '/api/rectification/problems',
        problemBody({ categoryId: cats.工作作风 as number, responsibleUnitId: heping, ...over }),
      )
      expect(r.statusCode, r.body).toBe(201)
      return r.json() as ProblemDetail
    }
    const act = (c: Client, d: ProblemDetail, action: string, reason?: string) =>
      c.post(`/api/rectification/problems/${d.id}/actions`, {
        version: d.version,
        action,
        ...(reason === undefined ? {} : { reason }),
      })
    const measureDone = async (d: ProblemDetail, i = 0) => {
      const m = d.measures[i]
      if (!m) throw new Error('no measure')
      const r = await county.patch(`/api/rectification/problems/${d.id}/measures/${m.id}`, {
        version: m.version,
        status: 'done',
      })
      expect(r.statusCode, r.body).toBe(200)
      return r.json() as ProblemDetail
    }
    const evidence = async (d: ProblemDetail, name = '整改报告.pdf', bytes = TINY_PDF) => {
      const r = await uploadFile(county, `/api/rectification/problems/${d.id}/evidence`, name, bytes)
      expect(r.statusCode, r.body).toBe(201)
      return r.json() as ProblemDetail
    }
    /** open → rectifying → rectified, with every measure done and one evidence file. */
    const rectified = async (over: Record<string, unknown> = {}) => {
      let d = await create(over)
      d = (await act(county, d, 'start')).json()
      d = await measureDone(d)
      d = await evidence(d)
      const r = await act(county, d, 'complete')
      expect(r.statusCode, r.body).toBe(200)
      return r.json() as ProblemDetail
    }

    it('records a problem with its measures, a generated code and the seeded category list', async () => {
      expect(Object.keys(cats)).toEqual(
        expect.arrayContaining(['思想观念', '工作作风', '制度机制', '办学条件', '教育质量', '安全稳定']),
      )
      const d = await create({ fixAtOnce: true, responsibleLeader: '王副局长' })
      expect(d.code).toMatch(/^ZG2026\d{5}$/)
      expect(d).toMatchObject({
        status: 'open',
        statusLabel: '待整改',
        source: 'self_review',
        sourceLabel: '自我检视',
        category: '工作作风',
        responsibleUnit: '和平区',
        responsibleLeader: '王副局长',
        fixAtOnce: true,
        measuresTotal: 1,
        measuresDone: 0,
        evidenceCount: 0,
        allowedActions: ['start'],
        canSignOff: false,
      })
      expect(d.measures[0]).toMatchObject({ seq: 1, status: 'todo', deadline: '2026-12-31', overdue: false })
      expect(d.events.map((e) => e.action)).toEqual(['create'])
      const audit = await h.db
        .selectFrom('audit_log')
        .select(['action', 'entity'])
        .where('entity_id', '=', String(d.id))
        .where('entity', '=', 'rectification_problem')
        .execute()
      expect(audit).toEqual([{ action: 'problem.create', entity: 'rectification_problem' }])
    })

    it('refuses bad input with field names: future date, unknown category, unit out of scope, taken code', async () => {
      let r = await county.post(
        '/api/rectification/problems',
        problemBody({
          categoryId: cats.工作作风 as number,
          responsibleUnitId: heping,
          foundOn: '2026-12-01',
        }),
      )
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields?.map((f) => f.field)).toEqual(['foundOn'])
      r = await county.post(
        '/api/rectification/problems',
        problemBody({ categoryId: 999_999, responsibleUnitId: heping }),
      )
      expect(errorOf(r).fields?.[0]?.field).toBe('categoryId')
      r = await county.post(
        '/api/rectification/problems',
        problemBody({ categoryId: cats.工作作风 as number, responsibleUnitId: shenhe }),
      )
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields?.[0]).toMatchObject({
        field: 'responsibleUnitId',
        message: '所选单位不在您的管辖范围内',
      })
      const d = await create({ code: 'HP-001' })
      r = await county.post(
        '/api/rectification/problems',
        problemBody({ categoryId: cats.工作作风 as number, responsibleUnitId: heping, code: d.code }),
      )
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('problem_code_taken')
    })

    it('walks open → rectifying → rectified → signed off, and records who, when, and why', async () => {
      let d = await create({ responsibleUserId: undefined })
      let r = await act(county, d, 'start')
      expect(r.statusCode, r.body).toBe(200)
      d = r.json()
      expect(d.status).toBe('rectifying')
      d = await measureDone(d)
      expect(d.measures[0]).toMatchObject({ status: 'done', doneOn: '2026-11-27' })
      r = await act(county, d, 'complete')
      expect(r.statusCode, r.body).toBe(200)
      d = r.json()
      expect(d).toMatchObject({ status: 'rectified', rectifiedOn: '2026-11-27', allowedActions: ['reopen'] })
      // Evidence can still be added while it awaits sign-off.
      d = await evidence(d)
      const byLeader = (await leader.get(`/api/rectification/problems/${d.id}`)).json() as ProblemDetail
      expect(byLeader.canSignOff).toBe(true)
      r = await leader.post(`/api/rectification/problems/${d.id}/signoff`, {
        version: d.version,
        comment: '佐证齐全，同意销号',
      })
      expect(r.statusCode, r.body).toBe(200)
      d = r.json()
      expect(d.status).toBe('signed_off')
      expect(d.signoff).toEqual({
        by: leaderId,
        byName: leader.user.displayName,
        at: '2026-11-27T02:00:00.000Z',
        comment: '佐证齐全，同意销号',
      })
      expect(d.events.map((e) => e.action)).toEqual([
        'create',
        'start',
        'measure_update',
        'complete',
        'evidence_add',
        'signoff',
      ])
      const audit = await h.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'rectification_problem')
        .where('entity_id', '=', String(d.id))
        .orderBy('id')
        .execute()
      expect(audit.map((a) => a.action)).toEqual([
        'problem.create',
        'problem.start',
        'problem.measure_update',
        'problem.complete',
        'problem.evidence_add',
        'problem.signoff',
      ])
    })

    it('answers an illegal transition with 409 and a clear code', async () => {
      const d = await create()
      let r = await act(county, d, 'complete')
      expect(r.statusCode).toBe(409)
      expect(errorOf(r)).toMatchObject({
        code: 'problem_illegal_transition',
        message: '问题当前为“待整改”，不能标记已整改',
      })
      r = await act(county, d, 'reopen', '理由')
      expect(r.statusCode).toBe(409)
      r = await leader.post(`/api/rectification/problems/${d.id}/signoff`, { version: d.version })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('problem_illegal_transition')
      // A stale version is a conflict too, with the current version.
      r = await act(county, { ...d, version: d.version + 5 }, 'start')
      expect(r.statusCode).toBe(409)
      expect(errorOf(r)).toMatchObject({ code: 'conflict_version', currentVersion: d.version })
    })

    it('marks a problem rectified only when every live measure is done', async () => {
      let d = await create({
        measures: [
          { content: '措施一', deadline: '2026-12-31' },
          { content: '措施二', deadline: '2026-12-31' },
        ],
      })
      d = (await act(county, d, 'start')).json()
      d = await measureDone(d, 0)
      let r = await act(county, d, 'complete')
      expect(r.statusCode).toBe(409)
      expect(errorOf(r)).toMatchObject({
        code: 'problem_measures_open',
        message: '还有 1 项整改措施未完成（共 2 项），不能标记为已整改',
      })
      // Voiding the open measure (with a reason) lets it through.
      const open = d.measures[1]
      if (!open) throw new Error('no measure')
      r = await county.post(`/api/rectification/problems/${d.id}/measures/${open.id}/void`, {
        version: open.version,
        reason: '与措施一重复',
      })
      expect(r.statusCode, r.body).toBe(200)
      d = r.json()
      expect(d.measuresTotal).toBe(1)
      r = await act(county, d, 'complete')
      expect(r.statusCode, r.body).toBe(200)

      // And none at all is not "all done".
      let bare = await create({ measures: [] })
      bare = (await act(county, bare, 'start')).json()
      r = await act(county, bare, 'complete')
      expect(errorOf(r).code).toBe('problem_measures_required')
    })

    it('freezes measures and evidence once rectified; a new measure needs the problem reopened', async () => {
      const d = await rectified()
      let r = await county.post(`/api/rectification/problems/${d.id}/measures`, {
        content: '补充措施',
        deadline: '2026-12-31',
      })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('problem_locked')
      const m = d.measures[0]
      r = await county.patch(`/api/rectification/problems/${d.id}/measures/${m?.id}`, {
        version: m?.version,
        status: 'doing',
      })
      expect(errorOf(r).code).toBe('problem_locked')
    })

    it('reopens only with a reason, from rectified and from signed off, keeping the history', async () => {
      let d = await rectified()
      let r = await act(county, d, 'reopen')
      expect(r.statusCode).toBe(400)
      expect(errorOf(r)).toMatchObject({
        code: 'validation',
        fields: [{ field: 'reason', message: '请填写原因' }],
      })
      r = await act(county, d, 'reopen', '   ')
      expect(r.statusCode).toBe(400)
      // The reviewer sends it back instead of signing off: allowed to him (problem.signoff).
      r = await act(leader, d, 'reopen', '佐证材料不能证明整改到位')
      expect(r.statusCode, r.body).toBe(200)
      d = r.json()
      expect(d).toMatchObject({ status: 'rectifying', reopenCount: 1, rectifiedOn: null })
      expect(d.events.at(-1)).toMatchObject({
        action: 'reopen',
        detail: { from: 'rectified', to: 'rectifying', reason: '佐证材料不能证明整改到位' },
      })

      d = (await act(county, d, 'complete')).json()
      d = (await leader.post(`/api/rectification/problems/${d.id}/signoff`, { version: d.version })).json()
      expect(d.status).toBe('signed_off')
      r = await act(county, d, 'reopen', '复查发现问题反弹')
      expect(r.statusCode, r.body).toBe(200)
      d = r.json()
      expect(d).toMatchObject({ status: 'rectifying', signoff: null, reopenCount: 2 })
      expect(d.events.at(-1)?.detail).toMatchObject({ from: 'signed_off', reason: '复查发现问题反弹' })
    })

    it('refuses sign-off without evidence', async () => {
      let d = await create()
      d = (await act(county, d, 'start')).json()
      d = await measureDone(d)
      d = (await act(county, d, 'complete')).json()
      let r = await leader.post(`/api/rectification/problems/${d.id}/signoff`, { version: d.version })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r)).toMatchObject({
        code: 'problem_signoff_needs_evidence',
        message: '销号前请至少上传一份整改佐证材料',
      })
      // A voided file does not count either.
      d = await evidence(d)
      const ev = d.evidence[0]
      r = await county.post(`/api/rectification/evidence/${ev?.id}/void`, { reason: '传错文件' })
      expect(r.statusCode, r.body).toBe(200)
      d = r.json()
      expect(d.evidenceCount).toBe(0)
      r = await leader.post(`/api/rectification/problems/${d.id}/signoff`, { version: d.version })
      expect(errorOf(r).code).toBe('problem_signoff_needs_evidence')
    })

    it('refuses sign-off by the problem’s owner; another reviewer signs it off', async () => {
      const d = await rectified({ responsibleUserId: leaderId })
      const seen = (await leader.get(`/api/rectification/problems/${d.id}`)).json() as ProblemDetail
      expect(seen.canSignOff).toBe(false)
      let r = await leader.post(`/api/rectification/problems/${d.id}/signoff`, { version: d.version })
      expect(r.statusCode).toBe(403)
      expect(errorOf(r)).toMatchObject({
        code: 'problem_signoff_by_owner',
        message: '问题的录入人和责任人不能为其销号，请由其他审核人销号',
      })
      // Without the permission at all: 403 forbidden (the county records problems, it does not close them).
      r = await county.post(`/api/rectification/problems/${d.id}/signoff`, { version: d.version })
      expect(r.statusCode).toBe(403)
      expect(errorOf(r).code).toBe('forbidden')

      const other = await h.buildUser({ role: 'leader', orgUnitId: (await h.unitByName('示例市')).id })
      const reviewer = await h.loginAs(other.username, other.password)
      r = await reviewer.post(`/api/rectification/problems/${d.id}/signoff`, {
        version: d.version,
        comment: '同意',
      })
      expect(r.statusCode, r.body).toBe(200)
      expect((r.json() as ProblemDetail).signoff).toMatchObject({ by: other.id, comment: '同意' })
    })

    it('stores evidence in the database with its SHA-256, and hands the same bytes back', async () => {
      let d = await create()
      d = await evidence(d, '现场照片.png', TINY_PNG)
      const ev = d.evidence[0]
      expect(ev).toMatchObject({
        filename: '现场照片.png',
        contentType: 'image/png',
        fileType: 'png',
        size: TINY_PNG.length,
        sha256: createHash('sha256').update(TINY_PNG).digest('hex'),
      })
      const row = await h.db
        .selectFrom('rectification_evidence')
        .selectAll()
        .where('id', '=', ev?.id as number)
        .executeTakeFirstOrThrow()
      expect(Buffer.from(row.bytes).equals(TINY_PNG)).toBe(true)
      const r = await auditor.get(`/api/rectification/evidence/${ev?.id}`)
      expect(r.statusCode).toBe(200)
      expect(r.headers['content-type']).toBe('image/png')
      expect(r.headers['x-content-sha256']).toBe(ev?.sha256)
      expect(r.headers['content-disposition']).toContain(encodeURIComponent('现场照片.png'))
      expect(r.rawPayload.equals(TINY_PNG)).toBe(true)
    })

    it('refuses evidence of other kinds, renamed files, and files over the size limit', async () => {
      const d = await create()
      const url = `/api/rectification/problems/${d.id}/evidence`
      let r = await uploadFile(county, url, '脚本.exe', Buffer.from('MZ\x90\x00\x03'))
      expect(r.statusCode).toBe(415)
      expect(errorOf(r)).toMatchObject({
        code: 'file_type_not_allowed',
        message: '只接受以下类型的文件：pdf, docx, xlsx, jpg, png',
      })
      r = await uploadFile(county, url, '报告.pdf', Buffer.from('<html>not a pdf</html>'))
      expect(r.statusCode).toBe(415)
      expect(errorOf(r).code).toBe('file_content_mismatch')
      r = await uploadFile(county, url, '空.pdf', Buffer.alloc(0))
      expect(r.statusCode).toBe(400)
      // The limit is a setting (20 MB by default): lowered here, the same file is too large.
      await putSetting(h.db, SETTINGS_KEY, { evidenceMaxBytes: 100 }, new Date().toISOString())
      try {
        r = await uploadFile(county, url, '报告.pdf', Buffer.concat([TINY_PDF, Buffer.alloc(200, 0x20)]))
        expect(r.statusCode).toBe(413)
        expect(errorOf(r)).toMatchObject({ code: 'too_large', message: '上传内容过大（上限 1 KB）' })
      } finally {
        await putSetting(h.db, SETTINGS_KEY, {}, new Date().toISOString())
      }
      r = await uploadFile(county, url, '报告.pdf', Buffer.concat([TINY_PDF, Buffer.alloc(200, 0x20)]))
      expect(r.statusCode, r.body).toBe(201)
      // Not multipart at all.
      r = await county.post(url, { file: 'x' })
      expect(r.statusCode).toBe(400)
      expect(
        await h.db.selectFrom('rectification_evidence').select('id').where('problem_id', '=', d.id).execute(),
      ).toHaveLength(1)
    })

    it('takes several files uploaded at once: none is refused as a stale version', async () => {
      const d = await create()
      const url = `/api/rectification/problems/${d.id}/evidence`
      const rs = await Promise.all([
        uploadFile(county, url, '一.pdf', TINY_PDF),
        uploadFile(county, url, '二.png', TINY_PNG),
        uploadFile(county, url, '三.pdf', TINY_PDF),
      ])
      expect(rs.map((r) => r.statusCode)).toEqual([201, 201, 201])
      const after = (await county.get(`/api/rectification/problems/${d.id}`)).json() as ProblemDetail
      expect(after.evidenceCount).toBe(3)
      expect(after.version).toBe(d.version + 3)
    })

    it('refuses a download whose stored bytes no longer match their hash', async () => {
      let d = await create()
      d = await evidence(d)
      const id = d.evidence[0]?.id as number
      await h.db
        .updateTable('rectification_evidence')
        .set({ bytes: Buffer.from('%PDF-tampered') })
        .where('id', '=', id)
        .execute()
      const r = await county.get(`/api/rectification/evidence/${id}`)
      expect(r.statusCode).toBe(500)
      expect(errorOf(r).code).toBe('evidence_corrupt')
    })

    it('keeps other counties’ problems, and their evidence, out of sight: 404', async () => {
      const other = await h.buildUser({ role: 'county', orgUnitId: shenhe })
      const shenheUser = await h.loginAs(other.username, other.password)
      const r0 = await shenheUser.post(
        '/api/rectification/problems',
        problemBody({ categoryId: cats.安全稳定 as number, responsibleUnitId: shenhe }),
      )
      expect(r0.statusCode, r0.body).toBe(201)
      let theirs = r0.json() as ProblemDetail
      const up = await uploadFile(
        shenheUser,
        `/api/rectification/problems/${theirs.id}/evidence`,
        'a.pdf',
        TINY_PDF,
      )
      theirs = up.json()
      const evId = theirs.evidence[0]?.id
      for (const [method, url, body] of [
        ['GET', `/api/rectification/problems/${theirs.id}`, undefined],
        ['PATCH', `/api/rectification/problems/${theirs.id}`, { version: theirs.version, description: '改' }],
        [
          'POST',
          `/api/rectification/problems/${theirs.id}/actions`,
          { version: theirs.version, action: 'start' },
        ],
        [
          'POST',
          `/api/rectification/problems/${theirs.id}/measures`,
          { content: 'x', deadline: '2026-12-31' },
        ],
        ['GET', `/api/rectification/evidence/${evId}`, undefined],
        ['POST', `/api/rectification/evidence/${evId}/void`, { reason: 'x' }],
        ['GET', `/api/rectification/problems?unitId=${shenhe}`, undefined],
        ['GET', `/api/rectification/figures?unitId=${shenhe}`, undefined],
      ] as const) {
        const r = await county.request({ method, url, ...(body ? { payload: body } : {}) })
        expect(r.statusCode, `${method} ${url}`).toBe(404)
      }
      const r = await uploadFile(
        county,
        `/api/rectification/problems/${theirs.id}/evidence`,
        'a.pdf',
        TINY_PDF,
      )
      expect(r.statusCode).toBe(404)
      const list = (await county.get('/api/rectification/problems?pageSize=200')).json().items as {
        id: number
      }[]
      expect(list.map((p) => p.id)).not.toContain(theirs.id)
      // The city sees both.
      expect((await leader.get(`/api/rectification/problems/${theirs.id}`)).statusCode).toBe(200)
    })

    it('lets a school read its county’s list only where it is responsible, and write nothing', async () => {
      const schoolUnit = school.user.orgUnitId
      const mine = await create({ responsibleUnitId: schoolUnit })
      const countyLevel = await create()
      expect((await school.get(`/api/rectification/problems/${mine.id}`)).statusCode).toBe(200)
      expect((await school.get(`/api/rectification/problems/${countyLevel.id}`)).statusCode).toBe(404)
      const r = await school.post(
        '/api/rectification/problems',
        problemBody({ categoryId: cats.工作作风 as number, responsibleUnitId: schoolUnit }),
      )
      expect(r.statusCode).toBe(403)
      expect((await act(school, mine, 'start')).statusCode).toBe(403)
    })

    it('filters the list, and voids a problem with a reason', async () => {
      const d = await create({
        description: '独一无二的筛选测试问题',
        source: 'balance_warning',
        campaign: '筛选专项',
      })
      let r = await county.get(`/api/rectification/problems?q=${encodeURIComponent('独一无二')}`)
      expect((r.json().items as { id: number }[]).map((p) => p.id)).toEqual([d.id])
      r = await county.get(
        `/api/rectification/problems?campaign=${encodeURIComponent('筛选专项')}&source=balance_warning`,
      )
      expect(r.json().total).toBe(1)
      r = await act(county, d, 'void')
      expect(r.statusCode).toBe(400)
      r = await act(county, d, 'void', '重复录入')
      expect(r.statusCode, r.body).toBe(200)
      expect(r.json()).toMatchObject({ voided: true, voidReason: '重复录入', allowedActions: [] })
      r = await county.get(`/api/rectification/problems?campaign=${encodeURIComponent('筛选专项')}`)
      expect(r.json().total).toBe(0)
      r = await county.get(
        `/api/rectification/problems?campaign=${encodeURIComponent('筛选专项')}&includeVoided=true`,
      )
      expect(r.json().total).toBe(1)
      expect((await act(county, r.json().items[0], 'start')).statusCode).toBe(404)
    })

    it('corrects a problem’s fields until it is signed off', async () => {
      const d = await create()
      let r = await county.patch(`/api/rectification/problems/${d.id}`, {
        version: d.version,
        description: '修改后的问题描述',
        categoryId: cats.制度机制,
        fixAtOnce: true,
      })
      expect(r.statusCode, r.body).toBe(200)
      expect(r.json()).toMatchObject({
        description: '修改后的问题描述',
        category: '制度机制',
        fixAtOnce: true,
      })
      const done = await rectified()
      const signed = (
        await leader.post(`/api/rectification/problems/${done.id}/signoff`, { version: done.version })
      ).json()
      r = await county.patch(`/api/rectification/problems/${done.id}`, {
        version: signed.version,
        description: '改',
      })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('problem_locked')
    })

    it('manages the category list: add, refuse a duplicate, refuse voiding one in use', async () => {
      const admin = await h.admin()
      let r = await admin.post('/api/rectification/categories', { name: '党建引领', sortOrder: 70 })
      expect(r.statusCode, r.body).toBe(201)
      const added = r.json() as { id: number; version: number }
      r = await county.post('/api/rectification/categories', { name: '党建引领' })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('rectification_category_taken')
      expect((await auditor.post('/api/rectification/categories', { name: '其他' })).statusCode).toBe(403)
      r = await county.post(`/api/rectification/categories/${cats.工作作风}/void`, {
        version: 1,
        reason: '合并',
      })
      expect(r.statusCode).toBe(409)
      expect(errorOf(r).code).toBe('rectification_category_in_use')
      r = await admin.post(`/api/rectification/categories/${added.id}/void`, {
        version: added.version,
        reason: '不再使用',
      })
      expect(r.statusCode).toBe(204)
    })
  },
  { demo: 'city' },
)
