/**
 * Every message key this folder produces, in both languages.
 *
 * The server's catalogue (server/http/i18n.ts) is the one users see; this copy exists so that
 * parse results and errors can carry a ready Chinese `message` (tests and error reports read it)
 * and so the keys below can be merged into that catalogue in one go. Messages never contain
 * personal data: ID and phone errors deliberately omit the value.
 */
export type SheetLocale = 'zh-CN' | 'en'

type Catalogue = Record<string, Record<SheetLocale, string>>

export const spreadsheetMessages = {
  // whole file or sheet
  sheet_unreadable: { 'zh-CN': '无法读取该文件：{reason}', en: 'This file cannot be read: {reasonEn}' },
  sheet_too_large: { 'zh-CN': '文件过大（上限 {limit}）', en: 'The file is too large (limit {limit})' },
  sheet_too_many_rows: { 'zh-CN': '行数超过上限 {limit}', en: 'More than {limit} rows' },
  sheet_too_many_cells: { 'zh-CN': '单元格数量超过上限 {limit}', en: 'More than {limit} cells' },
  sheet_not_found: {
    'zh-CN': '找不到工作表“{sheet}”（文件中有：{sheets}）',
    en: 'No sheet named "{sheet}" (the file has: {sheets})',
  },
  sheet_no_header: {
    'zh-CN': '在前 {rows} 行中没有找到表头（应包含：{columns}）',
    en: 'No header row found in the first {rows} rows (expected: {columnsEn})',
  },
  sheet_missing_column: { 'zh-CN': '缺少必需的列：{columns}', en: 'Required columns missing: {columnsEn}' },
  // one cell
  required: { 'zh-CN': '必填', en: 'Required' },
  text_too_long: {
    'zh-CN': '内容过长：{length} 个字，最多 {max} 个字',
    en: 'Too long: {length} characters, at most {max}',
  },
  number_invalid: { 'zh-CN': '不是有效的数字：{value}', en: 'Not a number: {value}' },
  integer_invalid: { 'zh-CN': '应为整数：{value}', en: 'Must be a whole number: {value}' },
  decimal_scale: {
    'zh-CN': '最多保留 {scale} 位小数：{value}',
    en: 'At most {scale} decimal places: {value}',
  },
  too_small: { 'zh-CN': '不能小于 {min}', en: 'Must be at least {min}' },
  too_big: { 'zh-CN': '不能大于 {max}', en: 'Must be at most {max}' },
  money_invalid: {
    'zh-CN': '无法识别的金额：{value}（可填写如 1200、1,200.00、12.5万、3000元）',
    en: 'Not an amount: {value} (e.g. 1200, 1,200.00, 12.5万, 3000元)',
  },
  date_invalid: {
    'zh-CN': '无法识别的日期：{value}（请填写如 2019-03-15）',
    en: 'Not a date: {value} (write e.g. 2019-03-15)',
  },
  date_impossible: { 'zh-CN': '日期不存在：{value}', en: 'No such date: {value}' },
  date_out_of_range: {
    'zh-CN': '日期 {value} 不在 {min} 至 {max} 之间',
    en: 'The date {value} is not between {min} and {max}',
  },
  boolean_invalid: { 'zh-CN': '应填写“是”或“否”：{value}', en: 'Must be yes (是) or no (否): {value}' },
  enum_invalid: { 'zh-CN': '“{value}”不是可选值，可选：{options}', en: '"{value}" is not one of: {options}' },
  id_number_format: {
    'zh-CN': '身份证号码应为 18 位数字（最后一位可为 X）',
    en: 'An ID number has 18 characters: 17 digits and a digit or X',
  },
  id_number_region: {
    'zh-CN': '身份证号码前两位不是有效的省级行政区划代码',
    en: 'The first two digits of the ID number are not a province code',
  },
  id_number_date: {
    'zh-CN': '身份证号码中的出生日期不存在',
    en: 'The birth date inside the ID number is not a real date',
  },
  id_number_checksum: {
    'zh-CN': '身份证号码校验位不正确，请核对',
    en: 'The check digit of the ID number is wrong; please check the number',
  },
  id_number_mangled: {
    'zh-CN': '身份证号被 Excel 转成了数字，末几位已丢失，请将该列设为文本后重新填写',
    en: 'Excel turned this ID number into a number and its last digits are lost; format the column as text and type it again',
  },
  phone_invalid: {
    'zh-CN': '电话号码格式不正确：应为 11 位手机号或带区号的固定电话',
    en: 'Not a phone number: use an 11-digit mobile number or a landline with its area code',
  },
  import_duplicate_key: { 'zh-CN': '与第 {firstRow} 行重复', en: 'Duplicates row {firstRow}' },
} satisfies Catalogue

export type SpreadsheetMessageKey = keyof typeof spreadsheetMessages

/** Fills `{name}` placeholders; unknown keys render as the key itself, like the server's `t()`. */
export function renderMessage(
  key: string,
  params: Record<string, unknown> = {},
  locale: SheetLocale = 'zh-CN',
): string {
  const entry: Record<SheetLocale, string> | undefined = (spreadsheetMessages as Catalogue)[key]
  const text = entry ? entry[locale] : key
  return text.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`,
  )
}
