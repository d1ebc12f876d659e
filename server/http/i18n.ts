/**
 * Server-side messages in the user's language. Keys are stable error codes; the web has its own
 * catalogue for UI text, and shows these messages as they come.
 */
import { attachmentMessages } from '../modules/attachments/messages.js'
import { balanceMessages } from '../modules/balance/messages.js'
import { indicatorMessages } from '../modules/indicators/messages.js'
import { petitionMessages } from '../modules/petitions/messages.js'
import { rectificationMessages } from '../modules/rectification/messages.js'
import { reportMessages } from '../modules/reports/messages.js'
import { researchMessages } from '../modules/research/messages.js'
import { selectionMessages } from '../modules/selections/messages.js'
import { statisticsMessages } from '../modules/statistics/messages.js'
import { supervisionMessages } from '../modules/supervision/messages.js'
import { spreadsheetMessages } from '../spreadsheet/messages.js'

export type Locale = 'zh-CN' | 'en'

type Catalogue = Record<string, { 'zh-CN': string; en: string }>

const platformMessages = {
  bad_request: { 'zh-CN': '请求有误', en: 'Bad request' },
  validation: { 'zh-CN': '填写的内容有误，请检查标出的字段', en: 'Some fields are not valid' },
  unauthenticated: { 'zh-CN': '请先登录', en: 'Please log in' },
  forbidden: { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  out_of_scope: { 'zh-CN': '该记录不在您的管辖范围内', en: 'This record is outside your scope' },
  not_found: { 'zh-CN': '记录不存在', en: 'Not found' },
  conflict_version: {
    'zh-CN': '记录已被他人修改（当前版本 {current}），请刷新后重试',
    en: 'Someone else changed this record (now version {current}); reload and try again',
  },
  conflict: { 'zh-CN': '与现有记录冲突', en: 'Conflicts with an existing record' },
  csrf: {
    'zh-CN': '页面已过期，请刷新后重试',
    en: 'The page is stale (CSRF check failed); reload and try again',
  },
  login_failed: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  login_throttled: {
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed logins; try again in {minutes} minutes',
  },
  password_weak: {
    'zh-CN': '新密码至少 10 位，并包含字母和数字',
    en: 'The new password needs at least 10 characters with letters and digits',
  },
  password_wrong: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  db_unavailable: {
    'zh-CN': '数据库暂时不可用，请稍后重试',
    en: 'The database is unavailable for the moment; try again shortly',
  },
  storage_full: {
    'zh-CN': '服务器磁盘空间不足，未保存任何更改',
    en: 'The server disk is full; nothing was saved',
  },
  server_busy: {
    'zh-CN': '服务器正忙于处理其他文件，请稍后再试',
    en: 'The server is busy with other files; try again shortly',
  },
  // uploads (domain/files/allow-list.ts)
  file_empty: { 'zh-CN': '文件是空的', en: 'The file is empty' },
  file_type_not_allowed: {
    'zh-CN': '只接受以下类型的文件：{types}',
    en: 'Files must be one of: {types}',
  },
  file_content_mismatch: {
    'zh-CN': '文件内容与扩展名（{type}）不符，请上传原始文件',
    en: 'The file’s content does not match its extension ({type}); upload the original file',
  },
  too_large: { 'zh-CN': '上传内容过大（上限 {limit}）', en: 'Upload too large (limit {limit})' },
  internal: {
    'zh-CN': '服务器内部错误，已记录，请联系管理员',
    en: 'Internal error; it was logged, contact your admin',
  },
  rate_limited: { 'zh-CN': '请求过于频繁', en: 'Too many requests' },
  // field-level
  required: { 'zh-CN': '必填', en: 'Required' },
  invalid_type: { 'zh-CN': '类型不正确', en: 'Wrong type' },
  too_short: { 'zh-CN': '太短（至少 {min}）', en: 'Too short (at least {min})' },
  too_long: { 'zh-CN': '太长（至多 {max}）', en: 'Too long (at most {max})' },
  too_small: { 'zh-CN': '不能小于 {min}', en: 'Must be at least {min}' },
  too_big: { 'zh-CN': '不能大于 {max}', en: 'Must be at most {max}' },
  invalid_value: { 'zh-CN': '取值不在允许范围内：{options}', en: 'Must be one of: {options}' },
  invalid_format: { 'zh-CN': '格式不正确', en: 'Wrong format' },
  unknown_field: { 'zh-CN': '不认识的字段', en: 'Unknown field' },
  // org units
  org_code_region: {
    'zh-CN': '行政区划代码应为 6 位数字，且与层级相符（省 xx0000、市 xxxx00、县不以 00 结尾）',
    en: 'A region code is 6 digits matching the level (province xx0000, city xxxx00, county not ending in 00)',
  },
  org_code_region_parent: {
    'zh-CN': '行政区划代码 {code} 与上级 {parent} 不一致',
    en: 'Region code {code} does not belong under its parent {parent}',
  },
  org_code_school: { 'zh-CN': '学校标识码应为 10 位数字', en: 'A school code is 10 digits' },
  org_code_taken: { 'zh-CN': '代码 {code} 已被“{name}”使用', en: 'Code {code} is already used by "{name}"' },
  org_parent_kind: {
    'zh-CN': '“{kind}”不能放在“{parentKind}”之下',
    en: 'A {kindEn} cannot sit under a {parentKindEn}',
  },
  org_move_cycle: { 'zh-CN': '不能移动到自己的下级之下', en: 'Cannot move a unit under its own descendant' },
  org_has_children: {
    'zh-CN': '该单位下还有 {count} 个未作废的下级单位，请先处理',
    en: 'This unit still has {count} live sub-units',
  },
  org_has_users: { 'zh-CN': '该单位还有 {count} 个有效用户', en: 'This unit still has {count} active users' },
  org_root_exists: { 'zh-CN': '只能有一个顶级单位', en: 'There can be only one top-level unit' },
  org_stage_only_school: { 'zh-CN': '只有学校可以填写学段', en: 'Only schools have a stage' },
  org_voided: { 'zh-CN': '该单位已作废', en: 'This unit is voided' },
  user_taken: { 'zh-CN': '用户名 {username} 已存在', en: 'Username {username} is taken' },
  user_self: { 'zh-CN': '不能作废自己的账号', en: 'You cannot void your own account' },
  role_scope: {
    'zh-CN': '“{role}”角色的管辖范围不能设为“{kind}”',
    en: 'A {roleEn} user cannot have a {kindEn} as scope',
  },
  // spreadsheets and jobs
  job_not_found: { 'zh-CN': '任务不存在', en: 'Job not found' },
  import_has_errors: {
    'zh-CN': '文件中有 {count} 处错误，未写入任何数据。请下载错误报告，按标出的行和列修改后重新导入',
    en: 'The file has {count} errors and nothing was written. Download the error report, fix the marked rows and columns, and import again',
  },
} satisfies Catalogue

// Module catalogues merge in; a module's key never shadows a platform key.
const messages = {
  ...spreadsheetMessages,
  ...petitionMessages,
  ...supervisionMessages,
  ...rectificationMessages,
  ...researchMessages,
  ...statisticsMessages,
  ...indicatorMessages,
  ...reportMessages,
  ...balanceMessages,
  ...selectionMessages,
  ...attachmentMessages,
  ...platformMessages,
} satisfies Catalogue

export type MessageKey = keyof typeof messages

export function t(locale: Locale, key: MessageKey | string, params: Record<string, unknown> = {}): string {
  const entry = (messages as Catalogue)[key]
  const text = entry ? entry[locale] : key
  return text.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`,
  )
}

export function isMessageKey(key: string): key is MessageKey {
  return key in messages
}

/** Picks the locale: explicit header or cookie first, then Accept-Language; Chinese by default. */
export function pickLocale(
  headerLang: string | undefined,
  cookieLang: string | undefined,
  accept?: string,
): Locale {
  const explicit = headerLang ?? cookieLang
  if (explicit) return explicit.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
  if (accept && /^en\b/i.test(accept.trim())) return 'en'
  return 'zh-CN'
}
