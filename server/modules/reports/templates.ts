/**
 * Report templates: staff write them in the web editor; each save is a new version, kept, so a
 * snapshot names the exact source it came from. A template naming an indicator that does not
 * exist, a filter that does not exist or a period it does not know is refused when saved, with the
 * line and the name (`checkTemplate`).
 */
import type { z } from 'zod'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import {
  insertTemplate,
  insertTemplateVersion,
  listTemplateRows,
  templateByKey,
  templateSource,
  templateVersions,
  updateTemplateVersioned,
} from './repository.js'
import type { CreateTemplateBody, UpdateTemplateBody } from './schema.js'
import { checkTemplate, type TemplateProblem } from './template.js'

type Row = NonNullable<Awaited<ReturnType<typeof templateByKey>>>

const summary = (r: Row) => ({
  key: r.key,
  title: r.title,
  description: r.description,
  periodKind: r.period_kind,
  builtin: r.builtin === 1,
  currentVersion: r.current_version,
  version: r.version,
  updatedAt: String(r.updated_at),
  voided: r.voided_at !== null,
})

/** A 400 whose fields point at the source's lines: the editor marks them. */
const invalidSource = (problems: TemplateProblem[]) =>
  badRequest(
    'report_template_invalid',
    { count: problems.length },
    problems.slice(0, 20).map((p) => ({
      field: 'source',
      key: 'report_template_problem',
      params: { line: p.line, col: p.col, message: p.message.slice(0, 300) },
    })),
  )

export async function listTemplates(ctx: Ctx, includeVoided = false) {
  authorize(ctx.actor, 'report.read')
  return { items: (await listTemplateRows(ctx.db, includeVoided)).map(summary) }
}

export async function loadTemplate(db: Tx, key: string): Promise<{ row: Row; source: string }> {
  const row = await templateByKey(db, key)
  if (!row) throw notFound('report_template_unknown')
  const v = await templateSource(db, Number(row.id), row.current_version)
  return { row, source: v?.source ?? '' }
}

export async function getTemplate(ctx: Ctx, key: string) {
  authorize(ctx.actor, 'report.read')
  const { row, source } = await loadTemplate(ctx.db, key)
  const history = await templateVersions(ctx.db, Number(row.id))
  return {
    ...summary(row),
    source,
    history: history.map((h) => ({ versionNo: h.version_no, note: h.note, createdAt: String(h.created_at) })),
  }
}

export async function checkSource(ctx: Ctx, source: string) {
  authorize(ctx.actor, 'report.read')
  return { problems: await checkTemplate(ctx, source) }
}

/** Creates a template (also how the built-in ones are seeded, with `builtin`). */
export async function createTemplate(
  ctx: Ctx,
  body: z.infer<typeof CreateTemplateBody>,
  opts: { builtin?: boolean } = {},
) {
  if (!opts.builtin) authorize(ctx.actor, 'report.write')
  const problems = await checkTemplate(ctx, body.source)
  if (problems.length) throw invalidSource(problems)
  await ctx.db.transaction().execute(async (trx) => {
    if (await templateByKey(trx, body.key)) throw conflict('report_template_key_taken', { key: body.key })
    const at = nowIso(ctx)
    const id = await insertTemplate(trx, {
      key: body.key,
      title: body.title,
      description: body.description,
      period_kind: body.periodKind,
      builtin: opts.builtin ? 1 : 0,
      current_version: 1,
      version: 1,
      created_by: ctx.actor.id || null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    })
    await insertTemplateVersion(trx, {
      template_id: id,
      version_no: 1,
      source: body.source,
      note: '',
      created_by: ctx.actor.id || null,
      created_at: at,
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'report.template.create',
      entity: 'report_template',
      entityId: id,
      after: { key: body.key, title: body.title, builtin: Boolean(opts.builtin) },
    })
  })
  return getTemplate(
    { ...ctx, actor: { ...ctx.actor, role: opts.builtin ? 'admin' : ctx.actor.role } },
    body.key,
  )
}

export async function updateTemplate(ctx: Ctx, key: string, body: z.infer<typeof UpdateTemplateBody>) {
  authorize(ctx.actor, 'report.write')
  if (body.source !== undefined) {
    const problems = await checkTemplate(ctx, body.source)
    if (problems.length) throw invalidSource(problems)
  }
  await ctx.db.transaction().execute(async (trx) => {
    const { row, source } = await loadTemplate(trx, key)
    if (row.voided_at) throw notFound('report_template_unknown')
    if (row.version !== body.version) throw staleVersion(row.version)
    const at = nowIso(ctx)
    const newSource = body.source !== undefined && body.source !== source
    const versionNo = newSource ? row.current_version + 1 : row.current_version
    if (newSource)
      await insertTemplateVersion(trx, {
        template_id: Number(row.id),
        version_no: versionNo,
        source: body.source as string,
        note: body.note,
        created_by: ctx.actor.id || null,
        created_at: at,
      })
    const ok = await updateTemplateVersioned(trx, Number(row.id), row.version, {
      ...(body.title !== undefined ? { title: body.title } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.periodKind !== undefined ? { period_kind: body.periodKind } : {}),
      current_version: versionNo,
      updated_at: at,
    })
    if (!ok) throw staleVersion(row.version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'report.template.update',
      entity: 'report_template',
      entityId: Number(row.id),
      before: { title: row.title, sourceVersion: row.current_version },
      after: { title: body.title ?? row.title, sourceVersion: versionNo, note: body.note },
    })
  })
  return getTemplate(ctx, key)
}

export async function voidTemplate(ctx: Ctx, key: string, body: { version: number; reason: string }) {
  authorize(ctx.actor, 'report.write')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await templateByKey(trx, key)
    if (!row || row.voided_at) throw notFound('report_template_unknown')
    if (row.version !== body.version) throw staleVersion(row.version)
    const at = nowIso(ctx)
    if (
      !(await updateTemplateVersioned(trx, Number(row.id), row.version, {
        voided_at: at,
        void_reason: body.reason,
        updated_at: at,
      }))
    )
      throw staleVersion(row.version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'report.template.void',
      entity: 'report_template',
      entityId: Number(row.id),
      before: { key },
      after: { reason: body.reason },
    })
  })
  return { ok: true }
}
