/**
 * Hostile spreadsheets through the real import routes of the real modules (issue 8): the petition
 * ledger (its synchronous mapping preview and its import job) and the key-task import job. Each
 * hostile file must be refused with a message that names what is wrong, in Chinese by default and
 * in English when asked; never a 5xx or an "internal" job failure; nothing written; the server
 * still healthy. The readers' own limits are unit-tested in server/spreadsheet/read.test.ts; this
 * file proves the routes reach them.
 */
import type ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, forEachDatabase } from '../harness.js'
import * as hostile from './hostile-files.js'
import {
  counts,
  expectHealthy,
  type ImportRoute,
  PETITION_HEADER,
  PETITION_IMPORT,
  PETITION_PREVIEW,
  petitionRow,
  reportLines,
  submit,
  TASK_HEADER,
  TASK_IMPORT,
  taskRow,
  workbook,
} from './imports.js'

const CAMPAIGN = '安全测试专项行动'

interface Hostile {
  label: string
  bytes: () => Promise<Buffer>
  code: string
  zh: RegExp
  en: RegExp
}

// Built once per file (the bombs and the 10 MB cell take a second or two), shared by both databases.
const once = <T>(make: () => Promise<T>) => {
  let p: Promise<T> | undefined
  return () => {
    p ??= make()
    return p
  }
}
const validLedger = once(() => workbook(PETITION_HEADER, [petitionRow('TR-1'), petitionRow('TR-2')]))

const HOSTILE: Hostile[] = [
  {
    label: 'a zip bomb declaring 300 MB',
    bytes: once(hostile.declaredBomb),
    code: 'sheet_too_large',
    zh: /文件过大（上限 200 MB）/,
    en: /too large \(limit 200 MB\)/,
  },
  {
    label: 'a zip bomb inflating ~1000-fold (24 MB of XML in ~25 KB)',
    bytes: once(hostile.inflationBomb),
    code: 'sheet_unreadable',
    zh: /解压后的体积是压缩体积的 \d+ 倍，超过上限 100 倍/,
    en: /inflates \d+-fold .*zip bomb/,
  },
  {
    label: 'a zip whose entry inflates past the size it declares',
    bytes: once(hostile.lyingBomb),
    code: 'sheet_unreadable',
    zh: /与声明的大小不符/,
    en: /larger than the file declares/,
  },
  {
    label: 'a workbook with one 10 MB cell',
    bytes: once(() => hostile.hugeCellWorkbook(PETITION_HEADER, petitionRow('BIG-1'), 11)),
    code: 'sheet_unreadable',
    zh: /单元格 L2 的内容超过 32767 个字符/,
    en: /cell L2 .*more than 32767 characters/,
  },
  {
    label: 'an XML entity bomb ("billion laughs") in the sheet',
    bytes: once(hostile.entityBomb),
    code: 'sheet_unreadable',
    zh: /文件内容无法解析/,
    en: /cannot be parsed/,
  },
  {
    label: 'an external entity (XXE) naming /etc/passwd',
    bytes: once(hostile.externalEntity),
    code: 'sheet_unreadable',
    zh: /文件内容无法解析/,
    en: /cannot be parsed/,
  },
  {
    label: 'a password-protected workbook (OLE2 EncryptedPackage)',
    bytes: once(async () => hostile.encryptedXlsx()),
    code: 'sheet_unreadable',
    zh: /旧版 \.xls 或加密文件/,
    en: /password-protected/,
  },
  {
    label: 'a legacy .xls renamed .xlsx',
    bytes: once(async () => hostile.legacyXls()),
    code: 'sheet_unreadable',
    zh: /旧版 \.xls 或加密文件，请在 Excel 中另存为 \.xlsx/,
    en: /legacy \.xls/,
  },
  {
    label: '64 KB of random bytes',
    bytes: once(async () => hostile.randomFile()),
    code: 'sheet_unreadable',
    zh: /不是 \.xlsx 文件/,
    en: /not an \.xlsx file/,
  },
  {
    label: 'a truncated workbook',
    bytes: once(async () => hostile.truncated(await validLedger())),
    code: 'sheet_unreadable',
    zh: /不完整或已损坏/,
    en: /incomplete or damaged/,
  },
]

forEachDatabase(
  'hostile spreadsheets through the real import routes',
  (h) => {
    let office: Client
    let county: Client
    const tables = ['petition_cases', 'petition_people', 'supervision_tasks', 'audit_log'] as const
    beforeAll(async () => {
      office = await h.loginAs('dept_gaojiao')
      county = await h.loginAs('county_heping')
      const r = await county.post('/api/supervision/campaigns', {
        name: CAMPAIGN,
        kind: 'special',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        aspects: [{ name: '立德树人' }],
      })
      expect(r.statusCode, r.body).toBe(201)
    })
    const clientOf = (route: ImportRoute) => (route === TASK_IMPORT ? county : office)

    describe.each(HOSTILE)('$label', (file) => {
      it.each([PETITION_PREVIEW, PETITION_IMPORT, TASK_IMPORT])(
        'is refused by $label, clearly, in zh-CN and en, with nothing written',
        async (route) => {
          const before = await counts(h, [...tables])
          const out = await submit(h, clientOf(route), route, await file.bytes())
          if (route.kind === 'sync') expect(out.status).toBe(400)
          else expect(out.jobStatus).toBe('failed')
          expect(out.code).toBe(file.code)
          expect(out.zh).toMatch(file.zh)
          expect(out.en).toMatch(file.en)
          expect(out.en).not.toMatch(/[\u4e00-\u9fff]{4}/) // English, not the Chinese text again
          expect(`${out.zh}${out.en}`).not.toMatch(/root:|\/bin\/|[0-9a-f]{32}/) // no file content echoed
          expect(await counts(h, [...tables])).toEqual(before)
          await expectHealthy(h)
        },
      )
    })

    it('reads formulas as their cached values, never as formula text (petitions)', async () => {
      const before = await counts(h, ['petition_cases'])
      const bytes = await workbook(PETITION_HEADER, [
        [
          { formula: '1+0', result: 1 },
          'FX-1',
          { formula: 'DATE(2024,3,1)', result: new Date(Date.UTC(2024, 2, 1)) },
          '来信',
          { formula: '"丁"&"某"', result: '丁某' },
          '',
          '',
          '和平区',
          '教师待遇类',
          '工资待遇落实',
          '办理中',
          { formula: 'HYPERLINK("http://x.example","点此查看")', result: '点此查看' },
        ],
      ])
      const out = await submit(h, office, PETITION_IMPORT, bytes)
      expect(out.jobStatus, out.zh).toBe('succeeded')
      const row = await h.db
        .selectFrom('petition_cases')
        .select(['summary', 'received_on', 'petitioner_mask'])
        .where('case_no', '=', 'FX-1')
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ summary: '点此查看', received_on: '2024-03-01', petitioner_mask: '丁*' })
      expect(await counts(h, ['petition_cases'])).toEqual({
        petition_cases: (before.petition_cases ?? 0) + 1,
      })
    })

    it('reads formulas as their cached values (key tasks), and refuses one without a value by row and column', async () => {
      const good = await workbook(TASK_HEADER, [
        [
          CAMPAIGN,
          '立德树人',
          { formula: '"校舍"&"排查"', result: '校舍排查' },
          '和平区',
          '',
          '',
          { formula: 'DATE(2026,3,1)', result: new Date(Date.UTC(2026, 2, 1)) },
          '2026-12-31',
        ],
      ])
      const ok = await submit(h, county, TASK_IMPORT, good)
      expect(ok.jobStatus, ok.zh).toBe('succeeded')
      const titles = await h.db.selectFrom('supervision_tasks').select(['title', 'starts_on']).execute()
      expect(titles).toContainEqual({ title: '校舍排查', starts_on: '2026-03-01' })
      expect(titles.some((t) => t.title.includes('&') || t.title.startsWith('='))).toBe(false)

      // A formula Excel never calculated (no cached value) in a required column: an error there.
      const before = await counts(h, ['supervision_tasks'])
      const bad = await workbook(TASK_HEADER, [
        taskRow(CAMPAIGN, '任务甲'),
        [...taskRow(CAMPAIGN, '').slice(0, 2), { formula: 'A1&B1' }, ...taskRow(CAMPAIGN, '').slice(3)],
      ])
      const out = await submit(h, county, TASK_IMPORT, bad)
      expect(out.jobStatus).toBe('failed')
      expect(out.code).toBe('import_has_errors')
      const lines = await reportLines(county, out.jobId as number)
      expect(lines.get(3)).toMatch(/^C列 任务名称：必填/)
      expect(lines.has(2)).toBe(false)
      expect(await counts(h, ['supervision_tasks'])).toEqual(before)
    })

    it('refuses wrong types in typed columns, naming row and column, writing nothing (petitions)', async () => {
      const before = await counts(h, [...tables])
      const bad = (caseNo: string, at: number, v: ExcelJS.CellValue) => {
        const r: ExcelJS.CellValue[] = petitionRow(caseNo)
        r[at] = v
        return r
      }
      const bytes = await workbook(PETITION_HEADER, [
        petitionRow('WT-1'),
        bad('WT-2', 0, '第三'), // 序号: an integer column
        bad('WT-3', 2, '去年春天'), // 登记日期: a date column
        bad('WT-4', 5, '12345'), // 身份证号码
        bad('WT-5', 6, '电话不详'), // 联系电话
        bad('WT-6', 2, true), // a boolean where a date belongs
      ])
      const out = await submit(h, office, PETITION_IMPORT, bytes)
      expect(out.jobStatus).toBe('failed')
      expect(out.code).toBe('import_has_errors')
      expect(out.zh).toMatch(/文件中有 \d+ 处错误，未写入任何数据/)
      expect(out.en).toMatch(/errors and nothing was written/)
      const lines = await reportLines(office, out.jobId as number)
      expect(lines.has(2)).toBe(false)
      expect(lines.get(3)).toMatch(/A列 序号：应为整数：第三/)
      expect(lines.get(4)).toMatch(/C列 登记日期：无法识别的日期：去年春天/)
      expect(lines.get(5)).toMatch(/F列 信访人\/身份证号码：身份证号码应为 18 位/)
      expect(lines.get(6)).toMatch(/G列 信访人\/联系电话：电话号码格式不正确/)
      expect(lines.get(7)).toMatch(/C列 登记日期：/)
      expect(await counts(h, [...tables])).toEqual(before)
      await expectHealthy(h)
    })

    it('refuses wrong types in date columns, naming row and column, writing nothing (key tasks)', async () => {
      const before = await counts(h, [...tables])
      const row = (title: string, start: ExcelJS.CellValue, deadline: ExcelJS.CellValue) => [
        ...taskRow(CAMPAIGN, title).slice(0, 6),
        start,
        deadline,
      ]
      const bytes = await workbook(TASK_HEADER, [
        taskRow(CAMPAIGN, '正常任务'),
        row('日期是字', '下周一', '2026-12-31'),
        row('日期不存在', '2026-03-01', '2026-02-30'),
        row('日期是真假', '2026-03-01', false),
      ])
      const out = await submit(h, county, TASK_IMPORT, bytes)
      expect(out.jobStatus).toBe('failed')
      expect(out.code).toBe('import_has_errors')
      const lines = await reportLines(county, out.jobId as number)
      expect(lines.has(2)).toBe(false)
      expect(lines.get(3)).toMatch(/G列 开始日期：无法识别的日期：下周一/)
      expect(lines.get(4)).toMatch(/H列 完成时限：日期不存在：2026-02-30/)
      expect(lines.get(5)).toMatch(/H列 完成时限：/)
      expect(await counts(h, [...tables])).toEqual(before)
      await expectHealthy(h)
    })
  },
  { demo: 'city' },
)
