/**
 * Attachments through the API on both databases: a progress note's files (upload, list in the task,
 * download with the hash, void, timeline, scope) and a teacher-ethics case's documents (personal:
 * only `ethics.personal` roles list and download them, and every download is audited).
 */
import { createHash } from 'node:crypto'
import { beforeAll, expect, it } from 'vitest'
import { type Client, errorOf, forEachDatabase } from '../../../tests/harness.js'
import type { EthicsCaseDetail } from '../rectification/schema.js'
import { TINY_PDF, TINY_PNG, uploadFile, violationTypeIds } from '../rectification/testing.js'
import type { TaskDetail } from '../supervision/schema.js'

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

forEachDatabase(
  'attachments',
  (h) => {
    let heping: Client
    let shenhe: Client
    let leader: Client
    let auditor: Client
    let task: TaskDetail
    let noteId: number
    beforeAll(async () => {
      heping = await h.loginAs('county_heping')
      leader = await h.loginAs('leader')
      auditor = await h.loginAs('auditor_demo')
      const hepingId = (await h.unitByName('和平区')).id
      const u = await h.buildUser({ role: 'county', orgUnitId: (await h.unitByName('沈河区')).id })
      shenhe = await h.loginAs(u.username, u.password)
      const c = await heping.post('/api/supervision/campaigns', {
        name: '附件行动',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        aspects: [{ name: '方面' }],
      })
      expect(c.statusCode, c.body).toBe(201)
      const t = await heping.post('/api/supervision/tasks', {
        campaignId: c.json().id,
        aspectId: c.json().aspects[0].id,
        title: '附件任务',
        leadUnitId: hepingId,
        startsOn: '2026-03-01',
        deadline: '2026-12-20',
      })
      expect(t.statusCode, t.body).toBe(201)
      const p = await heping.post(`/api/supervision/tasks/${t.json().id}/progress`, {
        on: '2026-11-20',
        text: '召开推进会',
      })
      expect(p.statusCode, p.body).toBe(201)
      task = p.json()
      noteId = task.notes[0]?.id as number
    })

    it('attaches a file to a progress note, lists it in the task and serves it with its hash', async () => {
      const r = await uploadFile(
        heping,
        `/api/supervision/progress/${noteId}/attachments`,
        '会议照片.png',
        TINY_PNG,
      )
      expect(r.statusCode, r.body).toBe(201)
      const detail = r.json() as TaskDetail
      const files = detail.notes.find((n) => n.id === noteId)?.attachments ?? []
      expect(files).toHaveLength(1)
      expect(files[0]).toMatchObject({
        filename: '会议照片.png',
        contentType: 'image/png',
        sizeBytes: TINY_PNG.length,
        sha256: sha(TINY_PNG),
        voidedAt: null,
      })
      expect(detail.events.map((e) => e.action)).toContain('attachment_add')

      // Any reader of the task downloads it; a county that cannot see the task gets 404.
      const d = await auditor.get(`/api/attachments/${files[0]?.id}`)
      expect(d.statusCode).toBe(200)
      expect(d.headers['x-content-sha256']).toBe(sha(TINY_PNG))
      expect(Buffer.from(d.rawPayload).equals(TINY_PNG)).toBe(true)
      expect((await shenhe.get(`/api/attachments/${files[0]?.id}`)).statusCode).toBe(404)
    })

    it('refuses a wrong type, a renamed file and an empty one, naming the field', async () => {
      const url = `/api/supervision/progress/${noteId}/attachments`
      let r = await uploadFile(heping, url, 'run.exe', Buffer.from('MZ'))
      expect(r.statusCode).toBe(415)
      expect(errorOf(r).fields?.[0]?.field).toBe('file')
      r = await uploadFile(heping, url, '照片.png', TINY_PDF)
      expect(r.statusCode).toBe(415)
      expect(errorOf(r).code).toBe('file_content_mismatch')
      r = await uploadFile(heping, url, '空.pdf', Buffer.alloc(0))
      expect(r.statusCode).toBe(400)
      expect(errorOf(r).fields?.[0]).toMatchObject({ field: 'file', message: '文件是空的' })
      // Readers who may not write, and writers out of scope, are refused before the file is read.
      expect((await uploadFile(auditor, url, 'a.pdf', TINY_PDF)).statusCode).toBe(403)
      expect((await uploadFile(shenhe, url, 'a.pdf', TINY_PDF)).statusCode).toBe(404)
    })

    it('voids a file with a reason, keeps it listed, and audits both changes', async () => {
      const up = await uploadFile(
        heping,
        `/api/supervision/progress/${noteId}/attachments`,
        '错传.pdf',
        TINY_PDF,
      )
      const id = (up.json() as TaskDetail).notes[0]?.attachments.find((a) => a.filename === '错传.pdf')?.id
      expect((await leader.post(`/api/attachments/${id}/void`, { reason: '无权' })).statusCode).toBe(403)
      const r = await heping.post(`/api/attachments/${id}/void`, { reason: '传错文件' })
      expect(r.statusCode, r.body).toBe(200)
      expect(r.json()).toMatchObject({ id, voidReason: '传错文件' })
      expect((await heping.post(`/api/attachments/${id}/void`, { reason: '再次' })).statusCode).toBe(404)
      const t = (await heping.get(`/api/supervision/tasks/${task.id}`)).json() as TaskDetail
      expect(t.notes[0]?.attachments.find((a) => a.id === id)?.voidedAt).not.toBeNull()
      const audit = await h.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'supervision_progress')
        .where('entity_id', '=', String(noteId))
        .execute()
      expect(audit.map((a) => a.action).sort()).toEqual(
        expect.arrayContaining(['attachment.add', 'attachment.void']),
      )
      expect((await heping.get('/api/attachments/999999')).statusCode).toBe(404)
    })

    it('keeps an ethics case’s documents to ethics.personal roles and audits each download', async () => {
      const types = await violationTypeIds(heping)
      const school = await h.buildSchool({
        countyId: (await h.unitByName('和平区')).id,
        name: '和平区附件小学',
      })
      const c = await heping.post('/api/ethics/cases', {
        teacherName: '李四',
        teacherIdNumber: '210102198503151235',
        schoolId: school.id,
        occurredOn: '2026-03-15',
        violationTypeId: Object.values(types)[0],
        finding: '李四违规收受礼品。',
        handling: 'warning',
      })
      expect(c.statusCode, c.body).toBe(201)
      const caseId = (c.json() as EthicsCaseDetail).id
      const r = await uploadFile(
        heping,
        `/api/ethics/cases/${caseId}/attachments`,
        '处理决定书.pdf',
        TINY_PDF,
      )
      expect(r.statusCode, r.body).toBe(201)
      const fileId = (r.json() as EthicsCaseDetail).attachments[0]?.id
      expect(fileId).toBeGreaterThan(0)

      // The auditor reads the case but not personal data: no list, no download.
      const seen = (await auditor.get(`/api/ethics/cases/${caseId}`)).json() as EthicsCaseDetail
      expect(seen.attachments).toEqual([])
      expect((await auditor.get(`/api/attachments/${fileId}`)).statusCode).toBe(403)
      expect((await leader.get(`/api/attachments/${fileId}`)).statusCode).toBe(200)
      const downloads = await h.db
        .selectFrom('audit_log')
        .select(['actor_id'])
        .where('action', '=', 'attachment.download')
        .where('entity_id', '=', String(caseId))
        .execute()
      expect(downloads.map((d) => d.actor_id)).toEqual([leader.user.id])
    })
  },
  { demo: 'city' },
)
