/**
 * The error report: the user's own sheet handed back with the problems marked, so they fix it in
 * place and import the very same file again.
 *
 * From the header row on, every row is written as it was read (values, not formulas; merged
 * values filled in, which imports identically); bad cells are filled light red; a last column
 * "错误说明" lists each problem of the row as "F列 身份证号码：…". Rows without problems are
 * untouched. The extra column is an unknown column to the importer, so it is ignored on re-import.
 *
 * Rows go from the reader straight to the writer: a 100,000-row file is never held whole.
 */
import type ExcelJS from 'exceljs'
import { type Cell, type CellRange, columnIndex } from './cells.js'
import { SpreadsheetError } from './errors.js'
import type { ImportError, ImportResult } from './import.js'
import { renderMessage, type SheetLocale } from './messages.js'
import { type SheetInfo, streamWorkbook } from './read.js'
import { bufferedWriter, displayWidth } from './write.js'

const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } }
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } }

/** One line per problem: "F列 身份证号码：身份证号被 Excel 转成了数字…". */
export function describeError(e: ImportError, locale: SheetLocale = 'zh-CN'): string {
  const message = locale === 'zh-CN' ? e.message : renderMessage(e.key, e.params, locale)
  if (locale === 'en')
    return e.column ? `Column ${e.column} (${e.header}): ${message}` : `${e.header}: ${message}`
  return e.column ? `${e.column}列 ${e.header}：${message}` : `${e.header}：${message}`
}

function isMidnight(d: Date): boolean {
  return d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0
}

function writeCell(cell: ExcelJS.Cell, value: Cell): void {
  if (value === null) return
  cell.value = value
  if (value instanceof Date) cell.numFmt = isMidnight(value) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss'
}

/** The widest row from the header down, as `readWorkbook` would fill it (a pass of its own). */
async function widthFrom(buf: Buffer, sheetName: string, from: number): Promise<number> {
  let width = 0
  await streamWorkbook(
    buf,
    {},
    {
      sheet: (info) => info.name === sheetName,
      row(r) {
        if (r.index >= from) width = Math.max(width, r.cells.length)
      },
      end: () => true,
    },
  )
  return width
}

/**
 * Builds the report for an upload and its parse result (same bytes, same spec). `width` (the
 * widest row from the header down, which the import's own pass can count) spares a reading.
 */
export async function buildErrorReport(
  buf: Buffer,
  result: Pick<ImportResult<unknown>, 'sheetName' | 'header' | 'errors'> & { width?: number },
  locale: SheetLocale = 'zh-CN',
): Promise<Buffer> {
  const { headerRowIndex: from, headerRowCount } = result.header
  const byRow = new Map<number, ImportError[]>()
  for (const e of result.errors) byRow.set(e.excelRow, [...(byRow.get(e.excelRow) ?? []), e])
  const width = Math.max(
    result.width ?? (await widthFrom(buf, result.sheetName, from)),
    result.header.labels.length,
  )
  const errorCol = width + 1 // 1-based

  const { workbook, done } = bufferedWriter()
  let ws: ExcelJS.Worksheet | undefined
  let merges: CellRange[] = []
  // A two-level header's parent cells are merged again; data merges need nothing (values are filled).
  const mergeHeader = (sheet: ExcelJS.Worksheet) => {
    for (const m of merges) {
      if (m.top >= from && m.bottom < from + headerRowCount && (m.top !== m.bottom || m.left !== m.right)) {
        sheet.mergeCells(m.top - from + 1, m.left + 1, m.bottom - from + 1, m.right + 1)
      }
    }
    if (headerRowCount > 1) sheet.mergeCells(1, errorCol, headerRowCount, errorCol)
  }
  let i = 0
  const write = (sheet: ExcelJS.Worksheet, values: Cell[]) => {
    const row = sheet.addRow([])
    values.forEach((value, c) => {
      writeCell(row.getCell(c + 1), value)
    })
    if (i < headerRowCount) {
      row.font = { bold: true }
      if (i === 0) {
        const cell = row.getCell(errorCol)
        cell.value = locale === 'en' ? 'Errors' : '错误说明'
        cell.font = { bold: true, color: { argb: 'FFC00000' } }
        cell.fill = HEADER_FILL
      }
    }
    const problems = byRow.get(from + i + 1)
    if (problems) {
      for (const e of problems) {
        const c = columnIndex(e.column)
        if (c < 0) continue
        const bad = row.getCell(c + 1)
        bad.fill = BAD_FILL
        // Text format, so the re-typed ID is not turned into a float again.
        if (e.key === 'id_number_mangled') bad.numFmt = '@'
      }
      const cell = row.getCell(errorCol)
      cell.value = problems.map((e) => describeError(e, locale)).join('\n')
      cell.font = { color: { argb: 'FFC00000' } }
      cell.alignment = { wrapText: true, vertical: 'top' }
    }
    if (i === headerRowCount - 1) mergeHeader(sheet)
    // Committed rows are flushed to the zip stream; header rows wait for their merges.
    if (i >= headerRowCount - 1) row.commit()
    i++
  }

  const start = (info: SheetInfo) => {
    merges = info.merges
    const sheet = workbook.addWorksheet(info.name, {
      views: [{ state: 'frozen', ySplit: headerRowCount, xSplit: 0 }],
    })
    sheet.columns = [
      ...Array.from({ length: width }, (_, c) => ({
        width: Math.min(40, Math.max(10, displayWidth(result.header.labels[c] ?? '') + 4)),
      })),
      { width: 60 },
    ]
    return sheet
  }
  await streamWorkbook(
    buf,
    {},
    {
      sheet(info) {
        if (ws || info.name !== result.sheetName) return false
        ws = start(info)
        return true
      },
      row({ index, cells }) {
        if (!ws || index < from) return
        // Rows with no cell keep their place.
        while (from + i < index) write(ws, [])
        write(ws, cells)
      },
      end: () => true,
    },
  )
  if (!ws) throw new SpreadsheetError('sheet_not_found', { sheet: result.sheetName, sheets: '' })
  ws.commit()
  return done()
}
