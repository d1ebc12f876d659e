/**
 * The ledger as .xlsx, with the filters on screen. Personal data is always masked in an export:
 * a file leaves the system, and who opens it later is out of our hands.
 */
import type { Ctx } from '../../context.js'
import type { Locale } from '../../http/i18n.js'
import { authorize } from '../../policies/authorize.js'
import { buildTemplate } from '../../spreadsheet/template.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import { todayInChina } from './derive.js'
import { petitionImportSpec } from './import-spec.js'
import { toFilter } from './read-cases.js'
import { listCasesForExport } from './repository.js'
import type { ListCasesQuery } from './schema.js'
import { loadSettings } from './settings.js'

const MAX_EXPORT = 300_000

const CHANNEL_ZH: Record<string, string> = {
  online: '网上信访',
  letter: '来信',
  phone: '电话',
  fax: '传真',
  visit: '来访',
}
const KIND_ZH: Record<string, string> = { suggestion: '建议意见', accusation: '检举控告', claim: '申诉求决' }
const LEVEL_ZH: Record<string, string> = { city: '市级', county: '县级', school: '学校' }
export const STATUS_ZH: Record<string, string> = {
  registered: '已登记',
  forwarded: '已转送',
  not_accepted: '不予受理',
  handling: '办理中',
  extended: '延期办理',
  replied: '已办结',
  review: '复查中',
  reviewed: '已复查',
  rereview: '复核中',
  final: '已终结',
}

export async function exportCases(ctx: Ctx, q: ListCasesQuery): Promise<Buffer> {
  authorize(ctx.actor, 'petition.read')
  const settings = await loadSettings(ctx.db)
  const today = todayInChina(ctx.now())
  const rows = await listCasesForExport(
    ctx.db,
    ctx.dialect,
    ctx.actor,
    toFilter(q, today, settings.dueSoonDays),
    MAX_EXPORT,
  )
  return writeXlsx([
    {
      name: '信访台账',
      columns: [
        { header: '案件编号', key: 'caseNo', width: 16, type: 'text' },
        { header: '登记日期', key: 'received', type: 'date' },
        { header: '信访形式', key: 'channel' },
        { header: '信访类型', key: 'kind' },
        { header: '信访人', key: 'petitioner' },
        { header: '所属县（市、区）', key: 'county' },
        { header: '问题类别', key: 'category', width: 14 },
        { header: '具体诉求', key: 'demand', width: 16 },
        { header: '诉求内容摘要', key: 'summary', width: 40 },
        { header: '责任层级', key: 'level' },
        { header: '责任单位', key: 'unit', width: 16 },
        { header: '包案领导', key: 'leader' },
        { header: '办理状态', key: 'status' },
        { header: '当前期限', key: 'due', type: 'date' },
        { header: '办结日期', key: 'closed', type: 'date' },
      ],
      rows: rows.map((r) => ({
        caseNo: r.case_no,
        received: r.received_on,
        channel: CHANNEL_ZH[r.channel] ?? r.channel,
        kind: KIND_ZH[r.kind] ?? r.kind,
        petitioner: r.petitioner_mask,
        county: r.county_name ?? '',
        category: r.category_name,
        demand: r.demand_name,
        summary: r.summary,
        level: LEVEL_ZH[r.level] ?? r.level,
        unit: r.responsible_unit_name,
        leader: r.responsible_leader ?? '',
        status: r.voided_at ? '已作废' : (STATUS_ZH[r.status] ?? r.status),
        due: r.current_due ?? '',
        closed: r.closed_on ?? '',
      })),
    },
  ])
}

export function petitionImportTemplate(locale: Locale): Promise<Buffer> {
  return buildTemplate(petitionImportSpec(), locale)
}
