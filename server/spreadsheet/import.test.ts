import { describe, expect, it } from 'vitest'
import type { Cell } from './cells.js'
import { SpreadsheetError } from './errors.js'
import { defineImport, type ImportRow, parseImport, parseSheet } from './import.js'
import { parsers as p } from './parse.js'
import type { RawSheet } from './read.js'
import { writeXlsx } from './write.js'

const spec = defineImport({
  key: 'schools',
  columns: [
    {
      field: 'code',
      header: '学校标识码',
      headerEn: 'School code',
      required: true,
      parser: p.text(),
      example: 'X001',
    },
    {
      field: 'name',
      header: '学校名称',
      headerEn: 'School name',
      required: true,
      parser: p.text(),
      example: '示例小学',
    },
    { field: 'pupils', header: '在校生数', headerEn: 'Pupils', parser: p.integer({ min: 0 }), example: 320 },
    { field: 'opened', header: '建校日期', headerEn: 'Opened', parser: p.date() },
  ],
  toRow: (v, ctx) => {
    if (v.name.includes('测试'))
      return ctx.reject('name', 'enum_invalid', { value: v.name, options: '正式名称' })
    return { code: v.code, name: v.name, pupils: v.pupils ?? 0, opened: v.opened }
  },
  keyOf: (row) => row.code,
})

// Compile-time check: field names and value types flow from the columns into rows.
const typed: ImportRow<typeof spec> = { code: 'a', name: 'b', pupils: 1, opened: null }
void typed

const sheet = (rows: Cell[][], merges: RawSheet['merges'] = []): RawSheet => ({
  name: 'S',
  hidden: false,
  rows,
  merges,
})

describe('parseSheet', () => {
  it('returns rows with Excel row numbers, and every cell error with column letter and header', () => {
    const r = parseSheet(
      spec,
      sheet([
        ['学校标识码', '学校名称', '在校生数', '建校日期'],
        ['A1', '第一小学', 300, '2001-09-01'],
        ['A2', '', 'many', '2001-02-30'],
        ['A3', '测试学校', 10, null],
      ]),
    )
    expect(r.rows).toEqual([
      { excelRow: 2, value: { code: 'A1', name: '第一小学', pupils: 300, opened: '2001-09-01' } },
    ])
    expect(r.errors.map((e) => [e.excelRow, e.column, e.header, e.key])).toEqual([
      [3, 'B', '学校名称', 'required'],
      [3, 'C', '在校生数', 'integer_invalid'],
      [3, 'D', '建校日期', 'date_impossible'],
      [4, 'B', '学校名称', 'enum_invalid'],
    ])
    expect(r.errors[0]?.message).toBe('必填')
  })

  it('reports a duplicate key on the later row', () => {
    const r = parseSheet(
      spec,
      sheet([
        ['学校标识码', '学校名称'],
        ['A1', '一小'],
        ['A2', '二小'],
        ['A1', '一小（重复）'],
      ]),
    )
    expect(r.rows.map((x) => x.excelRow)).toEqual([2, 3])
    expect(r.errors).toMatchObject([
      {
        excelRow: 4,
        column: 'A',
        field: 'code',
        key: 'import_duplicate_key',
        params: { firstRow: 2 },
        message: '与第 2 行重复',
      },
    ])
  })

  it('skips blank, summary, note and example rows; trailing blanks are just the end', () => {
    const r = parseSheet(
      spec,
      sheet([
        ['*学校标识码', '*学校名称', '在校生数', '建校日期'],
        ['X001', '示例小学', 320],
        ['A1', '一小', 1],
        [null, '  ', '\u3000'],
        ['A2', '二小', 2],
        ['小 计', null, 3],
        ['合计：', null, 3],
        ['填表人：张三', null, '审核人：李四'],
        [],
        [],
      ]),
    )
    expect(r.rows.map((x) => x.value.code)).toEqual(['A1', 'A2'])
    expect(r.skipped).toEqual([
      { excelRow: 2, reason: 'example' },
      { excelRow: 4, reason: 'blank' },
      { excelRow: 6, reason: 'summary' },
      { excelRow: 7, reason: 'summary' },
      { excelRow: 8, reason: 'note' },
    ])
    expect(r.errors).toEqual([])
  })

  it('treats a row holding only a merged value from above as blank', () => {
    const r = parseSheet(
      spec,
      sheet(
        [
          ['学校标识码', '学校名称'],
          ['A1', '一小'],
          ['A1', null],
          ['A2', '二小'],
        ],
        [{ top: 1, bottom: 2, left: 0, right: 0 }],
      ),
    )
    expect(r.skipped).toEqual([{ excelRow: 3, reason: 'blank' }])
    expect(r.errors).toEqual([])
  })

  it('refuses a sheet that lacks a required column, naming it', () => {
    try {
      parseSheet(
        spec,
        sheet([
          ['学校名称', '在校生数', '建校日期'],
          ['一小', 1, null],
        ]),
      )
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(SpreadsheetError)
      if (!(err instanceof SpreadsheetError)) return
      expect(err.code).toBe('sheet_missing_column')
      expect(err.params).toEqual({ columns: '学校标识码', columnsEn: 'School code' })
    }
  })

  it('enforces the spec row limit', () => {
    const rows: Cell[][] = [
      ['学校标识码', '学校名称'],
      ...Array.from({ length: 11 }, (_, i) => [`A${i}`, 'x']),
    ]
    expect(() => parseSheet({ ...spec, maxRows: 10 }, sheet(rows))).toThrow(SpreadsheetError)
  })
})

describe('parseImport', () => {
  const file = () =>
    writeXlsx([
      { name: '说明', columns: [{ header: '说明', key: 'a' }], rows: [{ a: '本表为示例' }] },
      {
        name: '学校',
        columns: [
          { header: '学校标识码', key: 'code' },
          { header: '学校名称', key: 'name' },
        ],
        rows: [{ code: 'A1', name: '一小' }],
      },
    ])

  it('finds the first sheet whose header matches', async () => {
    const r = await parseImport(spec, await file())
    expect(r.sheetName).toBe('学校')
    expect(r.rows).toHaveLength(1)
  })

  it('reads the named sheet, or says which sheets exist', async () => {
    const buf = await file()
    expect((await parseImport({ ...spec, sheetName: '学校' }, buf)).rows).toHaveLength(1)
    await expect(parseImport({ ...spec, sheetName: '2024年' }, buf)).rejects.toMatchObject({
      code: 'sheet_not_found',
      params: { sheet: '2024年', sheets: '说明、学校' },
    })
  })

  it('says sheet_no_header when no sheet has the columns', async () => {
    const buf = await writeXlsx([{ name: 'x', columns: [{ header: '无关', key: 'a' }], rows: [] }])
    await expect(parseImport(spec, buf)).rejects.toMatchObject({ code: 'sheet_no_header' })
  })
})
