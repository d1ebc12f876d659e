/**
 * Rendering a report: a template's source for a period and a unit becomes a snapshot — the text
 * (Markdown with figure markers), every figure's provenance, and the public copy masked with the
 * scope's terms. Re-opening a snapshot gives the same document after the data change, because the
 * documents are made from the kept text, never recomputed.
 */
import type { z } from 'zod'
import { parsePeriod } from '../../../domain/indicators/periods.js'
import { suggestTerms } from '../../../domain/redaction/suggest.js'
import { mapDocText, parseReport, plainText, type ReportDoc } from '../../../domain/report/document.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { notFound } from '../../http/errors.js'
import type { JobRun } from '../../jobs/queue.js'
import { authorize, inScope } from '../../policies/authorize.js'
import type { AggregateDefinition } from '../indicators/definition.js'
import { findIndicator } from '../indicators/registry.js'
import { periodFrom, unitFor } from '../indicators/scope.js'
import { reportToHtml } from './output/html.js'
import { insertSnapshot, snapshotById } from './repository.js'
import type { PreviewBody, RenderBody } from './schema.js'
import { type FigureUse, renderTemplate } from './template.js'
import { loadTemplate } from './templates.js'
import { termsFor } from './terms.js'

export interface FigureView extends FigureUse {
  index: number
  name: string
  unit: string
  source: { kind: 'ledger' | 'module' | 'manual' | 'expression'; ref: string }
  /**
   * For a ledger aggregate: the query of the ledger's rows API that lists the rows behind it
   * (approved, in the period and unit, with its filters); `exact` is false when a filter or a
   * date or org column has no counterpart there, and the list is then a superset.
   */
  rowsQuery?: { ledger: string; query: Record<string, string | string[]>; exact: boolean }
}

/** The rows API query behind an aggregate figure (see FigureView.rowsQuery). */
function queryForRows(a: AggregateDefinition, f: FigureUse): FigureView['rowsQuery'] {
  const period = parsePeriod(f.period)
  const query: Record<string, string | string[]> = { orgUnitId: String(f.orgUnitId), status: 'approved' }
  if (period) {
    query.from = period.from
    query.to = period.to
  }
  let exact = !a.dateColumn && !a.orgColumn && period !== null
  const where: string[] = []
  for (const x of a.filters ?? []) {
    if (x.op === 'eq' && (typeof x.value === 'string' || typeof x.value === 'number'))
      where.push(`${x.column}:${x.value}`)
    else if (x.op === 'is_true' || x.op === 'is_false') where.push(`${x.column}:${x.op === 'is_true'}`)
    else exact = false
  }
  if (where.length) query.where = where
  return { ledger: a.ledger, query, exact }
}

/** Each figure with its indicator's name and where its rows are kept. */
async function describe(ctx: Ctx, figures: FigureUse[]): Promise<FigureView[]> {
  const out: FigureView[] = []
  for (const [index, f] of figures.entries()) {
    const ind = await findIndicator(ctx.db, f.key)
    const d = ind?.definition
    const source: FigureView['source'] =
      d?.kind === 'aggregate'
        ? { kind: 'ledger', ref: d.aggregate.ledger }
        : d?.kind === 'expression'
          ? { kind: 'expression', ref: d.expression.of.join(',') }
          : d?.kind === 'manual'
            ? { kind: 'manual', ref: f.key }
            : { kind: 'module', ref: ind?.module ?? f.key.split('.')[0] ?? '' }
    out.push({
      ...f,
      index,
      name: ind?.zh ?? f.key,
      unit: ind?.unitZh ?? '',
      source,
      ...(d?.kind === 'aggregate' ? { rowsQuery: queryForRows(d.aggregate, f) } : {}),
    })
  }
  return out
}

async function target(
  ctx: Ctx,
  p: { period: string; orgUnitId?: number | undefined; compare?: 'last_year' | 'previous' | undefined },
) {
  const unit = await unitFor(ctx, { orgUnitId: p.orgUnitId })
  return { unit, period: periodFrom(p.period), ...(p.compare ? { compare: p.compare } : {}) }
}

/** The editor's preview: nothing is kept. */
export async function previewReport(ctx: Ctx, body: z.infer<typeof PreviewBody>) {
  authorize(ctx.actor, 'report.read')
  const t = await target(ctx, body)
  const r = await renderTemplate(ctx, body.source, t)
  return {
    html: reportToHtml(parseReport(r.text), { figureLinks: true }),
    figures: await describe(ctx, r.figures),
  }
}

/** Renders a saved template and keeps the snapshot; returns its id. */
export async function renderReport(
  ctx: Ctx,
  body: z.infer<typeof RenderBody>,
  progress: (done: number, total: number, message: string) => Promise<void> = async () => {},
): Promise<{ id: number }> {
  authorize(ctx.actor, 'report.read')
  const { row, source } = await loadTemplate(ctx.db, body.template)
  if (row.voided_at) throw notFound('report_template_unknown')
  const t = await target(ctx, body)
  const { unit, period } = t
  await progress(0, 3, '计算数字 / computing the figures')
  const r = await renderTemplate(ctx, source, t)
  await progress(1, 3, '生成公开版 / making the public copy')
  const terms = await termsFor(ctx, unit.path, r.text)
  const doc = parseReport(r.text)
  const figures = await describe(ctx, r.figures)
  await progress(2, 3, '保存快照 / keeping the snapshot')
  const at = nowIso(ctx)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertSnapshot(trx, {
      template_id: Number(row.id),
      template_version: row.current_version,
      title: doc.title.join('') || row.title,
      period_label: period.label,
      period_from: period.from,
      period_to: period.to,
      org_unit_id: unit.id,
      text: r.text,
      figures_json: JSON.stringify(figures),
      // The public copy is kept as its document model: its date line is already words, so masking
      // digits cannot break it, and the names it masked are not kept anywhere.
      public_text: JSON.stringify(mapDocText(doc, (t) => terms.masker.mask(t))),
      terms_json: JSON.stringify({
        ...terms.record,
        suggested: suggestTerms(plainText(doc), terms.masker.terms).slice(0, 50),
      }),
      created_by: ctx.actor.id || null,
      created_at: at,
      voided_at: null,
      void_reason: null,
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'report.render',
      entity: 'report_snapshot',
      entityId: id,
      after: { template: row.key, version: row.current_version, period: period.label, orgUnitId: unit.id },
    })
    return id
  })
  return { id }
}

/** A snapshot the actor may read (its unit in his scope), else 404. */
export async function loadSnapshot(ctx: Ctx, id: number) {
  authorize(ctx.actor, 'report.read')
  const s = await snapshotById(ctx.db, id)
  if (!s || s.voided_at || !inScope(ctx.actor, s.org_path)) throw notFound('report_snapshot_unknown')
  return s
}

export type SnapshotRow = Awaited<ReturnType<typeof loadSnapshot>>

/** The full or the public copy as a document model. */
export function snapshotDoc(s: SnapshotRow, copy: 'full' | 'public'): ReportDoc {
  return copy === 'public' ? (JSON.parse(s.public_text) as ReportDoc) : parseReport(s.text)
}

export const RENDER_JOB = 'reports.render'

/** The same rendering as a job, for long reports: the UI follows its progress, the result names the snapshot. */
export async function runRenderJob(run: JobRun<z.infer<typeof RenderBody>>) {
  const ctx: Ctx = { ...run.services, actor: run.actor, locale: 'zh-CN' }
  const { id } = await renderReport(ctx, run.payload, (d, t, m) => run.progress(d, t, m))
  await run.progress(3, 3)
  return { snapshotId: id }
}

export async function startRenderJob(ctx: Ctx, body: z.infer<typeof RenderBody>): Promise<number> {
  authorize(ctx.actor, 'report.read')
  // Refuse now what would fail at once: an unknown template, a unit out of scope, a bad period.
  const { row } = await loadTemplate(ctx.db, body.template)
  if (row.voided_at) throw notFound('report_template_unknown')
  await target(ctx, body)
  return ctx.jobs.enqueue(RENDER_JOB, body, ctx.actor)
}
