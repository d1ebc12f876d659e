/**
 * Importing key tasks from spreadsheets as a job: the template, a file shaped like the bureau's
 * (title rows above the header, units with or without 教育局, co-units joined by 、), errors by row
 * and column with nothing written, re-importing unchanged, a changed row updated, the exported list
 * importing back unchanged, and a 10,000-row file generated here with exceljs.
 */
import ExcelJS from 'exceljs'
import { beforeAll, expect, it } from 'vitest'
import { type Client, forEachDatabase, type Harness, upload } from '../../../tests/harness.js'
import type { JobView } from '../jobs/schema.js'
import type { CampaignView, TaskSummary } from './schema.js'

const HEADER = ['所属活动', '方面', '任务名称', '牵头单位', '配合单位', '责任领导', '开始日期', '完成时限']

async function sheet(rows: (string | number | Date | null)[][], titleRows = true): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('任务清单')
  if (titleRows) {
    ws.addRow(['和平区教育局主题教育重点工作任务清单'])
    ws.mergeCells(1, 1, 1, HEADER.length)
    ws.addRow(['填报单位：和平区教育局　　填报日期：2026年11月27日'])
  }
  ws.addRow(HEADER)
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function runImport(h: Harness, c: Client, bytes: Buffer): Promise<JobView> {
  const res = await upload(c, '/api/supervision/import', '任务清单.xlsx', bytes)
  expect(res.statusCode, res.body).toBe(202)
  await h.services.jobs.idle()
  return (await c.get(`/api/jobs/${(res.json() as { job: JobView }).job.id}`)).json() as JobView
}

async function countIn(h: Harness, campaignId: number) {
  const r = await h.db
    .selectFrom('supervision_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** The error report's "错误说明" texts by Excel row. */
async function reportOf(c: Client, job: JobView): Promise<Map<number, string>> {
  const r = await c.get(`/api/jobs/${job.id}/error-report.xlsx`)
  expect(r.statusCode).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(new Uint8Array(r.rawPayload).buffer)
  const ws = wb.worksheets[0]
  const out = new Map<number, string>()
  if (!ws) return out
  const col = HEADER.length + 1
  // The report starts at the header row: row 1 of the report is row 3 of the upload.
  ws.eachRow((row, n) => {
    const v = row.getCell(col).value
    if (n > 1 && typeof v === 'string') out.set(n + 2, v)
  })
  return out
}

forEachDatabase(
  'supervision: task import',
  (h) => {
    let heping: Client
    let camp: CampaignView
    let schools: string[]
    beforeAll(async () => {
      heping = await h.loginAs('county_heping')
      const r = await heping.post('/api/supervision/campaigns', {
        name: '学习贯彻主题教育重点工作（和平区）',
        kind: 'theme',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        aspects: [{ name: '立德树人' }, { name: '安全稳定' }],
      })
      expect(r.statusCode, r.body).toBe(201)
      camp = r.json()
      const heping0 = await h.unitByName('和平区')
      schools = (
        await h.db
          .selectFrom('org_units')
          .select('name')
          .where('parent_id', '=', heping0.id)
          .where('kind', '=', 'school')
          .orderBy('id')
          .limit(2)
          .execute()
      ).map((s) => s.name)
    })

    const good = () => [
      [
        camp.name,
        '立德树人',
        '推进思政课一体化建设',
        '和平区教育局',
        `${schools[0]}、${schools[1]}`,
        '王副局长',
        '2026-03-01',
        '2026-12-31',
      ],
      [
        camp.name,
        '安全稳定',
        '开展校园安全隐患排查',
        '和平区',
        null,
        '李副局长',
        '2026.4.1',
        '2026年11月30日',
      ],
      [
        camp.name,
        '安全稳定',
        '完善应急预案',
        schools[0] ?? '',
        '和平区',
        null,
        new Date(Date.UTC(2026, 4, 1)),
        '2026/12/15',
      ],
    ]

    it('serves a template with the columns and a guide sheet', async () => {
      const r = await heping.get('/api/supervision/import-template.xlsx')
      expect(r.statusCode).toBe(200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(new Uint8Array(r.rawPayload).buffer)
      expect(wb.worksheets.map((w) => w.name)).toEqual(['数据', '填写说明'])
      const head = ((wb.worksheets[0]?.getRow(1).values ?? []) as unknown[]).slice(1)
      expect(head).toEqual([
        '*所属活动',
        '*方面',
        '*任务名称',
        '*牵头单位',
        '配合单位',
        '责任领导',
        '*开始日期',
        '*完成时限',
      ])
      expect(
        (await (await h.loginAs('leader')).get('/api/supervision/import-template.xlsx')).statusCode,
      ).toBe(403)
    })

    it('imports a file with title rows: 教育局 tolerated, co-units split on 、, dates in any form', async () => {
      const job = await runImport(h, heping, await sheet(good()))
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded')
      expect(job.result).toMatchObject({ created: 3, updated: 0, unchanged: 0, rows: 3 })
      const list = (await heping.get(`/api/supervision/tasks?campaignId=${camp.id}`)).json()
        .items as TaskSummary[]
      expect(
        list.map((t) => [t.title, t.leadUnit, t.coUnits.map((u) => u.name), t.startsOn, t.deadline]),
      ).toEqual([
        ['开展校园安全隐患排查', '和平区', [], '2026-04-01', '2026-11-30'],
        ['完善应急预案', schools[0], ['和平区'], '2026-05-01', '2026-12-15'],
        ['推进思政课一体化建设', '和平区', schools, '2026-03-01', '2026-12-31'],
      ])
      const t = (await heping.get(`/api/supervision/tasks/${list[0]?.id}`)).json()
      expect(t.events.map((e: { action: string }) => e.action)).toEqual(['create'])
      const audit = await h.db
        .selectFrom('audit_log')
        .select('after_json')
        .where('action', '=', 'supervision.import')
        .execute()
      expect(audit).toHaveLength(1)
      expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ created: 3 })
    })

    it('imports the same file again without changing anything; a changed row updates its task', async () => {
      let job = await runImport(h, heping, await sheet(good()))
      expect(job.result).toMatchObject({ created: 0, updated: 0, unchanged: 3 })
      const rows = good()
      ;(rows[1] as unknown[])[5] = '张副局长'
      job = await runImport(h, heping, await sheet(rows))
      expect(job.result).toMatchObject({ created: 0, updated: 1, unchanged: 2 })
      const list = (await heping.get(`/api/supervision/tasks?campaignId=${camp.id}&q=校园安全`)).json()
        .items as TaskSummary[]
      expect(list[0]?.leader).toBe('张副局长')
      expect(await countIn(h, camp.id)).toBe(3)
    })

    it('reports bad dates, unknown units, missing fields by row and column, and writes nothing', async () => {
      const before = await countIn(h, camp.id)
      const job = await runImport(
        h,
        heping,
        await sheet([
          [camp.name, '立德树人', '新任务甲', '和平区', null, null, '2026-02-30', '2026-12-31'],
          [camp.name, '立德树人', '新任务乙', '不存在区教育局', '沈河区', null, '2026-03-01', '2026-12-31'],
          [camp.name, '立德树人', null, '和平区', null, null, '2026-03-01', '2026-12-31'],
          [camp.name, '不存在的方面', '新任务丙', '和平区', null, null, '2026-03-01', '2026-12-31'],
          ['不存在的活动', '立德树人', '新任务丁', '和平区', null, null, '2026-03-01', '2026-12-31'],
          [camp.name, '立德树人', '新任务戊', '和平区', null, null, '2026-06-01', '2026-05-01'],
          [camp.name, '立德树人', '新任务己', '和平区', null, null, '2026-03-01', '2026-12-31'],
        ]),
      )
      expect(job.status).toBe('failed')
      expect(job.error?.code).toBe('import_has_errors')
      expect(job.hasErrorReport).toBe(true)
      expect(await countIn(h, camp.id)).toBe(before)
      const report = await reportOf(heping, job)
      expect(report.get(4)).toMatch(/^G列 开始日期：/)
      expect(report.get(5)).toBe(
        'D列 牵头单位：找不到单位“不存在区教育局”（或不在您的管辖范围内）\nE列 配合单位：找不到单位“沈河区”（或不在您的管辖范围内）',
      )
      expect(report.get(6)).toBe('C列 任务名称：必填')
      expect(report.get(7)).toBe(`B列 方面：“不存在的方面”不是活动“${camp.name}”的方面`)
      expect(report.get(8)).toBe('A列 所属活动：找不到名为“不存在的活动”的活动，请先在系统中建立')
      expect(report.get(9)).toBe('H列 完成时限：完成时限不能早于开始日期（2026-06-01）')
      expect(report.has(10)).toBe(false)
    })

    it('exports the filtered list; the export imports back unchanged', async () => {
      const r = await heping.get(`/api/supervision/tasks/export.xlsx?campaignId=${camp.id}`)
      expect(r.statusCode).toBe(200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(new Uint8Array(r.rawPayload).buffer)
      const ws = wb.worksheets[0]
      expect(ws?.rowCount).toBe(4)
      expect(((ws?.getRow(1).values ?? []) as unknown[]).slice(1, 9)).toEqual(HEADER)
      const job = await runImport(h, heping, Buffer.from(r.rawPayload))
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded')
      expect(job.result).toMatchObject({ created: 0, updated: 0, unchanged: 3 })
    })

    it('imports a 10,000-row file in one job, and again unchanged', async () => {
      const big = (
        await heping.post('/api/supervision/campaigns', {
          name: '万项任务行动',
          startsOn: '2026-01-01',
          endsOn: '2027-12-31',
          aspects: [{ name: '方面一' }, { name: '方面二' }],
        })
      ).json() as CampaignView
      const rows = Array.from({ length: 10_000 }, (_, i) => [
        big.name,
        i % 2 ? '方面二' : '方面一',
        `第${i + 1}项重点任务`,
        i % 3 ? '和平区教育局' : (schools[0] ?? ''),
        i % 5 ? null : (schools[1] ?? ''),
        '王副局长',
        '2026-03-01',
        `2027-0${1 + (i % 9)}-15`,
      ])
      const bytes = await sheet(rows, false)
      const t0 = Date.now()
      const job = await runImport(h, heping, bytes)
      const ms = Date.now() - t0
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded')
      expect(job.result).toMatchObject({ created: 10_000, rows: 10_000 })
      expect(await countIn(h, big.id)).toBe(10_000)
      const f = (await heping.get(`/api/supervision/figures?campaignId=${big.id}`)).json()
      expect(f).toMatchObject({ tasks: 10_000, byAspect: [{ value: 5_000 }, { value: 5_000 }] })
      const again = await runImport(h, heping, bytes)
      expect(again.result).toMatchObject({ created: 0, unchanged: 10_000 })
      console.log(`[${h.target}] 10,000-row import: ${ms} ms; again unchanged`)
    }, 180_000)
  },
  { demo: 'city' },
)
