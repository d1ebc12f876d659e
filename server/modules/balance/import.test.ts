/**
 * Importing balance data as jobs: the template's headers import as they are; a file with a title
 * row, schools by name or code, and blank numbers (0) adds rows; the same file again changes
 * nothing; a changed number updates; any bad cell (unknown school, a stage the school does not
 * teach, more qualified teachers than teachers, a future year) fails the whole file with errors
 * by row and column and writes nothing. The export imports back unchanged.
 */
import ExcelJS from 'exceljs'
import { beforeAll, expect, it } from 'vitest'
import { type Client, countRows, forEachDatabase, type Harness, upload } from '../../../tests/harness.js'
import type { JobView } from '../jobs/schema.js'
import type { OrgUnit } from '../org/schema.js'

const HEADER = [
  '学校名称',
  '统计年度',
  '小学在校生数',
  '小学专任教师数',
  '小学专科及以上学历教师数',
  '图书册数',
  '教学仪器设备值（元）',
]
type Cell = string | number | null

async function sheet(rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('办学条件')
  ws.addRow(['2026年度学校办学条件统计表'])
  ws.addRow(HEADER)
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function runImport(
  h: Harness,
  c: Client,
  bytes: Buffer,
  url = '/api/balance/resources/import',
): Promise<JobView> {
  const res = await upload(c, url, '办学条件.xlsx', bytes)
  expect(res.statusCode, res.body).toBe(202)
  await h.services.jobs.idle()
  return (await c.get(`/api/jobs/${(res.json() as { job: JobView }).job.id}`)).json() as JobView
}

forEachDatabase('balance: import', (h) => {
  let c: Client
  let one: OrgUnit
  let two: OrgUnit
  beforeAll(async () => {
    const county = await h.buildCounty()
    one = await h.buildSchool({ countyId: county.id, stage: 'primary', code: '2101020001' })
    two = await h.buildSchool({ countyId: county.id, stage: 'primary' })
    const u = await h.buildUser({ role: 'county', orgUnitId: county.id })
    c = await h.loginAs(u.username, u.password)
  })

  it('hands out a template whose headers import', async () => {
    const r = await c.get('/api/balance/resources/import-template.xlsx')
    expect(r.statusCode).toBe(200)
    const job = await runImport(h, c, r.rawPayload)
    // Headers recognised; the grey example row is skipped, not imported.
    expect(job.status, JSON.stringify(job)).toBe('succeeded')
    expect(job.result).toMatchObject({ rows: 0, skipped: 1 })
    expect(await countRows(h.db, 'balance_school_resources')).toBe(0)
  })

  it('adds rows by code or name, then changes nothing, then updates what changed', async () => {
    const rows: Cell[][] = [
      ['2101020001', 2026, 450, 28, 26, 9000, '1,250,000.50'],
      [two.name, 2026, 300, 20, 18, 6000, null],
    ]
    let job = await runImport(h, c, await sheet(rows))
    expect(job.status, JSON.stringify(job)).toBe('succeeded')
    expect(job.result).toMatchObject({ created: 2, updated: 0, unchanged: 0 })
    const stored = await h.db
      .selectFrom('balance_school_resources')
      .select(['school_id', 'pupils_primary', 'equipment_fen', 'books', 'source'])
      .orderBy('school_id')
      .execute()
    expect(stored).toEqual([
      { school_id: one.id, pupils_primary: 450, equipment_fen: 125_000_050, books: 9000, source: 'import' },
      { school_id: two.id, pupils_primary: 300, equipment_fen: 0, books: 6000, source: 'import' },
    ])
    job = await runImport(h, c, await sheet(rows))
    expect(job.result).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
    job = await runImport(h, c, await sheet([rows[0] as Cell[], [two.name, 2026, 300, 20, 18, 6500, null]]))
    expect(job.result).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
    const exported = await c.get('/api/balance/resources/export.xlsx?year=2026')
    expect(exported.statusCode).toBe(200)
    job = await runImport(h, c, exported.rawPayload)
    expect(job.result).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
  })

  it('fails the whole file on any bad cell, naming row and column, and writes nothing', async () => {
    const before = await countRows(h.db, 'balance_school_resources')
    const job = await runImport(
      h,
      c,
      await sheet([
        [one.name, 2025, 400, 25, 24, 8000, null],
        ['不存在的小学', 2025, 1, 1, 1, 1, null],
        [two.name, 2025, 300, 20, 21, 6000, null],
        [two.name, 2030, 300, 20, 18, 6000, null],
      ]),
    )
    expect(job.status).toBe('failed')
    expect(job.error?.code).toBe('import_has_errors')
    expect(await countRows(h.db, 'balance_school_resources')).toBe(before)
    const r = await c.get(`/api/jobs/${job.id}/error-report.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(new Uint8Array(r.rawPayload).buffer)
    const texts: string[] = []
    wb.worksheets[0]?.eachRow((row) => {
      const v = row.getCell(HEADER.length + 1).value
      if (typeof v === 'string') texts.push(v)
    })
    const all = texts.join('\n')
    expect(all).toContain('找不到“不存在的小学”')
    expect(all).toContain('不能多于该学段专任教师数（20）')
    expect(all).toContain('不能晚于 2026 年')
  })

  it('imports kindergarten enrolment by the same rules', async () => {
    const kg = await h.buildSchool({
      countyId: one.parentId ?? 0,
      kind: 'kindergarten',
      stage: null,
      ownership: 'public',
    })
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('幼儿')
    ws.addRow(['幼儿园名称', '统计年度', '在园幼儿数', '新增普惠学位数'])
    ws.addRow([kg.name, 2026, 210, 30])
    const job = await runImport(
      h,
      c,
      Buffer.from(await wb.xlsx.writeBuffer()),
      '/api/balance/kindergartens/import',
    )
    expect(job.result).toMatchObject({ created: 1 })
    const exported = await c.get('/api/balance/kindergartens/export.xlsx?year=2026')
    expect(exported.statusCode).toBe(200)
    const again = await runImport(h, c, exported.rawPayload, '/api/balance/kindergartens/import')
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 1 })
    const list = (await c.get('/api/balance/kindergartens?year=2026')).json()
    expect(list.items).toEqual([
      expect.objectContaining({ kindergartenId: kg.id, children: 210, newInclusivePlaces: 30 }),
    ])
  })
})
