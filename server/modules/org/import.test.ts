import ExcelJS from 'exceljs'
import { expect, it } from 'vitest'
import { type Client, countRows, forEachDatabase, type Harness, upload } from '../../../tests/harness.js'
import { readWorkbook } from '../../spreadsheet/read.js'
import type { JobView } from '../jobs/schema.js'
import type { OrgUnit } from './schema.js'

type Row = (string | null)[]

/** The template as downloaded, with `rows` typed in under the example row. */
async function fillTemplate(client: Client, rows: Row[]): Promise<Buffer> {
  const res = await client.get('/api/org-units/import-template.xlsx')
  expect(res.statusCode).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(new Uint8Array(res.rawPayload).buffer)
  const ws = wb.worksheets[0]
  if (!ws) throw new Error('template has no sheet')
  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i)
    r.forEach((v, c) => {
      if (v !== null) row.getCell(c + 1).value = v
    })
    row.commit()
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Uploads, waits for the job, and returns its final state. */
async function runImport(h: Harness, client: Client, bytes: Buffer): Promise<JobView> {
  const res = await upload(client, '/api/org-units/import', '组织机构.xlsx', bytes)
  expect(res.statusCode, res.body).toBe(202)
  const { job } = res.json() as { job: JobView }
  expect(job.kind).toBe('org.import')
  await h.services.jobs.idle()
  const polled = await client.get(`/api/jobs/${job.id}`)
  expect(polled.statusCode).toBe(200)
  return polled.json() as JobView
}

const sheetRows = async (bytes: Buffer) => {
  const [sheet] = await readWorkbook(bytes)
  if (!sheet) throw new Error('no sheet')
  return sheet.rows.map((r) => r.map((c) => (c === null ? '' : String(c))))
}

forEachDatabase(
  'org import and export',
  (h) => {
    // A new county under 示例市 and four schools under it, the county named by its code from an earlier row.
    const good: Row[] = [
      ['示例市', '测试新区', '区县', '210150', null, null, null, null, null, '新设'],
      ['210150', '测试新区第一小学', '学校', '2101500001', null, '小学', '公办', null, '否', null],
      ['210150', '测试新区第二小学', '学校', '2101500002', null, '小学', '公办', null, '是', '乡村、寄宿'],
      ['210150', '测试新区实验中学', '学校', '2101500003', '实验中学', '初中', '公办', null, null, null],
      ['测试新区', '测试新区中心幼儿园', '幼儿园', '2101500004', null, null, '民办', '是', null, null],
    ]

    it('downloads a template with the expected headers', async () => {
      const admin = await h.admin()
      const res = await admin.get('/api/org-units/import-template.xlsx')
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toContain('spreadsheetml')
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('组织机构导入模板.xlsx'))
      const [header] = await sheetRows(res.rawPayload)
      expect(header?.slice(0, 4)).toEqual(['*上级单位', '*单位名称', '*类型', '代码'])
      const en = await admin.get('/api/org-units/import-template.xlsx', { 'x-lang': 'en' })
      expect((await sheetRows(en.rawPayload))[0]?.slice(0, 3)).toEqual(['*Parent', '*Name', '*Kind'])
    })

    it('imports N rows, then the same file again changes nothing (idempotent)', async () => {
      const admin = await h.admin()
      const file = await fillTemplate(admin, good)
      const unitsBefore = await countRows(h.db, 'org_units')
      const job = await runImport(h, admin, file)
      expect(job).toMatchObject({ status: 'succeeded', error: null, hasErrorReport: false })
      expect(job.result).toMatchObject({ created: 5, updated: 0, unchanged: 0, rows: 5 })
      expect(await countRows(h.db, 'org_units')).toBe(unitsBefore + 5)

      const county = await h.unitByName('测试新区')
      expect(county).toMatchObject({ kind: 'county', code: '210150', tags: ['新设'] })
      expect(county.parentId).toBe((await h.unitByName('示例市')).id)
      const kids = (await admin.get(`/api/org-units?parentId=${county.id}`)).json() as { items: OrgUnit[] }
      expect(kids.items.map((u) => u.code).sort()).toEqual([
        '2101500001',
        '2101500002',
        '2101500003',
        '2101500004',
      ])
      for (const k of kids.items) expect(k.path).toBe(`${county.path}${k.id}/`)
      expect(kids.items.find((u) => u.code === '2101500002')).toMatchObject({
        rural: true,
        tags: ['乡村', '寄宿'],
        stage: 'primary',
      })
      expect(kids.items.find((u) => u.code === '2101500003')).toMatchObject({
        shortName: '实验中学',
        stage: 'junior',
      })
      expect(kids.items.find((u) => u.code === '2101500004')).toMatchObject({
        kind: 'kindergarten',
        inclusive: true,
        ownership: 'private',
      })
      const audited = await h.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('action', '=', 'org.import.create')
        .execute()
      expect(audited).toHaveLength(5)

      const again = await runImport(h, admin, file)
      expect(again.status).toBe('succeeded')
      expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 5 })
      expect(await countRows(h.db, 'org_units')).toBe(unitsBefore + 5)

      // One row changed: one update, the rest unchanged; the version moves on.
      const changed = good.map((r) => [...r])
      if (changed[1]) changed[1][1] = '测试新区第一小学（新校区）'
      const third = await runImport(h, admin, await fillTemplate(admin, changed))
      expect(third.result).toMatchObject({ created: 0, updated: 1, unchanged: 4 })
      const renamed = await h.db
        .selectFrom('org_units')
        .selectAll()
        .where('code', '=', '2101500001')
        .executeTakeFirstOrThrow()
      expect(renamed).toMatchObject({ name: '测试新区第一小学（新校区）', version: 2 })
    })

    it('a file with 2 bad rows fails with import_has_errors, writes nothing, and hands back an error report', async () => {
      const admin = await h.admin()
      const rows: Row[] = [
        ['和平区', '坏文件第一小学', '学校', '2101020901', null, '小学', null, null, null, null],
        ['和平区', '坏文件第二小学', '学校', '123', null, '小学', null, null, null, null],
        ['和平区', '坏文件第三小学', '学校', '2101020903', null, '小学', null, null, null, null],
        ['不存在的单位', '坏文件第四小学', '学校', '2101020904', null, '小学', null, null, null, null],
        ['和平区', '坏文件第五小学', '学校', '2101020905', null, '小学', null, null, null, null],
      ]
      const units = await countRows(h.db, 'org_units')
      const audits = await countRows(h.db, 'audit_log')
      const job = await runImport(h, admin, await fillTemplate(admin, rows))
      expect(job.status).toBe('failed')
      expect(job.error?.code).toBe('import_has_errors')
      expect(job.hasErrorReport).toBe(true)
      expect(await countRows(h.db, 'org_units')).toBe(units)
      expect(await countRows(h.db, 'audit_log')).toBe(audits)
      const leaked = await h.db
        .selectFrom('org_units')
        .select('id')
        .where('name', 'like', '坏文件%')
        .execute()
      expect(leaked).toEqual([])

      const report = await admin.get(`/api/jobs/${job.id}/error-report.xlsx`)
      expect(report.statusCode).toBe(200)
      expect(report.headers['content-type']).toContain('spreadsheetml')
      const sheet = await sheetRows(report.rawPayload)
      const header = sheet[0] ?? []
      const errCol = header.indexOf('错误说明')
      expect(errCol).toBeGreaterThan(3)
      // Excel rows 4 and 6 (the template's example is row 2, data from row 3).
      const byName = (name: string) => sheet.find((r) => r[1] === name) ?? []
      expect(byName('坏文件第二小学')[errCol]).toMatch(/^D列 代码：学校标识码应为 10 位数字/)
      expect(byName('坏文件第四小学')[errCol]).toMatch(/^A列 上级单位/)
      expect(byName('坏文件第一小学')[errCol] ?? '').toBe('')
      expect(byName('坏文件第五小学')[errCol] ?? '').toBe('')
    })

    it('a file that does not parse fails with its cell errors and writes nothing', async () => {
      const admin = await h.admin()
      const rows: Row[] = [
        ['和平区', '类型错小学', '城堡', '2101020911', null, null, null, null, null, null],
        ['和平区', null, '学校', '2101020912', null, null, null, null, null, null],
      ]
      const units = await countRows(h.db, 'org_units')
      const job = await runImport(h, admin, await fillTemplate(admin, rows))
      expect(job).toMatchObject({ status: 'failed', hasErrorReport: true })
      expect(job.error?.code).toBe('import_has_errors')
      expect(await countRows(h.db, 'org_units')).toBe(units)
      const garbage = await runImport(h, admin, Buffer.from('this is not a spreadsheet'))
      expect(garbage.status).toBe('failed')
      expect(garbage.error?.code).toBe('sheet_unreadable')
      expect(garbage.error?.message).toContain('无法读取')
      expect(await countRows(h.db, 'org_units')).toBe(units)
    })

    it('an import with no file, or not multipart, is a 400 on the field file', async () => {
      const admin = await h.admin()
      const res = await admin.post('/api/org-units/import', { file: 'x' })
      expect(res.statusCode).toBe(400)
      expect((res.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('file')
    })

    it('exports a readable .xlsx whose rows match the filtered list', async () => {
      const admin = await h.admin()
      const city = await h.unitByName('示例市')
      for (const query of [`kind=county&parentId=${city.id}`, `q=${encodeURIComponent('和平区')}`]) {
        const list = (await admin.get(`/api/org-units?${query}&pageSize=500`)).json() as {
          items: OrgUnit[]
          total: number
        }
        expect(list.total).toBeGreaterThan(0)
        const res = await admin.get(`/api/org-units/export.xlsx?${query}`)
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-disposition']).toContain(encodeURIComponent('组织机构.xlsx'))
        const [header, ...rows] = await sheetRows(res.rawPayload)
        expect(header?.slice(0, 4)).toEqual(['上级单位', '单位名称', '类型', '代码'])
        expect(rows.map((r) => r[1])).toEqual(list.items.map((u) => u.name))
        expect(rows.map((r) => r[3] ?? '')).toEqual(list.items.map((u) => u.code ?? ''))
      }
      // A county user's export holds its own subtree only.
      const county = await h.loginAs('county_heping')
      const heping = await h.unitByName('和平区')
      const [, ...mine] = await sheetRows((await county.get('/api/org-units/export.xlsx')).rawPayload)
      const scope = await h.db
        .selectFrom('org_units')
        .select('name')
        .where('path', 'like', `${heping.path}%`)
        .where('voided_at', 'is', null)
        .execute()
      expect(mine.map((r) => r[1]).sort()).toEqual(scope.map((r) => r.name).sort())
    })

    it('a county user cannot import into another county: a row error, nothing written', async () => {
      const county = await h.loginAs('county_heping')
      const shenhe = await h.unitByName('沈河区')
      const rows: Row[] = [
        ['和平区', '越权文件第一小学', '学校', '2101020921', null, '小学', null, null, null, null],
        ['沈河区', '越权文件第二小学', '学校', '2101030922', null, '小学', null, null, null, null],
        [shenhe.code, '越权文件第三小学', '学校', '2101030923', null, '小学', null, null, null, null],
      ]
      const units = await countRows(h.db, 'org_units')
      const job = await runImport(h, county, await fillTemplate(county, rows))
      expect(job.status).toBe('failed')
      expect(job.error?.code).toBe('import_has_errors')
      expect(await countRows(h.db, 'org_units')).toBe(units)
      const report = await county.get(`/api/jobs/${job.id}/error-report.xlsx`)
      const sheet = await sheetRows(report.rawPayload)
      const errCol = (sheet[0] ?? []).indexOf('错误说明')
      expect(sheet.find((r) => r[1] === '越权文件第二小学')?.[errCol]).toMatch(/^A列 上级单位/)
      expect(sheet.find((r) => r[1] === '越权文件第三小学')?.[errCol]).toMatch(/^A列 上级单位/)
      // Nothing of 沈河区 leaks into the report.
      expect(JSON.stringify(sheet)).not.toContain(String(shenhe.id))
      // The job is the county user's: another user cannot see it.
      const leader = await h.loginAs('leader')
      expect((await leader.get(`/api/jobs/${job.id}`)).statusCode).toBe(404)
    })

    it('a code taken by a unit outside the importer’s scope is a row error, not a crash', async () => {
      const county = await h.loginAs('county_heping')
      const shenheSchool = await h.db
        .selectFrom('org_units')
        .selectAll()
        .where('path', 'like', `${(await h.unitByName('沈河区')).path}_%`)
        .where('code', 'is not', null)
        .executeTakeFirstOrThrow()
      const units = await countRows(h.db, 'org_units')
      const job = await runImport(
        h,
        county,
        await fillTemplate(county, [
          ['和平区', '抢码小学', '学校', shenheSchool.code, null, '小学', null, null, null, null],
        ]),
      )
      expect(job.status).toBe('failed')
      expect(job.error?.code).toBe('import_has_errors')
      expect(job.hasErrorReport).toBe(true)
      expect(await countRows(h.db, 'org_units')).toBe(units)
      const sheet = await sheetRows((await county.get(`/api/jobs/${job.id}/error-report.xlsx`)).rawPayload)
      const errCol = (sheet[0] ?? []).indexOf('错误说明')
      expect(sheet.find((r) => r[1] === '抢码小学')?.[errCol]).toMatch(/^D列 代码/)
      // The other county's unit name is not disclosed to a user outside its scope.
      expect(JSON.stringify(sheet)).not.toContain(shenheSchool.name)
    })
  },
  { demo: 'city' },
)
