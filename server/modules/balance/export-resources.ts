/**
 * The school resource rows as .xlsx, with the list's filters. The first columns carry the import's
 * headers (unit, year, every number in the import's units), so an exported sheet edited and
 * imported back updates only what changed.
 */
import { EXCLUSION_LABELS } from '../../../domain/balance/school.js'
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import { filterPath } from './access.js'
import { RESOURCE_FIELDS } from './fields.js'
import { listResources } from './repository.js'
import { parentsOf } from './resources.js'
import type { ListQuery } from './schema.js'

const MAX_EXPORT = 50_000

export async function exportResources(ctx: Ctx, q: ListQuery): Promise<Buffer> {
  authorize(ctx.actor, 'balance.read')
  const scopePath = await filterPath(ctx.db, ctx.actor, q.orgUnitId)
  const { rows } = await listResources(
    ctx.db,
    ctx.dialect,
    { scopePath, year: q.year, q: q.q, includeVoided: false },
    { limit: MAX_EXPORT, offset: 0 },
  )
  const parents = await parentsOf(ctx.db, rows)
  return writeXlsx([
    {
      name: '学校办学条件',
      columns: [
        { header: '学校名称', key: 'unit', width: 30 },
        { header: '统计年度', key: 'year' },
        ...RESOURCE_FIELDS.map((f) => ({
          header: f.zh,
          key: f.field,
          ...(f.kind === 'money' ? { numFmt: '#,##0.00' } : {}),
        })),
        { header: '不参与计算原因', key: 'exclusion' },
        { header: '备注', key: 'note', width: 24 },
        { header: '学校标识码', key: 'code', type: 'text' as const },
        { header: '所属县（市、区）', key: 'county', width: 16 },
      ],
      rows: rows.map((r) => {
        const out: Record<string, unknown> = {
          unit: r.unit_name,
          year: r.year,
          exclusion:
            r.exclusion === 'teaching_point' ||
            r.exclusion === 'special_education' ||
            r.exclusion === 'vocational'
              ? EXCLUSION_LABELS[r.exclusion].zh
              : '',
          note: r.note,
          code: r.unit_code ?? '',
          county: r.unit_parent_id !== null ? (parents.get(r.unit_parent_id)?.name ?? '') : '',
        }
        for (const f of RESOURCE_FIELDS)
          out[f.field] = f.kind === 'money' ? Number(r[f.column]) / 100 : Number(r[f.column])
        return out
      }),
    },
  ])
}
