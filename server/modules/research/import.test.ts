/**
 * Importing research topics from spreadsheets as a job: the template, a file shaped like the
 * bureau's (title rows above the header, units with or without 教育局, several units joined by
 * 、), errors by row and column with nothing written (bad dates, unknown units, missing fields …),
 * re-importing unchanged (key: the topic code), a changed row updated, and the exported list
 * importing back unchanged.
 */
import ExcelJS from 'exceljs'
import { beforeAll, expect, it } from 'vitest'
import { type Client, forEachDatabase, type Harness, upload } from '../../../tests/harness.js'
import type { JobView } from '../jobs/schema.js'
import type { CampaignView } from '../supervision/schema.js'
import type { TopicDetail, TopicSummary } from './schema.js'

const HEADER = [
  '课题编号',
  '课题名称',
  '所属活动',
  '方面',
  '牵头单位',
  '牵头领导',
  '计划开始',
  '计划完成',
  '拟调研单位',
  '调研内容',
]
type Cell = string | number | Date | null

async function sheet(rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('调研课题')
  ws.addRow(['和平区教育局主题教育调研课题清单'])
  ws.mergeCells(1, 1, 1, HEADER.length)
  ws.addRow(['填报单位：和平区教育局　　填报日期：2026年11月27日'])
  ws.addRow(HEADER)
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function runImport(h: Harness, c: Client, bytes: Buffer): Promise<JobView> {
  const res = await upload(c, '/api/research/import', '调研课题.xlsx', bytes)
  expect(res.statusCode, res.body).toBe(202)
  await h.services.jobs.idle()
  return (await c.get(`/api/jobs/${(res.json() as { job: JobView }).job.id}`)).json() as JobView
}

/** The error report's "错误说明" texts by the upload's Excel row. */
async function reportOf(c: Client, job: JobView): Promise<Map<number, string>> {
  const r = await c.get(`/api/jobs/${job.id}/error-report.xlsx`)
  expect(r.statusCode).toBe(200)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(new Uint8Array(r.rawPayload).buffer)
  const out = new Map<number, string>()
  // The report starts at the header row: row 1 of the report is row 3 of the upload.
  wb.worksheets[0]?.eachRow((row, n) => {
    const v = row.getCell(HEADER.length + 1).value
    if (n > 1 && typeof v === 'string') out.set(n + 2, v)
  })
  return out
}

forEachDatabase(
  'research: topic import',
  (h) => {
    let heping: Client
    let camp: CampaignView
    let schools: string[]
    const count = async () =>
      Number(
        (
          await h.db
            .selectFrom('research_topics')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('campaign_id', '=', camp.id)
            .executeTakeFirstOrThrow()
        ).n,
      )

    beforeAll(async () => {
      heping = await h.loginAs('county_heping')
      const r = await heping.post('/api/supervision/campaigns', {
        name: '和平区主题教育调研',
        kind: 'theme',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        aspects: [{ name: '教育发展' }, { name: '民生关切' }],
      })
      expect(r.statusCode, r.body).toBe(201)
      camp = r.json()
      const unit = await h.unitByName('和平区')
      schools = (
        await h.db
          .selectFrom('org_units')
          .select('name')
          .where('parent_id', '=', unit.id)
          .where('kind', '=', 'school')
          .orderBy('id')
          .limit(2)
          .execute()
      ).map((s) => s.name)
    })

    const good = (): Cell[][] => [
      [
        'HP-01',
        '课后服务质量调研',
        camp.name,
        '教育发展',
        '和平区教育局',
        '王副局长',
        '2026-03-01',
        '2026-06-30',
        `${schools[0]}、${schools[1]}`,
        '了解课后服务课程设置',
      ],
      [
        'HP-02',
        '校园安全隐患调研',
        camp.name,
        '民生关切',
        '和平区',
        null,
        '2026.4.1',
        '2026年9月30日',
        null,
        null,
      ],
      [
        'HP-03',
        '教师减负情况调研',
        camp.name,
        '民生关切',
        schools[0] ?? '',
        '李副局长',
        new Date(Date.UTC(2026, 4, 1)),
        '2026/10/15',
        '和平区',
        null,
      ],
    ]

    it('serves a template with the columns and a guide sheet', async () => {
      const r = await heping.get('/api/research/import-template.xlsx')
      expect(r.statusCode).toBe(200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(new Uint8Array(r.rawPayload).buffer)
      expect(wb.worksheets.map((ws) => ws.name)).toEqual(['数据', '填写说明'])
      expect(((wb.worksheets[0]?.getRow(1).values ?? []) as unknown[]).slice(1)).toEqual([
        '*课题编号',
        '*课题名称',
        '*所属活动',
        '*方面',
        '*牵头单位',
        '牵头领导',
        '*计划开始',
        '*计划完成',
        '拟调研单位',
        '调研内容',
      ])
      expect((await (await h.loginAs('leader')).get('/api/research/import-template.xlsx')).statusCode).toBe(
        403,
      )
    })

    it('imports a file with title rows: 教育局 tolerated, units split on 、, dates in any form', async () => {
      const job = await runImport(h, heping, await sheet(good()))
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded')
      expect(job.result).toMatchObject({ created: 3, updated: 0, unchanged: 0, rows: 3 })
      const list = (await heping.get(`/api/research/topics?campaignId=${camp.id}`)).json()
        .items as TopicSummary[]
      expect(
        list.map((t) => [t.code, t.ownerUnit, t.plannedUnits.map((u) => u.name), t.startsOn, t.endsOn]),
      ).toEqual([
        ['HP-01', '和平区', schools, '2026-03-01', '2026-06-30'],
        ['HP-02', '和平区', [], '2026-04-01', '2026-09-30'],
        ['HP-03', schools[0], ['和平区'], '2026-05-01', '2026-10-15'],
      ])
      const t = (await heping.get(`/api/research/topics/${list[0]?.id}`)).json() as TopicDetail
      expect(t).toMatchObject({ status: 'planned', source: 'import', description: '了解课后服务课程设置' })
      expect(t.events.map((e) => e.action)).toEqual(['import'])
    })

    it('imports the same file again without changing anything; a changed row updates its topic', async () => {
      const versions = async () =>
        (await heping.get(`/api/research/topics?campaignId=${camp.id}`))
          .json()
          .items.map((t: TopicSummary) => t.version)
      const before = await versions()
      let job = await runImport(h, heping, await sheet(good()))
      expect(job.result).toMatchObject({ created: 0, updated: 0, unchanged: 3 })
      expect(await versions()).toEqual(before)
      const rows = good()
      ;(rows[1] as Cell[])[5] = '张副局长'
      job = await runImport(h, heping, await sheet(rows))
      expect(job.result).toMatchObject({ created: 0, updated: 1, unchanged: 2 })
      const t = (await heping.get(`/api/research/topics?campaignId=${camp.id}&q=HP-02`)).json()
        .items[0] as TopicSummary
      expect(t.leaderName).toBe('张副局长')
      expect(await count()).toBe(3)
    })

    it('reports bad dates, unknown units, missing fields by row and column, and writes nothing', async () => {
      const before = await count()
      const row = (code: string, over: Record<number, Cell>): Cell[] => {
        const r: Cell[] = [
          code,
          `新课题${code}`,
          camp.name,
          '教育发展',
          '和平区',
          null,
          '2026-03-01',
          '2026-06-30',
          null,
          null,
        ]
        for (const [i, v] of Object.entries(over)) r[Number(i)] = v
        return r
      }
      const job = await runImport(
        h,
        heping,
        await sheet([
          row('E-1', { 6: '2026-02-30' }),
          row('E-2', { 4: '不存在区教育局', 8: '沈河区' }),
          row('E-3', { 1: null }),
          row('E-4', { 3: '不存在的方面' }),
          row('E-5', { 2: '不存在的活动' }),
          row('E-6', { 6: '2026-06-01', 7: '2026-05-01' }),
          row('E 7', {}),
          row('E-8', {}),
        ]),
      )
      expect(job.status).toBe('failed')
      expect(job.error?.code).toBe('import_has_errors')
      expect(job.hasErrorReport).toBe(true)
      expect(await count()).toBe(before)
      const report = await reportOf(heping, job)
      expect(report.get(4)).toMatch(/^G列 计划开始：/)
      expect(report.get(5)).toBe(
        'E列 牵头单位：在您的管辖范围内找不到单位“不存在区教育局”\nI列 拟调研单位：在您的管辖范围内找不到单位“沈河区”',
      )
      expect(report.get(6)).toBe('B列 课题名称：必填')
      expect(report.get(7)).toBe(`D列 方面：活动“${camp.name}”下没有名为“不存在的方面”的方面`)
      expect(report.get(8)).toBe('C列 所属活动：找不到名为“不存在的活动”的活动（须先在任务督办中建立）')
      expect(report.get(9)).toBe('H列 计划完成：计划完成日期不能早于开始日期（2026-06-01）')
      expect(report.get(10)).toBe('A列 课题编号：课题编号“E 7”只能包含文字、数字和 - _ / .')
      expect(report.has(11)).toBe(false)
    })

    it('refuses a code used by a topic the importer does not see, or by a voided one', async () => {
      const shenhe = await h.buildUser({ role: 'county', orgUnitId: (await h.unitByName('沈河区')).id })
      const other = await h.loginAs(shenhe.username, shenhe.password)
      // 沈河区 does not see 和平区's campaign: its own campaign, same code as a 和平区 topic.
      const c = (
        await other.post('/api/supervision/campaigns', {
          name: '沈河区调研',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          aspects: [{ name: '教育发展' }],
        })
      ).json() as CampaignView
      const job = await runImport(
        h,
        other,
        await sheet([
          ['HP-01', '重名课题', c.name, '教育发展', '沈河区', null, '2026-03-01', '2026-06-30', null, null],
        ]),
      )
      expect(job.status).toBe('failed')
      expect((await reportOf(other, job)).get(4)).toBe('A列 课题编号：课题编号 HP-01 已被其他单位的课题使用')

      const made = await heping.post('/api/research/topics', {
        code: 'HP-V',
        title: '将作废的课题',
        campaignId: camp.id,
        aspectId: camp.aspects[0]?.id,
        startsOn: '2026-03-01',
        endsOn: '2026-06-30',
      })
      const t = made.json() as TopicDetail
      await heping.post(`/api/research/topics/${t.id}/void`, { version: t.version, reason: '重复' })
      const again = await runImport(
        h,
        heping,
        await sheet([
          [
            'HP-V',
            '将作废的课题',
            camp.name,
            '教育发展',
            '和平区',
            null,
            '2026-03-01',
            '2026-06-30',
            null,
            null,
          ],
        ]),
      )
      expect((await reportOf(heping, again)).get(4)).toBe(
        'A列 课题编号：课题编号 HP-V 属于一个已作废的课题，请换一个编号',
      )
    })

    it('exports the filtered list; the export imports back unchanged', async () => {
      const r = await heping.get(`/api/research/topics/export.xlsx?campaignId=${camp.id}`)
      expect(r.statusCode).toBe(200)
      const job = await runImport(h, heping, Buffer.from(r.rawPayload))
      expect(job.status, JSON.stringify(job.error)).toBe('succeeded')
      expect(job.result).toMatchObject({ created: 0, updated: 0, unchanged: 3 })
    })
  },
  { demo: 'city' },
)
