/**
 * The blank template users download before an import: the header row exactly as the import
 * expects it (required columns marked *), one example row in grey italics (the importer
 * recognises it and skips it, so leaving it in is harmless), text format on ID and phone columns
 * so Excel cannot turn them into floats, drop-downs for fixed choices, and a second sheet
 * "填写说明" explaining every column.
 */
import ExcelJS from 'exceljs'
import { columnLetter } from './cells.js'
import type { ColumnSpec, ImportSpec } from './import.js'
import type { SheetLocale } from './messages.js'
import { displayWidth, neutralizeText } from './write.js'

const TEMPLATE_ROWS = 1000

const TEXT: Record<
  SheetLocale,
  { data: string; guide: string; head: string[]; yes: string; no: string; notes: string[] }
> = {
  'zh-CN': {
    data: '数据',
    guide: '填写说明',
    head: ['列', '列名', '是否必填', '格式', '可选值', '说明', '示例'],
    yes: '必填',
    no: '选填',
    notes: [
      '带 * 的列必须填写；第 2 行灰色斜体是示例，导入时自动跳过，也可以删除。',
      '请勿修改表头文字；可以增加其他列，导入时会忽略。',
      '身份证号码、电话号码列已设为“文本”格式，请直接输入或粘贴为“值”，以免被 Excel 转成数字。',
    ],
  },
  en: {
    data: 'Data',
    guide: 'Instructions',
    head: ['Column', 'Header', 'Required', 'Format', 'Allowed values', 'Notes', 'Example'],
    yes: 'required',
    no: 'optional',
    notes: [
      'Columns marked * are required. Row 2 (grey italics) is an example; the import skips it.',
      'Do not change the header texts; extra columns are ignored.',
      'ID and phone columns are formatted as Text; paste values only, or Excel turns them into numbers.',
    ],
  },
}

function headerText(col: ColumnSpec, locale: SheetLocale): string {
  const label = locale === 'en' ? col.headerEn : col.header
  return col.required ? `*${label}` : label
}

function addDataSheet(
  wb: ExcelJS.Workbook,
  columns: readonly ColumnSpec[],
  locale: SheetLocale,
  sheetName: string | undefined,
): void {
  const t = TEXT[locale]
  const ws = wb.addWorksheet(sheetName ?? t.data, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] })
  ws.columns = columns.map((col) => ({
    width: Math.min(
      40,
      Math.max(12, displayWidth(headerText(col, locale)) + 4, String(col.example ?? '').length + 4),
    ),
    ...(col.parser.numFmt ? { style: { numFmt: col.parser.numFmt } } : {}),
  }))
  const header = ws.getRow(1)
  columns.forEach((col, i) => {
    const cell = header.getCell(i + 1)
    cell.value = headerText(col, locale)
    cell.font = { bold: true, ...(col.required ? { color: { argb: 'FFC00000' } } : {}) }
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }
  })
  const example = ws.getRow(2)
  columns.forEach((col, i) => {
    if (col.example === undefined) return
    const cell = example.getCell(i + 1)
    cell.value = col.example
    cell.font = { italic: true, color: { argb: 'FF808080' } }
  })
  columns.forEach((col, i) => {
    const options = col.parser.options
    const list = options ? `"${options.join(',')}"` : ''
    // The list is a formula: an option holding `"` would end the string and the rest would be
    // evaluated (an option is user-defined: a violation type named `=x"&HYPERLINK(…)&"` did that).
    // Such lists, and those a comma would split or Excel's 255 characters cut, get no drop-down.
    if (!options || list.length > 255 || options.some((o) => o.includes(',') || o.includes('"'))) return
    for (let r = 2; r <= TEMPLATE_ROWS + 1; r++) {
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: !col.required,
        formulae: [list],
        showErrorMessage: false,
      }
    }
  })
}

function addGuideSheet(wb: ExcelJS.Workbook, columns: readonly ColumnSpec[], locale: SheetLocale): void {
  const t = TEXT[locale]
  const ws = wb.addWorksheet(t.guide)
  ws.columns = [
    { width: 6 },
    { width: 22 },
    { width: 10 },
    { width: 50 },
    { width: 36 },
    { width: 40 },
    { width: 20 },
  ]
  const head = ws.addRow(t.head)
  head.font = { bold: true }
  columns.forEach((col, i) => {
    const description =
      locale === 'en' ? (col.descriptionEn ?? col.description ?? '') : (col.description ?? '')
    ws.addRow([
      columnLetter(i),
      locale === 'en' ? col.headerEn : col.header,
      col.required ? t.yes : t.no,
      col.parser.format[locale],
      // Options are user-defined text: a leading = + - @ must not become a formula.
      col.parser.options ? neutralizeText(col.parser.options.join(locale === 'en' ? ', ' : '、')) : null,
      description || null,
      col.example ?? null,
    ])
  })
  ws.addRow([])
  for (const note of t.notes) ws.addRow([note])
  ws.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true }
  })
}

/**
 * Builds the import template of a spec as an .xlsx Buffer, in Chinese or English. The data sheet
 * takes the spec's `sheetName` when it has one, so the filled-in template imports as is.
 */
export async function buildTemplate(
  spec: Pick<ImportSpec, 'columns' | 'sheetName'>,
  locale: SheetLocale = 'zh-CN',
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  addDataSheet(wb, spec.columns, locale, spec.sheetName)
  addGuideSheet(wb, spec.columns, locale)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
