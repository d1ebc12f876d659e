/**
 * The problem list as .xlsx, with the filters on screen, and the import template. The export's
 * first columns are the import's, under the same headers, so an exported list imports again (each
 * problem recognised by its code, nothing changed); the columns after them report progress.
 */
import {
  type MeasureStatus,
  type ProblemSource,
  type ProblemStatus,
  SOURCE_LABELS,
  STATUS_LABELS,
} from '../../../domain/rectification/lifecycle.js'
import type { Ctx } from '../../context.js'
import type { Locale } from '../../http/i18n.js'
import { authorize } from '../../policies/authorize.js'
import { buildTemplate } from '../../spreadsheet/template.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import { problemImportSpec } from './import-spec.js'
import { toProblemFilter } from './read-problems.js'
import { listProblemsForExport, measuresOfProblems } from './repository.js'
import type { ListProblemsQuery } from './schema.js'
import { filterPath, todayInChina } from './units.js'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const MAX_EXPORT = 100_000
const MEASURE_ZH: Record<MeasureStatus, string> = { todo: '未开始', doing: '推进中', done: '已完成' }

export async function exportProblems(
  ctx: Ctx,
  q: Omit<ListProblemsQuery, 'page' | 'pageSize'>,
): Promise<Buffer> {
  authorize(ctx.actor, 'problem.read')
  const today = todayInChina(ctx.now())
  const scopePath = await filterPath(ctx.db, ctx.actor, q.unitId)
  const rows = await listProblemsForExport(
    ctx.db,
    ctx.dialect,
    toProblemFilter(q, scopePath, today),
    today,
    MAX_EXPORT,
  )
  const measures = await measuresOfProblems(
    ctx.db,
    rows.map((r) => r.id),
  )
  return writeXlsx([
    {
      name: '检视问题清单',
      columns: [
        { header: '问题编号', key: 'code', width: 14, type: 'text' },
        { header: '问题描述', key: 'description', width: 40 },
        { header: '问题来源', key: 'source' },
        { header: '问题类别', key: 'category' },
        { header: '专项行动', key: 'campaign', width: 20 },
        { header: '责任单位', key: 'unit', width: 18 },
        { header: '责任领导', key: 'leader' },
        { header: '发现日期', key: 'foundOn', type: 'date' },
        { header: '立行立改', key: 'fixAtOnce' },
        { header: '整改措施', key: 'measures', width: 40 },
        { header: '整改时限', key: 'deadline', type: 'date' },
        { header: '措施责任人', key: 'owner', width: 14 },
        { header: '措施进度', key: 'progress', width: 30 },
        { header: '逾期措施', key: 'overdue' },
        { header: '整改状态', key: 'status', width: 14 },
        { header: '完成整改日期', key: 'rectifiedOn', type: 'date' },
        { header: '销号时间', key: 'signedOffAt', width: 20 },
        { header: '销号人', key: 'signedOffBy' },
        { header: '佐证材料', key: 'evidence' },
      ],
      rows: rows.map((r) => {
        const ms = measures.get(r.id) ?? []
        const deadlines = ms.map((m) => m.deadline).filter((d): d is string => d !== null)
        return {
          code: r.code,
          description: r.description,
          source: SOURCE_LABELS[r.source as ProblemSource]?.zh ?? r.source,
          category: r.category_name,
          campaign: r.campaign,
          unit: r.unit_name,
          leader: r.responsible_leader ?? '',
          foundOn: r.found_on,
          fixAtOnce: r.fix_at_once === 1 ? '是' : '否',
          measures: ms.map((m) => m.content).join('\n'),
          deadline: deadlines.sort().at(-1) ?? '',
          owner: [...new Set(ms.map((m) => m.owner).filter(Boolean))].join('、'),
          progress: ms
            .map((m) => `${m.seq}. ${MEASURE_ZH[m.status as MeasureStatus] ?? m.status}`)
            .join('\n'),
          overdue: r.measures_overdue,
          status: r.voided_at ? '已作废' : (STATUS_LABELS[r.status as ProblemStatus]?.zh ?? r.status),
          rectifiedOn: r.rectified_on ?? '',
          signedOffAt: r.signed_off_at ? r.signed_off_at.slice(0, 10) : '',
          signedOffBy: r.signed_off_by_name ?? '',
          evidence: r.evidence_count,
        }
      }),
    },
  ])
}

export function problemImportTemplate(locale: Locale): Promise<Buffer> {
  return buildTemplate(problemImportSpec, locale)
}
