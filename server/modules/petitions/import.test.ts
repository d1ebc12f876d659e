/**
 * Importing the historical ledger in tests/fixtures (shaped like a real county file: title rows,
 * two-level header, dates in five forms, category synonyms, IDs mangled by Excel) and checking
 * the figures against expected.json, computed independently of this code.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { beforeAll, expect, it } from 'vitest'
import { type Client, countRows, forEachDatabase, type Harness } from '../../../tests/harness.js'
import type { JobView } from '../jobs/schema.js'
import { IMPORT_BATCH } from './import-apply.js'
import type { FiguresView } from './schema.js'

const dir = new URL('../../../tests/fixtures/', import.meta.url)
const fixture = readFileSync(new URL('信访案件台账.xlsx', dir))
const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')).petitions as {
  cases: number
  categories_used: number
  demands_used: number
  cutoff: string
  as_of: string
  stock_at_cutoff: number
  stock_resolved: number
  new_since_cutoff: number
  new_resolved: number
  open_now: number
  id_numbers_mangled_to_float: number
  cases_by_county: Record<string, number>
}

/** A multipart body with the file and, optionally, the mapping the user settled on. */
function form(bytes: Buffer, mapping?: unknown) {
  const b = `----edu-test-${randomBytes(8).toString('hex')}`
  const parts: Buffer[] = []
  if (mapping !== undefined)
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${JSON.stringify(mapping)}\r\n`,
      ),
    )
  parts.push(
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="台账.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${b}--\r\n`),
  )
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } }
}

async function runImport(h: Harness, c: Client, bytes: Buffer, mapping?: unknown): Promise<JobView> {
  const res = await c.request({ method: 'POST', url: '/api/petitions/import', ...form(bytes, mapping) })
  expect(res.statusCode, res.body).toBe(202)
  await h.services.jobs.idle()
  return (await c.get(`/api/jobs/${(res.json() as { job: JobView }).job.id}`)).json() as JobView
}

async function smallLedger(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  ws.addRow(['某区教育局信访台账'])
  ws.addRow([
    '案件编号',
    '登记日期',
    '信访形式',
    '姓名',
    '所属县（市、区）',
    '问题类别',
    '具体诉求',
    '办理状态',
    '办结日期',
  ])
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

forEachDatabase(
  'petition import',
  (h) => {
    let office: Client
    let before = 0
    beforeAll(async () => {
      office = await h.loginAs('dept_gaojiao')
      before = await countRows(h.db, 'petition_cases')
    })

    it('previews the mapping: every column found, every category and demand matched', async () => {
      const r = await office.request({
        method: 'POST',
        url: '/api/petitions/import/preview',
        ...form(fixture),
      })
      expect(r.statusCode, r.body).toBe(200)
      const p = r.json()
      expect(p.rows).toBe(expected.cases)
      const fields = (p.columns as { field: string | null }[]).map((c) => c.field).filter(Boolean)
      for (const f of [
        'caseNo',
        'received',
        'channel',
        'name',
        'idNumber',
        'phone',
        'county',
        'category',
        'demand',
        'status',
        'closed',
      ])
        expect(fields).toContain(f)
      // 7 categories, two of them also written without 类 (教师待遇, 招生入学): 9 spellings.
      expect(p.values.category).toHaveLength(expected.categories_used + 2)
      expect((p.values.category as { mapped: number | null }[]).every((c) => c.mapped !== null)).toBe(true)
      expect((p.values.demand as { mapped: number | null }[]).every((c) => c.mapped !== null)).toBe(true)
    })

    it('imports the ledger: 382 cases, the mangled ID numbers listed row by row and left empty', async () => {
      const job = await runImport(h, office, fixture)
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded')
      const result = job.result as {
        created: number
        unchanged: number
        warnings: { row: number; column: string }[]
      }
      expect(result.created).toBe(expected.cases)
      expect(result.warnings).toHaveLength(expected.id_numbers_mangled_to_float)
      expect(result.warnings.every((w) => w.column === 'F')).toBe(true)
      expect(await countRows(h.db, 'petition_cases')).toBe(before + expected.cases)
      const untrusted = await h.db
        .selectFrom('petition_people')
        .select('id')
        .where('id_untrusted', '=', 1)
        .execute()
      expect(untrusted).toHaveLength(expected.id_numbers_mangled_to_float)
      // The rows to check come back as a marked copy of the upload, to whoever uploaded it only.
      expect(job.hasWarningReport).toBe(true)
      const report = await office.get(`/api/jobs/${job.id}/warning-report.xlsx`)
      expect(report.statusCode).toBe(200)
      expect(report.headers['content-type']).toContain('spreadsheetml')
      expect(report.rawPayload.subarray(0, 2).toString()).toBe('PK')
      const admin = await h.admin()
      expect((await admin.get(`/api/jobs/${job.id}/warning-report.xlsx`)).statusCode).toBe(404)
    })

    it('yields the figures of expected.json', async () => {
      const f = (
        await office.get(`/api/petitions/figures?cutoff=${expected.cutoff}&asOf=${expected.as_of}`)
      ).json() as FiguresView
      expect(f).toMatchObject({
        cases: expected.cases,
        categoriesUsed: expected.categories_used,
        demandsUsed: expected.demands_used,
        stockAtCutoff: expected.stock_at_cutoff,
        stockResolved: expected.stock_resolved,
        newReceived: expected.new_since_cutoff,
        newResolved: expected.new_resolved,
        openNow: expected.open_now,
        firstYear: 2015,
      })
      expect(Object.fromEntries(f.byCounty.map((c) => [c.label, c.value]))).toEqual(expected.cases_by_county)
    })

    it('gives open imported cases without an acceptance date a deadline from the latest lawful acceptance', async () => {
      const list = (await office.get('/api/petitions/cases?status=handling&q=SY&pageSize=5')).json()
      expect(list.total).toBeGreaterThan(0)
      for (const c of list.items as { due: string | null; dueState: string; receivedOn: string }[]) {
        expect(c.due).not.toBeNull()
        expect(c.dueState).toBe('overdue') // received in 2015–2023, open still
      }
    })

    it('imports the same file again without changing anything', async () => {
      const job = await runImport(h, office, fixture)
      expect(job.status).toBe('succeeded')
      expect(job.result).toMatchObject({ created: 0, updated: 0, unchanged: expected.cases })
    })

    it('writes nothing when one row is wrong, and says which row and column', async () => {
      const n = await countRows(h.db, 'petition_cases')
      const bytes = await smallLedger([
        ['BAD-1', '2024-03-01', '来信', '甲', '和平区', '教师待遇类', '工资待遇落实', '办理中', ''],
        ['BAD-2', '2024-03-02', '来信', '乙', '不存在区', '教师待遇类', '工资待遇落实', '办理中', ''],
      ])
      const job = await runImport(h, office, bytes)
      expect(job.status).toBe('failed')
      expect(job.hasErrorReport).toBe(true)
      expect(await countRows(h.db, 'petition_cases')).toBe(n)
      const report = await office.get(`/api/jobs/${job.id}/error-report.xlsx`)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(new Uint8Array(report.rawPayload).buffer)
      const text = JSON.stringify(wb.worksheets.map((ws) => ws.getSheetValues()))
      expect(text).toContain('不存在区')
    })

    it('rolls back the batches already written when a later row is wrong', async () => {
      const n = await countRows(h.db, 'petition_cases')
      const rows = Array.from({ length: IMPORT_BATCH + 50 }, (_, i) => [
        `ROLL-${i}`,
        '2024-03-01',
        '来信',
        '甲',
        '和平区',
        '教师待遇类',
        '工资待遇落实',
        '办理中',
        '',
      ])
      const late = IMPORT_BATCH + 20 // after a whole batch went in
      rows[late] = [
        `ROLL-${late}`,
        '2024-03-01',
        '来信',
        '甲',
        '不存在区',
        '教师待遇类',
        '工资待遇落实',
        '办理中',
        '',
      ]
      const job = await runImport(h, office, await smallLedger(rows))
      expect(job.status).toBe('failed')
      expect(job.error).toMatchObject({ code: 'import_has_errors' })
      expect(await countRows(h.db, 'petition_cases')).toBe(n)
      const report = await office.get(`/api/jobs/${job.id}/error-report.xlsx`)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(new Uint8Array(report.rawPayload).buffer)
      const ws = wb.worksheets[0]
      // The report starts at the header (Excel row 2 of the upload): data row `late` is at late + 2.
      expect(String(ws?.getRow(late + 2).getCell(10).value)).toBe(
        'E列 所属县（市、区）：找不到名为“不存在区”的县（市、区）',
      )
      expect(ws?.getRow(late + 1).getCell(10).value ?? null).toBeNull()
    })

    it('imports more rows than one batch, then the same file again without changes', async () => {
      const n = await countRows(h.db, 'petition_cases')
      const rows = Array.from({ length: IMPORT_BATCH + 30 }, (_, i) => [
        `MANY-${i}`,
        '2024-05-01',
        '电话',
        '乙',
        '和平区',
        '教师待遇类',
        '工资待遇落实',
        i % 2 ? '办理中' : '已办结',
        i % 2 ? '' : '2024-06-01',
      ])
      const bytes = await smallLedger(rows)
      const first = await runImport(h, office, bytes)
      expect(first.status, JSON.stringify(first.error)).toBe('succeeded')
      expect(first.result).toMatchObject({ created: rows.length, updated: 0, unchanged: 0 })
      expect(await countRows(h.db, 'petition_cases')).toBe(n + rows.length)
      const again = await runImport(h, office, bytes)
      expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: rows.length })
      expect(await countRows(h.db, 'petition_cases')).toBe(n + rows.length)
    })

    it('maps a column under an unknown heading in the mapping step', async () => {
      const wb = new ExcelJS.Workbook()
      const ws = wb.addWorksheet('台账')
      ws.addRow([
        '信访件号',
        '登记日期',
        '信访形式',
        '姓名',
        '所属县（市、区）',
        '问题类别',
        '具体诉求',
        '办理状态',
      ])
      ws.addRow(['HEAD-1', '2024-05-06', '电话', '丁', '和平区', '教师待遇类', '工资待遇落实', '办理中'])
      const bytes = Buffer.from(await wb.xlsx.writeBuffer())
      const r = await office.request({ method: 'POST', url: '/api/petitions/import/preview', ...form(bytes) })
      expect(r.statusCode, r.body).toBe(200)
      const p = r.json()
      expect(p.missing).toEqual(['caseNo'])
      expect(p.columns[0]).toMatchObject({ letter: 'A', label: '信访件号', field: null })
      const job = await runImport(h, office, bytes, {
        ...p.mapping,
        columns: { ...p.mapping.columns, 信访件号: 'caseNo' },
      })
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded')
      expect(job.result).toMatchObject({ created: 1 })
    })

    it('asks for a mapping for an unknown category, and remembers it', async () => {
      const bytes = await smallLedger([
        ['MAP-1', '2024-03-01', '来信', '丙', '和平区', '教育收费类', '收费问题', '已办结', '2024-04-01'],
      ])
      const preview = (
        await office.request({ method: 'POST', url: '/api/petitions/import/preview', ...form(bytes) })
      ).json()
      expect(preview.values.category).toEqual([{ value: '教育收费类', count: 1, mapped: null }])
      expect((await runImport(h, office, bytes)).status).toBe('failed')
      const cats = (await office.get('/api/petitions/categories')).json().items as {
        id: number
        name: string
      }[]
      const school = cats.find((c) => c.name === '学校管理类')
      const mapping = { ...preview.mapping, categories: { 教育收费类: school?.id } }
      const job = await runImport(h, office, bytes, mapping)
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded')
      // The next file with the same spelling needs no decision.
      const again = (
        await office.request({ method: 'POST', url: '/api/petitions/import/preview', ...form(bytes) })
      ).json()
      expect(again.values.category[0].mapped).toBe(school?.id)
    })
  },
  { demo: 'city' },
)
