/**
 * Personal data, searched for by value across everything the server writes or hands out (issue 8):
 * a petitioner (name, ID number, phone, address) and a teacher under an ethics case (name, ID
 * number) go in through the API; then lists, details, a search by name, exports, failing requests
 * carrying the data, a report that names them rendered with its public copy (HTML, Word, Markdown),
 * `POST /api/redact`, and the ethics public summary. None of the values may appear in the
 * captured log, in any redacted or masked output, or in the audit table.
 *
 * The app is built the way server/modules/{petitions,rectification}/log-redaction.test.ts build it
 * (the server's own logger options, at the lowest level, into a stream); those files cover each
 * module's routes, this one the outputs across modules and the audit log.
 */
import JSZip from 'jszip'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildApp, loadModules } from '../../server/app.js'
import { loggerOptions } from '../../server/http/logger.js'
import type { App } from '../../server/http/module.js'
import { violationTypeIds } from '../../server/modules/rectification/testing.js'
import { type Client, forEachDatabase, loginAs, type Response, upload } from '../harness.js'
import { workbook } from './imports.js'

/** A valid 18-character ID number: 17 digits and the GB 11643 check character. */
function idNumber(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (w[i] ?? 0), 0)
  return first17 + '10X98765432'.charAt(sum % 11)
}

const NAME = '诸葛青云'
const ID = idNumber('21010319770823461')
const PHONE = '13987654321'
const ADDRESS = '示例市和平区青云路88号'
const TEACHER = '端木清涟'
const TEACHER_ID = idNumber('21021119880606452')
const SECRETS = [NAME, ID, PHONE, ADDRESS, TEACHER, TEACHER_ID]
const FILE_NAME = '2015年来访登记.xlsx'
/** How a value may also be written: URL-encoded (a query string), JSON-escaped (\uXXXX). */
const spellings = (v: string) => [v, encodeURIComponent(v), JSON.stringify(v).slice(1, -1)]

const expectNone = (where: string, text: string, secrets = SECRETS) => {
  for (const s of secrets)
    for (const form of spellings(s)) expect(text, `${where} holds ${s}`).not.toContain(form)
}

/** The text of every XML part of a .docx or .xlsx response. */
async function zipText(res: Response): Promise<string> {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
  return xlsxText(res.rawPayload)
}
async function xlsxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(new Uint8Array(bytes).buffer)
  const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))
  expect(parts.length).toBeGreaterThan(2)
  return (await Promise.all(parts.map((n) => zip.file(n)?.async('string') ?? ''))).join('\n')
}

forEachDatabase(
  'personal data in logs, redacted outputs and the audit log',
  (h) => {
    const lines: string[] = []
    let app: App
    let office: Client
    let county: Client
    let caseId = 0
    let ethicsId = 0
    let snapshotId = 0
    beforeAll(async () => {
      app = await buildApp({
        services: h.services,
        modules: await loadModules(),
        serveWeb: false,
        logger: loggerOptions('trace', { write: (m) => void lines.push(m) }),
      })
      await app.ready()
      office = await loginAs(app, 'dept_gaojiao', 'Demo@2026')
      county = await loginAs(app, 'county_heping', 'Demo@2026')
    })
    afterAll(() => app.close())

    it('takes the petition and the ethics case in, and shows them only masked unless asked', async () => {
      const heping = (await h.unitByName('和平区')).id
      const cats = (await office.get('/api/petitions/categories')).json().items as {
        id: number
        parentId: number | null
      }[]
      const cat = cats.find((c) => c.parentId === null)
      const body = {
        receivedOn: '2026-11-02',
        channel: 'visit',
        kind: 'claim',
        petitioners: [{ name: NAME, idNumber: ID, phone: PHONE, address: ADDRESS }],
        categoryId: cat?.id,
        demandId: cats.find((c) => c.parentId === cat?.id)?.id,
        summary: '反映子女入学问题',
        orgUnitId: heping,
        level: 'county',
        responsibleUnitId: heping,
      }
      const r = await office.post('/api/petitions/cases', body)
      expect(r.statusCode, r.body).toBe(201)
      caseId = (r.json() as { id: number }).id
      expectNone('the registration answer', r.body)

      const types = await violationTypeIds(county)
      const e = await county.post('/api/ethics/cases', {
        teacherName: TEACHER,
        teacherIdNumber: TEACHER_ID,
        schoolId: heping,
        occurredOn: '2026-05-06',
        violationTypeId: types.有偿补课,
        finding: `${TEACHER}（身份证号${TEACHER_ID}）组织学生有偿补课。`,
        handling: 'warning',
        handlingDetail: `责令${TEACHER}退还费用`,
        published: true,
      })
      expect(e.statusCode, e.body).toBe(201)
      ethicsId = (e.json() as { id: number }).id

      // Lists, details, searches by name and ID: masked.
      const masked = [
        await office.get('/api/petitions/cases'),
        await office.get(`/api/petitions/cases?q=${encodeURIComponent(NAME)}`),
        await office.get(`/api/petitions/cases/${caseId}`),
        await county.get('/api/ethics/cases'),
        await county.get(`/api/ethics/cases?teacherIdNumber=${TEACHER_ID}&q=${encodeURIComponent(TEACHER)}`),
        await county.get(`/api/ethics/cases/${ethicsId}`),
      ]
      for (const m of masked) {
        expect(m.statusCode).toBe(200)
        expectNone(`GET ${m.raw.req.url}`, m.body)
      }
      // Asked for in full by someone allowed to: shown (and audited), which proves the values are there.
      expect((await office.get(`/api/petitions/cases/${caseId}?full=true`)).body).toContain(NAME)
      expect((await county.get(`/api/ethics/cases/${ethicsId}?full=true`)).body).toContain(TEACHER)
    })

    it('refuses bad requests carrying the data without echoing it', async () => {
      const heping = (await h.unitByName('和平区')).id
      const person = { name: NAME, idNumber: ID, phone: PHONE, address: ADDRESS }
      const bad = [
        // A field error elsewhere in a body full of personal data.
        await office.post('/api/petitions/cases', { receivedOn: 'x', petitioners: [person] }),
        // The ID number itself is what is wrong (a wrong check character).
        await county.post('/api/ethics/cases', {
          teacherName: TEACHER,
          teacherIdNumber: `${TEACHER_ID.slice(0, 17)}${TEACHER_ID.endsWith('0') ? '1' : '0'}`,
          schoolId: heping,
          occurredOn: '2026-05-06',
          violationTypeId: 1,
          finding: TEACHER,
          handling: 'warning',
        }),
        // Malformed JSON, the data inside.
        await office.request({
          method: 'POST',
          url: '/api/petitions/cases',
          payload: `{"petitioners":[{"name":"${NAME}","idNumber":"${ID}","phone":"${PHONE}"`,
          headers: { 'content-type': 'application/json' },
        }),
        // An unknown route and a bad id, the data in the query string (paths are logged by
        // design and the API never puts personal data in one).
        await office.get(`/api/petitions/no-such?name=${encodeURIComponent(NAME)}&id=${ID}`),
        await office.get(`/api/petitions/cases/x?phone=${PHONE}&idNumber=${ID}`),
      ]
      for (const r of bad) {
        expect(r.statusCode).toBeGreaterThanOrEqual(400)
        expect(r.statusCode).toBeLessThan(500)
        expectNone(`the ${r.statusCode} answer`, r.body, [ID, PHONE, TEACHER_ID, ADDRESS])
      }
    })

    it('keeps every value out of the exports', async () => {
      expectNone('the petition export', await zipText(await office.get('/api/petitions/cases/export.xlsx')))
      expectNone('the ethics export', await zipText(await county.get('/api/ethics/export.xlsx')))
    })

    it('masks every value in redacted text, the ethics public summary and a report’s public copy', async () => {
      const prose = `来访人${NAME}（身份证${ID}，电话${PHONE}，住${ADDRESS}）反映教师${TEACHER}（身份证${TEACHER_ID}）有偿补课。`
      for (const mode of ['publication', 'personal']) {
        const r = await office.post('/api/redact', { text: prose, mode })
        expect(r.statusCode, r.body).toBe(200)
        expect((r.json() as { text: string }).text).toContain('有偿补课')
        expectNone(`POST /api/redact (${mode})`, r.body)
      }
      const pub = await county.get(`/api/ethics/cases/${ethicsId}/public`)
      expect(pub.statusCode, pub.body).toBe(200)
      expect((pub.json() as { publicSummary: string }).publicSummary).toContain('补课')
      expectNone('the ethics public summary', pub.body)

      const t = await office.post('/api/reports/templates', {
        key: 'case_note',
        title: '来访情况',
        source: `# 来访情况\n\n${prose}`,
      })
      expect(t.statusCode, t.body).toBe(201)
      const r = await office.post('/api/reports/render', { template: 'case_note', period: '2026' })
      expect(r.statusCode, r.body).toBe(201)
      snapshotId = (r.json() as { id: number }).id
      const s = (await office.get(`/api/reports/snapshots/${snapshotId}`)).json() as {
        html: string
        publicHtml: string
        terms: { personal: number }
      }
      expect(s.html).toContain(NAME) // the full copy says what the template says
      expect(s.terms.personal).toBeGreaterThanOrEqual(2) // both people found, by their hashes
      expectNone('the snapshot’s public HTML', s.publicHtml)
      const doc = (format: string) =>
        office.get(`/api/reports/snapshots/${snapshotId}/document?format=${format}&copy=public`)
      expectNone('the public .html', (await doc('html')).body)
      expectNone('the public .md', (await doc('md')).body)
      expectNone('the public .docx', await zipText(await doc('docx')))
    })

    let importJob = 0
    it('imports a ledger holding the data, and erases the closed case’s people after retention', async () => {
      const bytes = await workbook(
        [
          '案件编号',
          '登记日期',
          '信访形式',
          '姓名',
          '身份证号码',
          '联系电话',
          '住址',
          '所属县（市、区）',
          '问题类别',
          '具体诉求',
          '办理状态',
          '办结日期',
        ],
        [
          [
            'PD-2015-1',
            '2015-03-02',
            '来信',
            NAME,
            ID,
            PHONE,
            ADDRESS,
            '和平区',
            '教师待遇类',
            '工资待遇落实',
            '已办结',
            '2015-04-01',
          ],
        ],
      )
      const r = await upload(office, '/api/petitions/import', FILE_NAME, bytes)
      expect(r.statusCode, r.body).toBe(202)
      importJob = (r.json() as { job: { id: number } }).job.id
      await h.services.jobs.idle()
      const job = (await office.get(`/api/jobs/${importJob}`)).json() as { status: string; result: unknown }
      expect(job.status, JSON.stringify(job)).toBe('succeeded')
      expectNone('the import job', JSON.stringify(job))
      // Closed in 2015, kept five years: the people of that case are erased now.
      const erase = await office.post('/api/petitions/retention/run', {})
      expect(erase.statusCode, erase.body).toBe(200)
      expect((erase.json() as { erased: number }).erased).toBeGreaterThanOrEqual(1)
    })

    // Found by this test: job_files kept every uploaded ledger as it came, names, ID numbers and
    // phones in clear, for ever, and in every backup. Now the input is dropped when its job ends,
    // error reports after 7 days, and backups leave job files out (server/jobs/queue.ts, backup.ts).
    it('keeps no readable copy of the imported ledger once the import and the erasure are done', async () => {
      const files = await h.db.selectFrom('job_files').selectAll().where('job_id', '=', importJob).execute()
      for (const f of files) expectNone(`job_files ${f.role}`, await xlsxText(Buffer.from(f.bytes)))
    })

    it('writes none of the values to the log or the audit table', async () => {
      const log = lines.join('')
      expect(log).toContain('/api/petitions/cases') // requests are logged
      expect(log).toContain('/api/reports/render')
      expectNone('the log', log)
      const audit = await h.db.selectFrom('audit_log').selectAll().execute()
      const actions = new Set(audit.map((a) => a.action))
      for (const a of ['petition.register', 'petition.reveal', 'ethics.register', 'report.render'])
        expect(actions, a).toContain(a)
      expectNone('the audit log', JSON.stringify(audit))
    })

    // Found by this test: the import's audit row kept the upload's file name, and staff name files
    // after the person concerned; the audit chain is never erased. Uploads are now named by a
    // content hash (server/privacy/upload-ref.ts).
    it('keeps a name given as the upload’s file name out of the audit log', async () => {
      const before = await h.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').executeTakeFirst()
      const bytes = await workbook(
        ['案件编号', '登记日期', '信访形式', '姓名', '所属县（市、区）', '问题类别', '具体诉求', '办理状态'],
        [['PD-2026-2', '2026-11-02', '来信', NAME, '和平区', '教师待遇类', '工资待遇落实', '办理中']],
      )
      const r = await upload(office, '/api/petitions/import', `${NAME}来访登记.xlsx`, bytes)
      expect(r.statusCode, r.body).toBe(202)
      await h.services.jobs.idle()
      const rows = await h.db
        .selectFrom('audit_log')
        .selectAll()
        .where('id', '>', before?.id ?? 0)
        .execute()
      expect(rows.map((a) => a.action)).toContain('petition.import')
      expectNone('the audit log', JSON.stringify(rows), [NAME])
    })
  },
  { demo: 'city' },
)
