/** Reading kept snapshots: the list, one with its figures, its documents (full or public copy). */
import type { z } from 'zod'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { notFound } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { reportToDocx } from './output/docx.js'
import { reportToHtml } from './output/html.js'
import { reportToMarkdown } from './output/markdown.js'
import { type FigureView, loadSnapshot, snapshotDoc } from './render.js'
import { listSnapshotRows, voidSnapshotRow } from './repository.js'
import type { DocumentQuery, SnapshotQuery } from './schema.js'

const figuresOf = (json: string) => JSON.parse(json) as FigureView[]

export async function listSnapshots(ctx: Ctx, q: z.infer<typeof SnapshotQuery>) {
  authorize(ctx.actor, 'report.read')
  const [rows, count] = await listSnapshotRows(ctx.db, ctx.actor.scopePath, {
    templateKey: q.template,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  })
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      template: r.template_key,
      templateVersion: r.template_version,
      title: r.title,
      period: r.period_label,
      orgUnitId: Number(r.org_unit_id),
      orgName: r.org_name,
      figures: figuresOf(r.figures_json).length,
      createdAt: String(r.created_at),
    })),
  }
}

export async function getSnapshot(ctx: Ctx, id: number) {
  const s = await loadSnapshot(ctx, id)
  const figures = figuresOf(s.figures_json)
  const terms = JSON.parse(s.terms_json) as {
    reviewed: string[]
    org: number
    personal: number
    suggested?: { term: string; kind: string; count: number }[]
  }
  return {
    id: Number(s.id),
    template: s.template_key,
    templateVersion: s.template_version,
    title: s.title,
    period: s.period_label,
    orgUnitId: Number(s.org_unit_id),
    orgName: s.org_name,
    figures: figures.length,
    createdAt: String(s.created_at),
    html: reportToHtml(snapshotDoc(s, 'full'), { figureLinks: true }),
    publicHtml: reportToHtml(snapshotDoc(s, 'public'), {}),
    figureList: figures,
    terms: {
      reviewed: terms.reviewed,
      org: terms.org,
      personal: terms.personal,
      suggested: terms.suggested ?? [],
    },
  }
}

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
} as const

/** A snapshot as a file; the name says which copy it is (公开版 for the public one). */
export async function snapshotDocument(ctx: Ctx, id: number, q: z.infer<typeof DocumentQuery>) {
  const s = await loadSnapshot(ctx, id)
  const doc = snapshotDoc(s, q.copy)
  const body =
    q.format === 'docx'
      ? await reportToDocx(doc)
      : Buffer.from(q.format === 'html' ? reportToHtml(doc, {}) : reportToMarkdown(doc), 'utf8')
  const base = `${s.title || s.template_key}（${s.period_label}）${q.copy === 'public' ? '公开版' : ''}`
  return { filename: `${base.replace(/[\\/:*?"<>|]/g, '_')}.${q.format}`, body, contentType: TYPES[q.format] }
}

export async function voidSnapshot(ctx: Ctx, id: number, reason: string) {
  authorize(ctx.actor, 'report.write')
  const s = await loadSnapshot(ctx, id)
  await ctx.db.transaction().execute(async (trx) => {
    const r = await voidSnapshotRow(trx, Number(s.id), nowIso(ctx), reason)
    if (Number(r.numUpdatedRows) !== 1) throw notFound('report_snapshot_unknown')
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'report.snapshot.void',
      entity: 'report_snapshot',
      entityId: Number(s.id),
      after: { reason },
    })
  })
  return { ok: true }
}
