import { readFileSync } from 'node:fs'
import { deflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { columnIndex, columnLetter, parseRange } from './cells.js'
import { SpreadsheetError } from './errors.js'
import { readWorkbook } from './read.js'
import { crc32, repackForStreaming } from './repack.js'
import { writeXlsx } from './write.js'
import { listEntries } from './zip.js'

const fixture = (name: string) => readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url))

interface FakeEntry {
  name: string
  data: Buffer
  /** Deflate the data (default) or store it. */
  method?: 0 | 8
  /** Lie about the inflated size. */
  declaredSize?: number
}

/** A minimal zip writer, so tests can build containers exceljs would never write. */
function makeZip(entries: FakeEntry[], junkBetween = Buffer.alloc(0)): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const method = e.method ?? 8
    const body = method === 8 ? deflateRawSync(e.data) : e.data
    const name = Buffer.from(e.name, 'utf8')
    const size = e.declaredSize ?? e.data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(method, 8)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(method, 10)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    const chunk = Buffer.concat([local, name, body, junkBetween])
    locals.push(chunk)
    centrals.push(Buffer.concat([central, name]))
    offset += chunk.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

const workbookXml = Buffer.from(
  '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
)

async function failure(promise: Promise<unknown>): Promise<SpreadsheetError> {
  try {
    await promise
  } catch (err) {
    if (err instanceof SpreadsheetError) return err
    throw err
  }
  throw new Error('expected a SpreadsheetError')
}

describe('cell addresses', () => {
  it('converts letters and ranges', () => {
    expect(columnLetter(0)).toBe('A')
    expect(columnLetter(25)).toBe('Z')
    expect(columnLetter(26)).toBe('AA')
    expect(columnLetter(16383)).toBe('XFD')
    expect(columnIndex('XFD')).toBe(16383)
    expect(parseRange('E3:G3')).toEqual({ top: 2, bottom: 2, left: 4, right: 6 })
    expect(parseRange('B2')).toEqual({ top: 1, bottom: 1, left: 1, right: 1 })
    expect(parseRange('nonsense')).toBeNull()
  })
})

describe('limits, checked before parsing', () => {
  it('refuses legacy .xls and encrypted files (OLE2 header)', async () => {
    const ole2 = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ])
    const err = await failure(readWorkbook(ole2))
    expect(err.code).toBe('sheet_unreadable')
    expect(err.params.reason).toBe('这是旧版 .xls 或加密文件，请在 Excel 中另存为 .xlsx（不加密）')
    expect(err.params.reasonEn).toMatch(/legacy \.xls/)
  })

  it('refuses bytes that are not a zip, and zips that are not workbooks', async () => {
    const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256))
    expect((await failure(readWorkbook(random))).params.reason).toBe('不是 .xlsx 文件')
    expect((await failure(readWorkbook(Buffer.alloc(0)))).params.reason).toBe('不是 .xlsx 文件')
    const zipOfText = makeZip([{ name: 'readme.txt', data: Buffer.from('hello') }])
    expect((await failure(readWorkbook(zipOfText))).params.reason).toBe('不是 .xlsx 文件')
  })

  it('refuses a truncated upload as damaged', async () => {
    const buf = fixture('信访案件台账.xlsx')
    const err = await failure(readWorkbook(buf.subarray(0, buf.length / 2)))
    expect(err.code).toBe('sheet_unreadable')
    expect(err.params.reason).toMatch(/不完整或已损坏/)
  })

  it('refuses a file above the byte limit', async () => {
    const err = await failure(readWorkbook(fixture('信访案件台账.xlsx'), { maxFileBytes: 10_000 }))
    expect(err.code).toBe('sheet_too_large')
    expect(err.params.limit).toBe('10 KB')
  })

  it('refuses a zip whose declared inflated size exceeds the limit, without inflating it', async () => {
    const bomb = makeZip([
      { name: 'xl/workbook.xml', data: workbookXml },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 300 * 1024 * 1024 },
    ])
    const err = await failure(readWorkbook(bomb))
    expect(err.code).toBe('sheet_too_large')
    expect(err.params).toMatchObject({ limit: '200 MB', unpacked: true })
  })

  it('refuses a zip that inflates far beyond its compressed size', async () => {
    const zeros = makeZip([
      { name: 'xl/workbook.xml', data: workbookXml },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024) },
    ])
    expect(zeros.length).toBeLessThan(100_000)
    const err = await failure(readWorkbook(zeros))
    expect(err.code).toBe('sheet_unreadable')
    expect(err.params.reason).toMatch(/超过上限 100 倍/)
  })

  it('stops an entry that inflates past the size it declares', async () => {
    const liar = makeZip([
      { name: 'xl/workbook.xml', data: workbookXml },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(5 * 1024 * 1024), declaredSize: 1024 },
    ])
    const err = await failure(readWorkbook(liar))
    expect(err.code).toBe('sheet_unreadable')
    expect(err.params.reason).toMatch(/与声明的大小不符/)
  })

  it('refuses bytes hidden between entries', async () => {
    const hidden = makeZip([{ name: 'xl/workbook.xml', data: workbookXml }], Buffer.alloc(64, 1))
    expect((await failure(readWorkbook(hidden))).params.reason).toMatch(/不完整或已损坏/)
  })

  it('counts rows before parsing', async () => {
    const err = await failure(readWorkbook(fixture('信访案件台账.xlsx'), { maxRows: 100 }))
    expect(err.code).toBe('sheet_too_many_rows')
    expect(err.params.limit).toBe(100)
  })

  it('limits the length of one cell, naming the cell', async () => {
    const err = await failure(readWorkbook(fixture('信访案件台账.xlsx'), { maxCellChars: 20 }))
    expect(err.code).toBe('sheet_unreadable')
    expect(err.params.reason).toMatch(/工作表“信访台账”单元格 [A-Q]\d+ 的内容超过 20 个字符/)
  })
})

describe('reading values', () => {
  it('turns formulas, rich text, hyperlinks, dates and errors into plain values, and fills merges', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('数据')
    ws.getCell('A1').value = '统计表'
    ws.mergeCells('A1:D1')
    ws.getCell('A2').value = { formula: 'B2*2', result: 42 }
    ws.getCell('B2').value = 21
    ws.getCell('C2').value = { richText: [{ text: '示例', font: { bold: true } }, { text: '大学' }] }
    ws.getCell('D2').value = { text: '官网', hyperlink: 'https://example.edu.cn' }
    ws.getCell('A3').value = new Date(Date.UTC(2019, 2, 15))
    ws.getCell('B3').value = true
    ws.getCell('C3').value = { error: '#N/A' }
    ws.getCell('D3').value = { formula: 'A2&"件"', result: '42件' }
    ws.getCell('A4').value = '示例大学'
    ws.mergeCells('A4:A6')
    ws.getCell('B6').value = 'x'
    wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 1
    const [sheet, hidden] = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()))

    expect(sheet?.name).toBe('数据')
    expect(sheet?.rows[0]).toEqual(['统计表', '统计表', '统计表', '统计表'])
    expect(sheet?.rows[1]).toEqual([42, 21, '示例大学', '官网'])
    expect(sheet?.rows[2]).toEqual([new Date(Date.UTC(2019, 2, 15)), true, '#N/A', '42件'])
    expect(sheet?.rows.slice(3).map((r) => r[0])).toEqual(['示例大学', '示例大学', '示例大学'])
    expect(sheet?.merges).toContainEqual({ top: 3, bottom: 5, left: 0, right: 0 })
    expect(hidden).toMatchObject({ name: '隐藏', hidden: true, rows: [[1]] })
  })

  it('reads the fixtures sheet by sheet with merged names filled', async () => {
    const sheets = await readWorkbook(fixture('科技成果转化统计表.xlsx'))
    expect(sheets.map((s) => s.name)).toEqual(['2022年', '2023年'])
    const y2022 = sheets[0]?.rows ?? []
    expect(y2022[14]?.[0]).toBe('示例理工大学') // A15, inside the merge A3:A15
    expect(y2022[15]?.[0]).toBe('示例大学')
    expect(y2022[98]).toEqual(['合计']) // the SUM formula has no cached value
  })

  it('never splits a Chinese character across exceljs stream chunks (exceljs #2063)', async () => {
    // 16 KB zlib chunks: with this much Chinese text, many characters straddle a boundary.
    const text = (i: number, astral: string) =>
      `第${i}号：反映乡村教师职称评定问题，请求协调解决。${astral}${'教育'.repeat(i % 7)}`
    const count = 4000
    // Shared strings, written by exceljs's in-memory writer. That writer itself breaks surrogate
    // pairs now and then (a 𠀀 came out as two U+FFFD), so this variant stays in the BMP.
    const wb = new ExcelJS.Workbook()
    const shared = wb.addWorksheet('共享字符串')
    for (let i = 0; i < count; i++) shared.addRow([text(i, '')])
    // Inline strings, written by our streaming writer, with a character outside the BMP.
    const inline = await writeXlsx([
      {
        name: '内联',
        columns: [{ header: '摘要', key: 't' }],
        rows: Array.from({ length: count }, (_, i) => ({ t: text(i, '𠀀') })),
      },
    ])
    const cases: [Buffer, string][] = [
      [Buffer.from(await wb.xlsx.writeBuffer()), ''],
      [inline, '𠀀'],
    ]
    for (const [buf, astral] of cases) {
      const [sheet] = await readWorkbook(buf)
      const values = (sheet?.rows ?? []).map((r) => r[0]).filter((v) => v !== '摘要')
      expect(values).toHaveLength(count)
      expect(values.filter((v, i) => v !== text(i, astral))).toEqual([])
    }
  })

  it('reads only the sheets asked for', async () => {
    const sheets = await readWorkbook(fixture('科技成果转化统计表.xlsx'), { sheets: (n) => n === '2023年' })
    expect(sheets.map((s) => s.name)).toEqual(['2023年'])
  })
})

describe('repackForStreaming', () => {
  it('computes the zip CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
  })

  it('puts the small parts first and adds an empty sharedStrings.xml, keeping the package valid', async () => {
    const original = await writeXlsx([
      { name: '学校', columns: [{ header: '名称', key: 'n' }], rows: [{ n: '一小' }] },
    ])
    const before = listEntries(original).map((e) => e.name)
    expect(before).not.toContain('xl/sharedStrings.xml') // inline strings: exceljs would spool to disk
    const repacked = repackForStreaming(original, listEntries(original))
    const after = listEntries(repacked).map((e) => e.name)
    expect(after.slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels'])
    expect(after.indexOf('xl/sharedStrings.xml')).toBeLessThan(after.indexOf('xl/worksheets/sheet1.xml'))
    expect(after.indexOf('xl/styles.xml')).toBeLessThan(after.indexOf('xl/worksheets/sheet1.xml'))
    expect(after.at(-1)).toBe('xl/worksheets/sheet1.xml')
    expect(new Set(after)).toEqual(new Set([...before, 'xl/sharedStrings.xml']))
    expect((await readWorkbook(repacked))[0]?.rows).toEqual([['名称'], ['一小']])
  })
})
