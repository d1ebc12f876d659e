import { describe, expect, it } from 'vitest'
import type { Cell } from './cells.js'
import { SpreadsheetError } from './errors.js'
import { findHeader, type HeaderColumn, normalizeLabel } from './header.js'

const columns: HeaderColumn[] = [
  { field: 'seq', header: '序号' },
  { field: 'name', header: '姓名', required: true },
  { field: 'id', header: '身份证号码', required: true },
  { field: 'amount', header: '金额(万元)', aliases: ['合同金额(万元)'] },
  { field: 'county', header: '所属县（市、区）', required: true },
]

describe('normalizeLabel', () => {
  it('ignores whitespace, marks, width and case', () => {
    expect(normalizeLabel(' *身份证\u3000号码（必填） ')).toBe('身份证号码')
    expect(normalizeLabel('合同金额\n（万元）')).toBe('合同金额(万元)')
    expect(normalizeLabel('ＩＤ Number：')).toBe('idnumber')
    expect(normalizeLabel('所属县（市、区）')).toBe(normalizeLabel('所属县(市、区)'))
  })
})

describe('findHeader', () => {
  it('skips a merged title and a 填报单位 line', () => {
    const title = '示例市统计表'
    const rows: Cell[][] = [
      [title, title, title, title, title],
      ['填报单位：示例市教育局　　统计截至：2023年9月30日'],
      [],
      ['序号', ' 姓 名 ', '*身份证号码', '合同金额（万元）', '所属县(市、区)', '备注'],
      [1, '张三', '110105194912310021', 12, '和平区'],
    ]
    const h = findHeader(rows, columns)
    expect(h.headerRowIndex).toBe(3)
    expect(h.headerRowCount).toBe(1)
    expect(h.dataStartIndex).toBe(4)
    expect([...h.columnMap]).toEqual([
      ['seq', 0],
      ['name', 1],
      ['id', 2],
      ['amount', 3],
      ['county', 4],
    ])
    expect(h.unknownColumns).toEqual([{ index: 5, letter: 'F', label: '备注' }])
    expect(h.missingRequired).toEqual([])
  })

  it('reads a two-level header, matching child or full labels', () => {
    const rows: Cell[][] = [
      ['序号', '信访人', '信访人', '被反映人', '被反映人', '所属县（市、区）'],
      ['序号', '姓名', '身份证号码', '姓名', '单位', '所属县（市、区）'],
      ['1', '张三', 'x', '李四', '某校', '和平区'],
    ]
    const cols: HeaderColumn[] = [
      ...columns,
      { field: 'accused', header: '被反映人/姓名' },
      { field: 'unit', header: '单位' },
    ]
    const h = findHeader(rows, cols)
    expect(h.headerRowIndex).toBe(0)
    expect(h.headerRowCount).toBe(2)
    expect(h.dataStartIndex).toBe(2)
    expect(h.columnMap.get('name')).toBe(1)
    expect(h.columnMap.get('accused')).toBe(3) // full label wins over the first "姓名"
    expect(h.columnMap.get('unit')).toBe(4)
    expect(h.labels.slice(0, 3)).toEqual(['序号', '信访人/姓名', '信访人/身份证号码'])
  })

  it('skips a row of column numbers under the header', () => {
    const rows: Cell[][] = [
      ['序号', '姓名', '身份证号码', '所属县（市、区）'],
      [1, 2, 3, 4],
      [1, '张三', 'x', '和平区'],
    ]
    expect(findHeader(rows, columns).dataStartIndex).toBe(2)
  })

  it('reports missing required columns when the header is otherwise clear', () => {
    const rows: Cell[][] = [['序号', '姓名', '所属县（市、区）']]
    expect(findHeader(rows, columns).missingRequired).toEqual(['id'])
  })

  it('fails with sheet_no_header when nothing matches', () => {
    const rows: Cell[][] = [['标题'], ['甲', '乙', '丙']]
    try {
      findHeader(rows, columns)
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(SpreadsheetError)
      if (!(err instanceof SpreadsheetError)) return
      expect(err.code).toBe('sheet_no_header')
      expect(err.params).toMatchObject({ rows: 30, columns: '姓名、身份证号码、所属县（市、区）' })
    }
  })
})

describe('findHeader, parents and titles', () => {
  it('does not take a title or 填报单位 row for the parent of a two-level header', () => {
    const cols: HeaderColumn[] = [
      { field: 'a', header: '高校名称', required: true },
      { field: 'b', header: '合同名称', required: true },
    ]
    const title = '2022年统计表'
    expect(
      findHeader(
        [
          [title, title],
          ['高校名称', '合同名称'],
        ],
        cols,
      ).headerRowIndex,
    ).toBe(1)
    const info = [
      ['填报单位：示例市', '统计截至：2023年'],
      ['高校名称', '合同名称'],
      ['示例大学', 'x'],
    ]
    expect(findHeader(info, cols)).toMatchObject({ headerRowIndex: 1, headerRowCount: 1, dataStartIndex: 2 })
  })

  it('reads a two-level header whose single-level columns are not merged down', () => {
    const rows: Cell[][] = [
      ['序号', '信访人', null, '所属县（市、区）'],
      [null, '姓名', '身份证号码', null],
      [1, '张三', 'x', '和平区'],
    ]
    const h = findHeader(rows, columns)
    expect(h).toMatchObject({ headerRowIndex: 0, headerRowCount: 2, dataStartIndex: 2 })
    expect([...h.columnMap.entries()].sort()).toEqual([
      ['county', 3],
      ['id', 2],
      ['name', 1],
      ['seq', 0],
    ])
  })
})
