/**
 * The certificate list (认定/遴选结果名单) of a decided programme, as .xlsx (strings neutralised
 * against formula injection by the shared writer) and as a Word document in the official layout
 * (reports' `reportToDocx`). Before the list is final the title says 拟 (proposed). Overseers only.
 */
import type { ReportDoc } from '../../../domain/report/document.js'
import type { Ctx } from '../../context.js'
import { conflict } from '../../http/errors.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import { reportToDocx } from '../reports/output/docx.js'
import { loadOverseenProgramme } from './access.js'
import type { ProgrammeRow } from './repository.js'
import { frozenRanking, type RankingRowView } from './round-views.js'

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const LISTED = ['selected', 'passed']

async function listOf(
  ctx: Ctx,
  id: number,
): Promise<{ p: ProgrammeRow; rows: RankingRowView[]; title: string }> {
  const p = await loadOverseenProgramme(ctx, ctx.db, id)
  if (!['decided', 'approved', 'notice', 'final'].includes(p.status)) throw conflict('selection_not_decided')
  const rows = (await frozenRanking(ctx.db, p)).filter((r) => LISTED.includes(r.finalOutcome))
  const what = p.kind === 'accreditation' ? '认定名单' : '遴选结果名单'
  const title = `${p.name}${p.status === 'final' ? '' : '拟'}${what}`
  return { p, rows, title }
}

export async function exportResultsXlsx(ctx: Ctx, id: number): Promise<{ filename: string; bytes: Buffer }> {
  const { rows, title } = await listOf(ctx, id)
  const bytes = await writeXlsx([
    {
      name: '名单',
      columns: [
        { header: '序号', key: 'n', width: 6 },
        { header: '单位名称', key: 'unit', width: 36 },
        { header: '申报项目', key: 'title', width: 40 },
        { header: '排名', key: 'rank', width: 6 },
        { header: '评审得分', key: 'score', width: 10, numFmt: '0.00' },
      ],
      rows: rows.map((r, i) => ({
        n: i + 1,
        unit: r.unit,
        title: r.title,
        rank: r.rank,
        score: r.score ?? '',
      })),
    },
  ])
  return { filename: `${title}.xlsx`, bytes }
}

export async function exportResultsDocx(ctx: Ctx, id: number): Promise<{ filename: string; bytes: Buffer }> {
  const { p, rows, title } = await listOf(ctx, id)
  const text = (s: string) => [{ kind: 'text' as const, text: s }]
  const doc: ReportDoc = {
    title: [title],
    unit: p.owner_name,
    ...(p.finalised_on ? { date: p.finalised_on } : {}),
    blocks: [
      {
        kind: 'paragraph',
        inlines: text(
          `经单位申报、专家评审${p.notice_published_on ? `和公示（${p.notice_published_on}至${p.notice_ends_on}）` : ''}，以下${rows.length}个单位列入名单（按评审排名排列）。`,
        ),
      },
      {
        kind: 'table',
        header: [text('序号'), text('单位名称'), text('申报项目')],
        rows: rows.map((r, i) => [text(String(i + 1)), text(r.unit), text(r.title)]),
      },
    ],
  }
  return { filename: `${title}.docx`, bytes: await reportToDocx(doc) }
}
