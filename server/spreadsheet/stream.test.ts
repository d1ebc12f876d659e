/**
 * The streaming path: merged ranges filled as rows pass, rows parsed and handed on in batches,
 * and the same answers as reading the whole sheet first.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Cell } from './cells.js'
import { defineImport, parseImport, streamImport } from './import.js'
import { type FilledRow, HEAD_ROWS, MergeFiller } from './merge-fill.js'
import { parsers as p } from './parse.js'
import { readWorkbook } from './read.js'

function fillAll(rows: [number, Cell[]][], merges: ConstructorParameters<typeof MergeFiller>[0]) {
  const filler = new MergeFiller(merges)
  const out: FilledRow[] = []
  for (const [index, cells] of rows) out.push(...filler.push(index, cells))
  out.push(...filler.end())
  return out
}

describe('MergeFiller', () => {
  it('holds the header region back and clips its merges to the region width', () => {
    const out = fillAll(
      [
        [0, ['台账']],
        [1, ['编号', '名称', '数量']],
        [2, ['A1', '一小', 1]],
      ],
      [{ top: 0, bottom: 0, left: 0, right: 9 }],
    )
    expect(out.map((r) => [r.index, r.cells])).toEqual([
      [0, ['台账', '台账', '台账']],
      [1, ['编号', '名称', '数量']],
      [2, ['A1', '一小', 1]],
    ])
    expect([0, 1, 2, 3].map((c) => out[0]?.isCopy(c))).toEqual([false, true, true, true])
    expect(out[1]?.isCopy(1)).toBe(false)
  })

  it('fills a merge down past the header region and over rows that have no cells', () => {
    const rows: [number, Cell[]][] = [[0, ['学校', '合同']]]
    rows.push([HEAD_ROWS - 2, ['示例大学', 'H1']])
    rows.push([HEAD_ROWS + 1, [null, 'H2']]) // HEAD_ROWS - 1 and HEAD_ROWS have no cells
    rows.push([HEAD_ROWS + 5, ['下一所', 'H3']])
    const out = fillAll(rows, [{ top: HEAD_ROWS - 2, bottom: HEAD_ROWS + 2, left: 0, right: 0 }])
    expect(out.map((r) => [r.index, r.cells])).toEqual([
      [0, ['学校', '合同']],
      [HEAD_ROWS - 2, ['示例大学', 'H1']],
      [HEAD_ROWS - 1, ['示例大学']],
      [HEAD_ROWS, ['示例大学']],
      [HEAD_ROWS + 1, ['示例大学', 'H2']],
      [HEAD_ROWS + 2, ['示例大学']], // inside the range, before a later row: filled
      [HEAD_ROWS + 5, ['下一所', 'H3']],
    ])
    expect(out.map((r) => r.isCopy(0))).toEqual([false, false, true, true, true, true, false])
  })

  it('never makes rows after the last one, and skips merges whose top row is missing', () => {
    const out = fillAll(
      [
        [0, ['a', 'b']],
        [1, ['x']],
      ],
      [
        { top: 1, bottom: 9, left: 0, right: 1 },
        { top: 5, bottom: 6, left: 0, right: 0 },
      ],
    )
    expect(out.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['x', 'x'],
    ])
  })

  it('charges the cells it adds to the budget', () => {
    let spent = 0
    const filler = new MergeFiller([{ top: 0, bottom: 2, left: 0, right: 1 }], (n) => {
      spent += n
    })
    filler.push(0, ['a', 'b'])
    filler.push(2, ['c'])
    filler.end()
    expect(spent).toBe(6)
  })
})

const spec = defineImport({
  key: 'schools',
  columns: [
    { field: 'code', header: '学校标识码', headerEn: 'Code', required: true, parser: p.text() },
    { field: 'name', header: '学校名称', headerEn: 'Name', required: true, parser: p.text() },
    { field: 'pupils', header: '在校生数', headerEn: 'Pupils', parser: p.integer({ min: 0 }) },
  ],
  toRow: (v) => v,
  keyOf: (row) => row.code,
})

/** A sheet of `n` data rows under a title and a header; `gaps` are Excel rows left without cells. */
async function bigFile(n: number, opts: { gaps?: number[]; bad?: number[]; hiddenFirst?: boolean } = {}) {
  const wb = new ExcelJS.Workbook()
  if (opts.hiddenFirst) {
    const hidden = wb.addWorksheet('旧表', { state: 'hidden' })
    hidden.addRow(['学校标识码', '学校名称'])
    hidden.addRow(['OLD', '旧'])
  }
  const ws = wb.addWorksheet('学校')
  ws.addRow(['学校名册（示例）'])
  ws.mergeCells('A1:C1')
  ws.addRow(['学校标识码', '学校名称', '在校生数'])
  const gaps = new Set(opts.gaps ?? [])
  const bad = new Set(opts.bad ?? [])
  let excelRow = 3
  for (let i = 0; i < n; i++, excelRow++) {
    while (gaps.has(excelRow)) excelRow++
    ws.getRow(excelRow).values = [`S${i}`, `第${i}小学（示例长名称用于测试字符串）`, bad.has(i) ? 'many' : i]
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

describe('streamImport', () => {
  it('hands the rows on in batches, in file order, the same as reading the whole sheet', async () => {
    const buf = await bigFile(250, { gaps: [10, 200] })
    const batches: number[][] = []
    const streamed = await streamImport(spec, buf, {
      batchSize: 100,
      onBatch(rows) {
        batches.push(rows.map((r) => r.excelRow))
      },
    })
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50])
    const whole = await parseImport(spec, buf)
    expect(batches.flat()).toEqual(whole.rows.map((r) => r.excelRow))
    expect(streamed.rowCount).toBe(250)
    // The rows without cells inside the table are blank rows, listed like any other.
    expect(streamed.skipped).toEqual([
      { excelRow: 10, reason: 'blank' },
      { excelRow: 200, reason: 'blank' },
    ])
    expect(streamed.skipped).toEqual(whole.skipped)
    expect(streamed.width).toBe(3)
  })

  it('reports cell problems with the rows around them still handed on, and says so to onBatch', async () => {
    const buf = await bigFile(120, { bad: [110] })
    const seen: number[] = []
    const r = await streamImport(spec, buf, {
      batchSize: 50,
      onBatch(_rows, sheet) {
        seen.push(sheet.errors.length)
      },
    })
    expect(r.errors.map((e) => [e.excelRow, e.column, e.key])).toEqual([[113, 'C', 'integer_invalid']])
    expect(r.rowCount).toBe(119)
    expect(seen).toEqual([0, 0, 1])
  })

  it('prefers a visible sheet to a hidden one that comes first in the workbook', async () => {
    const r = await parseImport(spec, await bigFile(3, { hiddenFirst: true }))
    expect(r.sheetName).toBe('学校')
    expect(r.rows.map((x) => x.value.code)).toEqual(['S0', 'S1', 'S2'])
  })

  it('passes on what onBatch throws, not as an unreadable file', async () => {
    const boom = new Error('the database went away')
    await expect(
      streamImport(spec, await bigFile(10), {
        onBatch() {
          throw boom
        },
      }),
    ).rejects.toBe(boom)
  })

  it('returns the header without reading on when required columns are missing (the mapping step)', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('学校')
    ws.addRow(['编号', '学校名称', '在校生数'])
    ws.addRow(['S1', '一小', 1])
    let batches = 0
    const r = await streamImport(spec, Buffer.from(await wb.xlsx.writeBuffer()), {
      allowMissing: true,
      onBatch() {
        batches++
      },
    })
    expect(r.header.missingRequired).toEqual(['code'])
    expect(r.rowCount).toBe(0)
    expect(batches).toBe(0)
  })

  it('reads long texts whole (they are copied out of the XML chunks)', async () => {
    const buf = await bigFile(2000)
    const [sheet] = await readWorkbook(buf)
    expect(sheet?.rows[1500]?.[1]).toBe('第1498小学（示例长名称用于测试字符串）')
  })
})
