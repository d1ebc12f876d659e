import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { buildErrorReport } from './error-report.js'
import { defineImport, parseImport } from './import.js'
import { parsers as p } from './parse.js'
import { readWorkbook } from './read.js'
import { buildTemplate } from './template.js'
import { neutralizeText, safeSheetName, writeXlsx } from './write.js'
import { listEntries } from './zip.js'

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(new Uint8Array(buf).buffer)
  return wb
}

describe('writeXlsx', () => {
  it('neutralises formula injection: the cell is a string starting with an apostrophe', async () => {
    const payloads = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']
    const buf = await writeXlsx([
      {
        name: '导出',
        columns: [
          { header: '=header', key: 'v' },
          { header: '数值', key: 'n' },
        ],
        rows: [...payloads.map((v) => ({ v, n: -5 })), { v: '正常文字', n: 1 }],
      },
    ])
    const ws = (await load(buf)).getWorksheet('导出')
    expect(ws?.getCell('A1').value).toBe("'=header")
    const a2 = ws?.getCell('A2')
    expect(a2?.type).toBe(ExcelJS.ValueType.String)
    expect(a2?.value).toBe('\'=HYPERLINK("http://evil","x")')
    // (XML turns a CR into LF on reading; what matters is the apostrophe in front.)
    for (const [i, v] of payloads.entries())
      expect(ws?.getCell(`A${i + 2}`).value).toBe(`'${v.replace('\r', '\n')}`)
    expect(ws?.getCell('A8').value).toBe('正常文字')
    expect(ws?.getCell('B2').value).toBe(-5) // numbers are numbers, not text
    const sheets = await readWorkbook(buf)
    expect(sheets[0]?.rows.every((r) => r.every((c) => typeof c !== 'object' || c === null))).toBe(true)
  })

  it('writes a bold, frozen header and dates as dates', async () => {
    const buf = await writeXlsx([
      {
        name: '台账',
        columns: [
          { header: '登记日期', key: 'day', type: 'date' },
          { header: '创建时间', key: 'at' },
          { header: '代码', key: 'code', type: 'text' },
        ],
        rows: [{ day: '2019-03-15', at: new Date('2019-03-15T01:30:00Z'), code: 210000 }],
      },
    ])
    const ws = (await load(buf)).getWorksheet('台账')
    expect(ws?.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws?.getCell('A2').value).toEqual(new Date(Date.UTC(2019, 2, 15)))
    expect(ws?.getCell('A2').numFmt).toBe('yyyy-mm-dd')
    // An instant is written as Beijing wall-clock time: 01:30Z is 09:30 in China.
    expect(ws?.getCell('B2').value).toEqual(new Date(Date.UTC(2019, 2, 15, 9, 30)))
    expect(ws?.getCell('C2').value).toBe('210000')
  })

  it('streams many rows from an iterable and reads them back', async () => {
    function* rows() {
      for (let i = 0; i < 10_000; i++) yield { n: i, name: `学校${i}` }
    }
    const buf = await writeXlsx([
      {
        name: '学校',
        columns: [
          { header: '序号', key: 'n' },
          { header: '名称', key: 'name' },
        ],
        rows: rows(),
      },
    ])
    const [sheet] = await readWorkbook(buf)
    expect(sheet?.rows).toHaveLength(10_001)
    expect(sheet?.rows[10_000]).toEqual([9999, '学校9999'])
  })

  it('cleans sheet names and keeps them unique', () => {
    const taken = new Set<string>()
    expect(safeSheetName('2023/上半年[汇总]', taken)).toBe('2023_上半年_汇总_')
    expect(safeSheetName('2023/上半年[汇总]', taken)).toBe('2023_上半年_汇总_(2)')
    expect(neutralizeText('x'.repeat(40_000))).toHaveLength(32_767)
  })
})

const petitions = defineImport({
  key: 'petitions',
  sheetName: '信访台账',
  columns: [
    {
      field: 'caseNo',
      header: '案件编号',
      headerEn: 'Case number',
      required: true,
      parser: p.text(),
      example: 'SY202300001',
    },
    {
      field: 'received',
      header: '登记日期',
      headerEn: 'Received',
      required: true,
      parser: p.date(),
      example: '2023-03-15',
    },
    { field: 'name', header: '姓名', headerEn: 'Name', required: true, parser: p.text(), example: '张三' },
    {
      field: 'idNumber',
      header: '身份证号码',
      headerEn: 'ID number',
      parser: p.idNumber(),
      example: '11010519491231002X',
      description: '信访人本人',
    },
    {
      field: 'category',
      header: '问题类别',
      headerEn: 'Category',
      required: true,
      parser: p.enumOf(
        {
          师德师风类: [],
          人事编制类: [],
          职称评聘类: [],
          招生入学类: [],
          民办教育类: [],
          学校管理类: [],
          教师待遇类: [],
        },
        { optionalSuffix: '类' },
      ),
      example: '学校管理类',
    },
  ],
  toRow: (v) => v,
  keyOf: (row) => row.caseNo,
})

describe('buildTemplate', () => {
  it('has the header with * on required columns, a grey italic example and an instructions sheet', async () => {
    const wb = await load(await buildTemplate(petitions, 'zh-CN'))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['信访台账', '填写说明'])
    const data = wb.getWorksheet('信访台账')
    expect(data?.getRow(1).values).toEqual([
      undefined,
      '*案件编号',
      '*登记日期',
      '*姓名',
      '身份证号码',
      '*问题类别',
    ])
    const example = data?.getCell('D2')
    expect(example?.value).toBe('11010519491231002X')
    expect(example?.font).toMatchObject({ italic: true, color: { argb: 'FF808080' } })
    expect(data?.getColumn(4).numFmt).toBe('@') // ID numbers stay text
    expect(data?.getCell('E3').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"师德师风类,人事编制类,职称评聘类,招生入学类,民办教育类,学校管理类,教师待遇类"'],
    })
    const guide = wb.getWorksheet('填写说明')
    expect(guide?.getRow(1).values).toEqual([
      undefined,
      '列',
      '列名',
      '是否必填',
      '格式',
      '可选值',
      '说明',
      '示例',
    ])
    expect(guide?.getRow(5).values).toEqual([
      undefined,
      'D',
      '身份证号码',
      '选填',
      expect.stringMatching(/^18 位身份证号码/),
      undefined,
      '信访人本人',
      '11010519491231002X',
    ])
    expect(guide?.getRow(6).getCell(5).value).toBe(
      '师德师风类、人事编制类、职称评聘类、招生入学类、民办教育类、学校管理类、教师待遇类',
    )
  })

  it('imports back with the example row skipped, in both languages', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const r = await parseImport(petitions, await buildTemplate(petitions, locale))
      expect(r.errors).toEqual([])
      expect(r.rows).toEqual([])
      expect(r.skipped).toEqual([{ excelRow: 2, reason: 'example' }])
    }
  })

  it('has examples that pass their own parsers', () => {
    for (const col of petitions.columns) {
      if (col.example !== undefined) expect(col.parser.parse(col.example).ok, col.field).toBe(true)
    }
  })
})

describe('buildErrorReport', () => {
  const buf = readFileSync(new URL('../../tests/fixtures/信访案件台账.xlsx', import.meta.url))

  it('returns the user rows with a 错误说明 column and the bad cells marked; fixed files import again', async () => {
    const result = await parseImport(petitions, buf)
    expect(result.errors).toHaveLength(18)
    const report = await buildErrorReport(buf, result)
    expect(listEntries(report).length).toBeGreaterThan(3)

    const [sheet] = await readWorkbook(report)
    const rows = sheet?.rows ?? []
    expect(rows[0]?.slice(4, 7)).toEqual(['信访人', '信访人', '信访人'])
    expect(rows[1]?.slice(4, 7)).toEqual(['姓名', '身份证号码', '联系电话'])
    expect(rows[0]?.[17]).toBe('错误说明')
    // Excel row 11 of the upload is row 9 of the report (it starts at the header, row 3).
    expect(rows[8]?.[1]).toBe('SY201900007')
    expect(rows[8]?.[17]).toBe(
      'F列 身份证号码：身份证号被 Excel 转成了数字，末几位已丢失，请将该列设为文本后重新填写',
    )
    expect(rows[2]?.[17]).toBeUndefined()
    const original = (await readWorkbook(buf))[0]?.rows ?? []
    expect(rows[2]).toEqual(original[4]) // a row without errors is kept as it was

    const ws = (await load(report)).getWorksheet('信访台账')
    expect(ws?.getCell('F9').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } })
    expect(ws?.getCell('E9').fill).toBeUndefined()
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })

    // The report imports like the original: same problems, two rows higher; the extra column is ignored.
    const again = await parseImport(petitions, report)
    expect(again.header.unknownColumns.map((c) => c.label)).toContain('错误说明')
    expect(again.errors.map((e) => e.excelRow)).toEqual(result.errors.map((e) => e.excelRow - 2))
    expect(again.rows).toHaveLength(result.rows.length)
  })

  it('writes English descriptions on request', async () => {
    const result = await parseImport(petitions, buf)
    const [sheet] = await readWorkbook(await buildErrorReport(buf, result, 'en'))
    expect(sheet?.rows[0]?.[17]).toBe('Errors')
    expect(sheet?.rows[8]?.[17]).toMatch(/^Column F \(身份证号码\): Excel turned this ID number/)
  })
})
