/**
 * The kindergarten enrolment rows as .xlsx, with the list's filters. The first columns carry the
 * import's headers, so an exported sheet imports back unchanged.
 */
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import { filterPath } from './access.js'
import { listEnrolments } from './kindergarten-repository.js'
import { parentsOf } from './resources.js'
import type { ListQuery } from './schema.js'

const MAX_EXPORT = 50_000

export async function exportKindergartens(ctx: Ctx, q: ListQuery): Promise<Buffer> {
  authorize(ctx.actor, 'balance.read')
  const scopePath = await filterPath(ctx.db, ctx.actor, q.orgUnitId)
  const { rows } = await listEnrolments(
    ctx.db,
    ctx.dialect,
    { scopePath, year: q.year, q: q.q, includeVoided: false },
    { limit: MAX_EXPORT, offset: 0 },
  )
  const parents = await parentsOf(ctx.db, rows)
  return writeXlsx([
    {
      name: '幼儿园在园幼儿',
      columns: [
        { header: '幼儿园名称', key: 'unit', width: 30 },
        { header: '统计年度', key: 'year' },
        { header: '在园幼儿数', key: 'children' },
        { header: '新增普惠学位数', key: 'places' },
        { header: '备注', key: 'note', width: 24 },
        { header: '标识码', key: 'code', type: 'text' },
        { header: '办园性质', key: 'ownership' },
        { header: '普惠性', key: 'inclusive' },
        { header: '所属县（市、区）', key: 'county', width: 16 },
      ],
      rows: rows.map((r) => ({
        unit: r.unit_name,
        year: r.year,
        children: r.children,
        places: r.new_inclusive_places,
        note: r.note,
        code: r.unit_code ?? '',
        ownership: r.unit_ownership === 'public' ? '公办' : r.unit_ownership === 'private' ? '民办' : '',
        inclusive: r.unit_ownership === 'public' || r.unit_inclusive === 1 ? '是' : '否',
        county: r.unit_parent_id !== null ? (parents.get(r.unit_parent_id)?.name ?? '') : '',
      })),
    },
  ])
}
