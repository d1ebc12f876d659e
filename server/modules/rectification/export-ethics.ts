/**
 * Teacher-ethics cases as .xlsx. Always masked, whoever asks: a file leaves the system, and who
 * opens it later is out of our hands (the full view exists only on screen, audited).
 */
import { HANDLING_LABELS, type Handling } from '../../../domain/rectification/public-summary.js'
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import { toEthicsFilter } from './read-ethics-cases.js'
import { listEthicsForExport } from './repository.js'
import type { ListEthicsQuery } from './schema.js'
import { filterPath } from './units.js'

const MAX_EXPORT = 100_000

export async function exportEthics(ctx: Ctx, q: Omit<ListEthicsQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  authorize(ctx.actor, 'ethics.read')
  const scopePath = await filterPath(ctx.db, ctx.actor, q.schoolId)
  const rows = await listEthicsForExport(ctx.db, ctx.dialect, toEthicsFilter(ctx, q, scopePath), MAX_EXPORT)
  return writeXlsx([
    {
      name: '师德师风案件',
      columns: [
        { header: '案件编号', key: 'caseNo', width: 14, type: 'text' },
        { header: '教师姓名', key: 'teacher' },
        { header: '身份证号码', key: 'idNumber', width: 22, type: 'text' },
        { header: '所在学校', key: 'school', width: 24 },
        { header: '发生日期', key: 'occurredOn', type: 'date' },
        { header: '违规类型', key: 'type', width: 14 },
        { header: '查实情况', key: 'finding', width: 50 },
        { header: '处理结果', key: 'handling' },
        { header: '处理说明', key: 'detail', width: 30 },
        { header: '处理日期', key: 'handledOn', type: 'date' },
        { header: '是否通报', key: 'published' },
        { header: '通报日期', key: 'publishedOn', type: 'date' },
        { header: '状态', key: 'state' },
      ],
      rows: rows.map((r) => ({
        caseNo: r.case_no,
        teacher: r.teacher_name_mask,
        idNumber: r.teacher_id_mask ?? '',
        school: r.school_name,
        occurredOn: r.occurred_on,
        type: r.violation_type_name,
        finding: r.finding_mask,
        handling: HANDLING_LABELS[r.handling as Handling]?.zh ?? r.handling,
        detail: r.handling_detail,
        handledOn: r.handled_on ?? '',
        published: r.published === 1 ? '是' : '否',
        publishedOn: r.published_on ?? '',
        state: r.voided_at ? '已作废' : '有效',
      })),
    },
  ])
}
