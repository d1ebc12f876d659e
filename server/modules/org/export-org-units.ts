/** The org list as .xlsx, with the same filters as the table on screen, and the import template. */
import type { Ctx } from '../../context.js'
import type { Locale } from '../../http/i18n.js'
import { authorize } from '../../policies/authorize.js'
import { buildTemplate } from '../../spreadsheet/template.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import { orgImportSpec } from './import-spec.js'
import { listPage } from './repository.js'
import { kindLabel } from './rules.js'
import type { ListOrgUnitsQuery } from './schema.js'

const STAGE_ZH: Record<string, string> = {
  primary: '小学',
  junior: '初中',
  senior: '高中',
  nine_year: '九年一贯制',
  complete_secondary: '完全中学',
  twelve_year: '十二年一贯制',
}

export async function exportOrgUnits(ctx: Ctx, q: ListOrgUnitsQuery): Promise<Buffer> {
  authorize(ctx.actor, 'org.read')
  const { items } = await listPage(ctx.db, ctx.dialect, ctx.actor.scopePath, {
    ...q,
    page: 1,
    pageSize: 1_000_000,
  })
  const parentNames = new Map<number, string>()
  const { items: all } = await listPage(ctx.db, ctx.dialect, ctx.actor.scopePath, {
    page: 1,
    pageSize: 1_000_000,
    includeVoided: true,
  })
  for (const u of all) parentNames.set(u.id, u.code ?? u.name)
  return writeXlsx([
    {
      name: '组织机构',
      columns: [
        { header: '上级单位', key: 'parent', width: 16 },
        { header: '单位名称', key: 'name', width: 30 },
        { header: '类型', key: 'kind', width: 8 },
        { header: '代码', key: 'code', width: 14, type: 'text' },
        { header: '简称', key: 'shortName', width: 14 },
        { header: '学段', key: 'stage', width: 12 },
        { header: '办学性质', key: 'ownership', width: 8 },
        { header: '普惠性', key: 'inclusive', width: 8 },
        { header: '农村', key: 'rural', width: 6 },
        { header: '标签', key: 'tags', width: 20 },
        { header: '状态', key: 'status', width: 10 },
      ],
      rows: items.map((u) => ({
        parent: u.parent_id ? (parentNames.get(u.parent_id) ?? '') : '',
        name: u.name,
        kind: kindLabel(u.kind),
        code: u.code ?? '',
        shortName: u.short_name,
        stage: u.stage ? (STAGE_ZH[u.stage] ?? u.stage) : '',
        ownership: u.ownership === 'public' ? '公办' : u.ownership === 'private' ? '民办' : '',
        inclusive: u.inclusive ? '是' : '否',
        rural: u.rural ? '是' : '否',
        tags: (JSON.parse(u.tags) as string[]).join('、'),
        status: u.voided_at ? `已作废：${u.void_reason ?? ''}` : '有效',
      })),
    },
  ])
}

export function orgImportTemplate(locale: Locale): Promise<Buffer> {
  return buildTemplate(orgImportSpec, locale)
}
