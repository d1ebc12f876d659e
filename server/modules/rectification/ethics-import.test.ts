/**
 * Importing teacher-ethics cases from Excel: a county's own ledger (title rows above the header,
 * synonyms in the labels, schools with or without their county, dates in three forms), all or
 * nothing with an error report by row and column, idempotent by case number, the teacher's data
 * sealed exactly as registration seals it, and the masked export refused.
 */
import ExcelJS from 'exceljs'
import { beforeAll, expect, it } from 'vitest'
import { type Client, countRows, forEachDatabase, type Harness, upload } from '../../../tests/harness.js'
import { idCheckChar } from '../../spreadsheet/parse-id.js'
import { readWorkbook } from '../../spreadsheet/read.js'
import type { JobView } from '../jobs/schema.js'
import type { OrgUnit } from '../org/schema.js'
import type { EthicsCaseDetail } from './schema.js'
import { violationTypeIds } from './testing.js'

const withCheck = (first17: string) => `${first17}${idCheckChar(first17)}`
const ID1 = '210102198503151235'
const ID3 = withCheck('21010219900101123')
const NAMES = ['欧阳明远', '李四海', '王五岳']

type Cell = string | number | Date | null

const HEADER = [
  '序号',
  '案件编号',
  '涉事教师',
  '身份证号码',
  '所在学校',
  '违规时间',
  '违规类型',
  '查实情况',
  '处理结果',
  '处理说明',
  '处理日期',
  '是否通报',
]

async function sheet(rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('案件台账')
  ws.addRow(['和平区师德师风违规案件台账'])
  ws.mergeCells(1, 1, 1, HEADER.length)
  ws.addRow(['填报单位：和平区教育局', null, null, null, null, null, null, null, '填报日期：2026年11月'])
  ws.addRow(HEADER)
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

const FINDING1 = `${NAMES[0]}（身份证号${ID1}）组织学生有偿补课，收取费用9600元。`
const GOOD: Cell[][] = [
  [
    1,
    'HP-SD-001',
    NAMES[0] as string,
    // Typed with a leading apostrophe to keep Excel from turning it into a number: recoverable.
    `'${ID1}`,
    '晨曦实验小学',
    new Date(Date.UTC(2026, 2, 5)),
    '有偿补课',
    FINDING1,
    '记过处分',
    `取消${NAMES[0]}年度评优资格`,
    '2026/4/20',
    '是',
  ],
  [
    2,
    'HP-SD-002',
    NAMES[1] as string,
    null,
    '和平区晨曦实验小学',
    '2026年5月6日',
    '体罚学生',
    `${NAMES[1]}在课堂上体罚学生。`,
    '警告',
    null,
    null,
    '否',
  ],
  [
    3,
    'HP-SD-003',
    NAMES[2] as string,
    ID3,
    '示例市和平区晨曦实验小学',
    '2026-06-01',
    '收受礼品礼金',
    `${NAMES[2]}收受家长礼金2000元。`,
    '其他',
    '责令退还礼金',
    '2026-07-01',
    null,
  ],
]

async function runImport(h: Harness, c: Client, bytes: Buffer): Promise<JobView> {
  const res = await upload(c, '/api/ethics/import', '案件台账.xlsx', bytes)
  expect(res.statusCode, res.body).toBe(202)
  await h.services.jobs.idle()
  return (await c.get(`/api/jobs/${(res.json() as { job: JobView }).job.id}`)).json() as JobView
}

/** The error column of the report, by the sheet's 序号. */
async function notesOf(c: Client, job: JobView): Promise<Map<string, string>> {
  const report = await c.get(`/api/jobs/${job.id}/error-report.xlsx`)
  expect(report.statusCode).toBe(200)
  const [ws] = await readWorkbook(report.rawPayload)
  return new Map((ws?.rows ?? []).map((r) => [String(r[0] ?? ''), String(r[HEADER.length] ?? '')]))
}

forEachDatabase(
  'teacher-ethics import',
  (h) => {
    let county: Client
    let chenxi: OrgUnit
    const imported = () =>
      h.db
        .selectFrom('ethics_cases')
        .selectAll()
        .where('case_no', 'like', 'HP-SD-%')
        .orderBy('case_no')
        .execute()
    beforeAll(async () => {
      county = await h.loginAs('county_heping')
      const heping = await h.unitByName('和平区')
      chenxi = await h.buildSchool({ countyId: heping.id, name: '和平区晨曦实验小学' })
      // Two units answering to 启明星小学 once the county is taken off: ambiguous.
      await h.buildSchool({ countyId: heping.id, name: '和平区启明星小学' })
      await h.buildSchool({ countyId: heping.id, name: '示例市和平区启明星小学' })
      await h.buildSchool({ countyId: (await h.unitByName('沈河区')).id, name: '沈河区晨光实验小学' })
    })

    it('hands out a template that says the import needs the full data, and imports as downloaded', async () => {
      const r = await county.get('/api/ethics/import-template.xlsx')
      expect(r.statusCode).toBe(200)
      const [data, guide] = await readWorkbook(r.rawPayload)
      expect(data?.rows[0]).toEqual([
        '案件编号',
        '*教师姓名',
        '身份证号',
        '*学校',
        '*发生日期',
        '*违规类型',
        '*查实情况',
        '*处理结果',
        '处理说明',
        '处理日期',
        '是否通报',
      ])
      const text = JSON.stringify(guide?.rows)
      expect(text).toContain('导出的案件表已隐去部分信息，不能直接导入')
      expect(text).toContain('有偿补课、体罚学生') // the configured violation types
      const job = await runImport(h, county, r.rawPayload)
      expect(job.status, JSON.stringify(job)).toBe('succeeded')
      expect(job.result).toMatchObject({ created: 0, rows: 0 })
      const school = await h.loginAs('school_demo')
      expect((await school.get('/api/ethics/import-template.xlsx')).statusCode).toBe(403)
      expect((await upload(school, '/api/ethics/import', 'x.xlsx', r.rawPayload)).statusCode).toBe(403)
    })

    it('imports rows below title rows: synonyms, schools with or without the county, dates in three forms', async () => {
      const before = await countRows(h.db, 'audit_log')
      const job = await runImport(h, county, await sheet(GOOD))
      expect(job.status, JSON.stringify(job)).toBe('succeeded')
      expect(job.result).toMatchObject({ created: 3, updated: 0, unchanged: 0, rows: 3 })
      const rows = await imported()
      expect(
        rows.map((c) => [
          c.case_no,
          c.school_unit_id,
          c.occurred_on,
          c.handling,
          c.handled_on,
          c.published,
          c.published_on,
          c.teacher_name_mask,
          c.teacher_id_mask,
        ]),
      ).toEqual([
        [
          'HP-SD-001',
          chenxi.id,
          '2026-03-05',
          'demerit',
          '2026-04-20',
          1,
          '2026-11-27',
          '欧***',
          '210102********1235',
        ],
        ['HP-SD-002', chenxi.id, '2026-05-06', 'warning', null, 0, null, '李**', null],
        [
          'HP-SD-003',
          chenxi.id,
          '2026-06-01',
          'other',
          '2026-07-01',
          0,
          null,
          '王**',
          `210102********${ID3.slice(-4)}`,
        ],
      ])
      const audit = await h.db
        .selectFrom('audit_log')
        .select(['action', 'after_json'])
        .where('id', '>', before)
        .where('action', '=', 'ethics.import_create')
        .orderBy('id')
        .execute()
      expect(audit).toHaveLength(3)
      expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ caseNo: 'HP-SD-001', row: 4 })
    })

    it('keeps the imported teachers out of the database, the audit log and the job in clear', async () => {
      const rows = await imported()
      const text = JSON.stringify(rows)
      for (const secret of [...NAMES, ID1, ID3, FINDING1]) expect(text).not.toContain(secret)
      expect(
        rows.every((r) => r.teacher_name_enc?.startsWith('v1:') && r.finding_enc?.startsWith('v1:')),
      ).toBe(true)
      expect(rows[0]?.finding_mask).toBe(
        '欧***（身份证号210102********1235）组织学生有偿补课，收取费用9600元。',
      )
      expect(rows[0]?.handling_detail).toBe('取消欧***年度评优资格')
      const audit = await h.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute()
      const jobs = await h.db.selectFrom('jobs').select(['result_json', 'error_json', 'message']).execute()
      for (const secret of [...NAMES, ID1, ID3]) {
        expect(JSON.stringify(audit)).not.toContain(secret)
        expect(JSON.stringify(jobs)).not.toContain(secret)
      }
    })

    it('shows imported cases masked, finds them by ID number, and publishes the summary registration would', async () => {
      const list = await county.get('/api/ethics/cases?q=HP-SD')
      expect(list.statusCode).toBe(200)
      expect(list.body).not.toContain(NAMES[0])
      expect(
        list
          .json()
          .items.map((c: { teacherName: string }) => c.teacherName)
          .sort(),
      ).toEqual(['李**', '欧***', '王**'])
      const same = await county.get(`/api/ethics/cases?teacherIdNumber=${ID1}`)
      expect(same.json().items.map((c: { caseNo: string }) => c.caseNo)).toContain('HP-SD-001')

      const [first] = await imported()
      const shown = (await county.get(`/api/ethics/cases/${first?.id}`)).json() as EthicsCaseDetail
      expect(shown).toMatchObject({ teacherName: '欧***', personalMasked: true, published: true })
      const full = (await county.get(`/api/ethics/cases/${first?.id}?full=true`)).json() as EthicsCaseDetail
      expect(full).toMatchObject({ teacherName: NAMES[0], teacherIdNumber: ID1, finding: FINDING1 })

      const types = await violationTypeIds(county)
      const registered = await county.post('/api/ethics/cases', {
        teacherName: NAMES[0],
        teacherIdNumber: ID1,
        schoolId: chenxi.id,
        occurredOn: '2026-03-05',
        violationTypeId: types.有偿补课,
        finding: FINDING1,
        handling: 'demerit',
        handlingDetail: `取消${NAMES[0]}年度评优资格`,
        handledOn: '2026-04-20',
        published: true,
      })
      expect(registered.statusCode, registered.body).toBe(201)
      expect(shown.publicSummary).toBe((registered.json() as EthicsCaseDetail).publicSummary)
      expect(shown.publicSummary).toContain('欧阳某')
      expect(shown.publicSummary).not.toContain('晨曦')
    })

    it('changes nothing when the same file comes again, and updates only the row that differs', async () => {
      const before = await imported()
      const audits = await countRows(h.db, 'audit_log')
      let job = await runImport(h, county, await sheet(GOOD))
      expect(job.result).toMatchObject({ created: 0, updated: 0, unchanged: 3 })
      expect(await imported()).toEqual(before)
      expect(await countRows(h.db, 'audit_log')).toBe(audits)

      const changed = GOOD.map((r) => [...r])
      ;(changed[1] as Cell[])[8] = '记过'
      job = await runImport(h, county, await sheet(changed))
      expect(job.result).toMatchObject({ created: 0, updated: 1, unchanged: 2 })
      const after = await imported()
      expect(after.map((c) => [c.case_no, c.handling, c.version])).toEqual([
        ['HP-SD-001', 'demerit', 1],
        ['HP-SD-002', 'demerit', 2],
        ['HP-SD-003', 'other', 1],
      ])
      const audit = await h.db
        .selectFrom('audit_log')
        .select(['before_json', 'after_json'])
        .where('action', '=', 'ethics.import_update')
        .execute()
      expect(audit).toHaveLength(1)
      expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ handling: 'demerit', teacher: '***' })
      expect(JSON.stringify(audit)).not.toContain(NAMES[1])
    })

    it('writes nothing when a cell is wrong, and names the row and column (a mangled ID number as 身份证号)', async () => {
      const before = await imported()
      const count = await countRows(h.db, 'ethics_cases')
      const row = (seq: number, over: Record<number, Cell>): Cell[] => {
        const r = [...(GOOD[1] as Cell[])]
        r[0] = seq
        r[1] = `HP-SD-1${seq}`
        for (const [i, v] of Object.entries(over)) r[Number(i)] = v
        return r
      }
      const job = await runImport(
        h,
        county,
        await sheet([
          row(1, {}),
          row(2, { 3: 2.10102198503151e17 }), // Excel's float: the last digits are gone
          row(3, { 3: '2.10102198503151E+17' }),
          row(4, { 1: null }),
          row(5, { 2: '李**' }), // the masked export
          row(6, { 8: '罚款' }),
          row(7, { 1: 'HP-SD-11' }),
          row(8, { 4: '不存在的学校' }), // checked against the database all the same
        ]),
      )
      expect(job.status).toBe('failed')
      expect(job.error?.code).toBe('import_has_errors')
      expect(await countRows(h.db, 'ethics_cases')).toBe(count)
      expect(await imported()).toEqual(before)
      const notes = await notesOf(county, job)
      expect(notes.get('1')).toBe('')
      const mangled = 'D列 身份证号：身份证号被 Excel 转成了数字，末几位已丢失，请将该列设为文本后重新填写'
      expect(notes.get('2')).toBe(mangled)
      expect(notes.get('3')).toBe(mangled)
      expect(notes.get('4')).toBe(
        'B列 案件编号：请填写案件编号：导入按案件编号识别同一案件，再次导入时不会重复登记',
      )
      expect(notes.get('5')).toMatch(/^C列 教师姓名：内容含“\*”，是隐去个人信息后的数据；导入需要完整信息/)
      expect(notes.get('6')).toMatch(/^I列 处理结果：“罚款”不是可选值/)
      expect(notes.get('7')).toBe('B列 案件编号：与第 4 行重复')
      expect(notes.get('8')).toBe('E列 学校：找不到名称或代码为“不存在的学校”的学校')
      // The error column names cells, never a teacher.
      expect([...notes.values()].join('')).not.toContain(NAMES[1])
    })

    it('writes nothing when a school or type is unknown, and names the row and column', async () => {
      const count = await countRows(h.db, 'ethics_cases')
      const row = (seq: number, over: Record<number, Cell>): Cell[] => {
        const r = [...(GOOD[2] as Cell[])]
        r[0] = seq
        r[1] = `HP-SD-2${seq}`
        for (const [i, v] of Object.entries(over)) r[Number(i)] = v
        return r
      }
      const job = await runImport(
        h,
        county,
        await sheet([
          row(1, {}),
          row(2, { 4: '不存在的学校' }),
          row(3, { 4: '沈河区晨光实验小学' }),
          row(4, { 6: '迟到早退' }),
          row(5, { 4: '启明星小学' }),
          row(6, { 5: '2027-01-01' }),
          row(7, { 4: '不存在的学校', 6: '迟到早退' }),
        ]),
      )
      expect(job.status).toBe('failed')
      expect(await countRows(h.db, 'ethics_cases')).toBe(count)
      const notes = await notesOf(county, job)
      expect(notes.get('1')).toBe('')
      expect(notes.get('2')).toBe('E列 学校：找不到名称或代码为“不存在的学校”的学校')
      expect(notes.get('3')).toBe('E列 学校：“沈河区晨光实验小学”不在您的管辖范围内')
      expect(notes.get('4')).toMatch(
        /^G列 违规类型：“迟到早退”不是系统中的违规类型（现有：有偿补课、体罚学生/,
      )
      expect(notes.get('5')).toBe('E列 学校：有多个学校名为“启明星小学”，请填写带区县名称的全称或单位代码')
      expect(notes.get('6')).toBe('F列 发生日期：日期不能晚于今天')
      expect(notes.get('7')).toMatch(/^E列 学校：找不到.*\nG列 违规类型：“迟到早退”/)
    })

    it('refuses a case number taken by a voided case', async () => {
      const types = await violationTypeIds(county)
      const r = await county.post('/api/ethics/cases', {
        teacherName: '赵六',
        schoolId: chenxi.id,
        occurredOn: '2026-02-01',
        violationTypeId: types.其他,
        finding: '赵六违规。',
        handling: 'warning',
      })
      const d = r.json() as EthicsCaseDetail
      expect(
        (await county.post(`/api/ethics/cases/${d.id}/void`, { version: d.version, reason: '录错' }))
          .statusCode,
      ).toBe(200)
      const row = [...(GOOD[1] as Cell[])]
      row[1] = d.caseNo
      const job = await runImport(h, county, await sheet([row]))
      expect(job.status).toBe('failed')
      expect((await notesOf(county, job)).get('2')).toBe(`B列 案件编号：案件编号 ${d.caseNo} 已被使用`)
    })

    it('refuses the masked export: an import needs the full data', async () => {
      const before = await imported()
      const exported = await county.get(`/api/ethics/export.xlsx?schoolId=${chenxi.id}&q=HP-SD`)
      expect(exported.statusCode).toBe(200)
      const res = await upload(county, '/api/ethics/import', '导出.xlsx', exported.rawPayload)
      await h.services.jobs.idle()
      const job = (await county.get(`/api/jobs/${(res.json() as { job: JobView }).job.id}`)).json() as JobView
      expect(job.status).toBe('failed')
      const report = await county.get(`/api/jobs/${job.id}/error-report.xlsx`)
      const [ws] = await readWorkbook(report.rawPayload)
      const errors = (ws?.rows ?? []).slice(1).map((r) => String(r.at(-1) ?? ''))
      expect(errors).toHaveLength(3)
      for (const e of errors) expect(e).toMatch(/^B列 教师姓名：内容含“\*”/)
      expect(await imported()).toEqual(before)
      // The report is the uploaded file: an admin sees the job's status but never its files.
      const admin = await h.admin()
      expect((await admin.get(`/api/jobs/${job.id}`)).statusCode).toBe(200)
      expect((await admin.get(`/api/jobs/${job.id}/error-report.xlsx`)).statusCode).toBe(404)
    })
  },
  { demo: 'city' },
)
