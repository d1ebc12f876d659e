/** Report routes: thin, each validates, calls one use case, and presents. */
import { z } from 'zod'
import type { App } from '../../http/module.js'
import { ctxOf, sendFile } from '../../http/request.js'
import { presentJob } from '../jobs/present.js'
import { JobView } from '../jobs/schema.js'
import { previewReport, renderReport, startRenderJob } from './render.js'
import {
  CheckBody,
  CreateTemplateBody,
  DocumentQuery,
  IdParams,
  KeyParams,
  PreviewBody,
  PreviewView,
  Problem,
  RedactBody,
  RenderBody,
  SnapshotQuery,
  SnapshotSummary,
  SnapshotView,
  SuggestBody,
  SuggestionView,
  TemplateSummary,
  TemplateView,
  TermBody,
  TermView,
  UpdateTemplateBody,
  VoidBody,
} from './schema.js'
import { getSnapshot, listSnapshots, snapshotDocument, voidSnapshot } from './snapshots.js'
import {
  checkSource,
  createTemplate,
  getTemplate,
  listTemplates,
  updateTemplate,
  voidTemplate,
} from './templates.js'
import { addTerm, listTerms, redactText, suggestForText, voidTerm } from './terms.js'

const tags = ['reports']
const P = '/api/reports'
const Ok = z.object({ ok: z.boolean() })

export function reportRoutes(app: App) {
  // Templates ---------------------------------------------------------------------------------
  app.get(
    `${P}/templates`,
    {
      schema: {
        tags,
        querystring: z.object({ includeVoided: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(TemplateSummary) }) },
      },
    },
    (req) => listTemplates(ctxOf(req), req.query.includeVoided === 'true'),
  )
  app.post(
    `${P}/templates`,
    { schema: { tags, body: CreateTemplateBody, response: { 201: TemplateView } } },
    async (req, reply) => reply.code(201).send(await createTemplate(ctxOf(req), req.body)),
  )
  app.post(
    `${P}/templates/check`,
    { schema: { tags, body: CheckBody, response: { 200: z.object({ problems: z.array(Problem) }) } } },
    (req) => checkSource(ctxOf(req), req.body.source),
  )
  app.get(
    `${P}/templates/:key`,
    { schema: { tags, params: KeyParams, response: { 200: TemplateView } } },
    (req) => getTemplate(ctxOf(req), req.params.key),
  )
  app.patch(
    `${P}/templates/:key`,
    { schema: { tags, params: KeyParams, body: UpdateTemplateBody, response: { 200: TemplateView } } },
    (req) => updateTemplate(ctxOf(req), req.params.key, req.body),
  )
  app.post(
    `${P}/templates/:key/void`,
    { schema: { tags, params: KeyParams, body: VoidBody, response: { 200: Ok } } },
    (req) => voidTemplate(ctxOf(req), req.params.key, req.body),
  )

  // Rendering and snapshots -------------------------------------------------------------------
  app.post(`${P}/preview`, { schema: { tags, body: PreviewBody, response: { 200: PreviewView } } }, (req) =>
    previewReport(ctxOf(req), req.body),
  )
  app.post(
    `${P}/render`,
    { schema: { tags, body: RenderBody, response: { 201: z.object({ id: z.number() }) } } },
    async (req, reply) => reply.code(201).send(await renderReport(ctxOf(req), req.body)),
  )
  app.post(
    `${P}/render-jobs`,
    { schema: { tags, body: RenderBody, response: { 202: z.object({ job: JobView }) } } },
    async (req, reply) => {
      const ctx = ctxOf(req)
      return reply.code(202).send({ job: await presentJob(ctx, await startRenderJob(ctx, req.body)) })
    },
  )
  app.get(
    `${P}/snapshots`,
    {
      schema: {
        tags,
        querystring: SnapshotQuery,
        response: { 200: z.object({ items: z.array(SnapshotSummary), total: z.number() }) },
      },
    },
    (req) => listSnapshots(ctxOf(req), req.query),
  )
  app.get(
    `${P}/snapshots/:id`,
    { schema: { tags, params: IdParams, response: { 200: SnapshotView } } },
    (req) => getSnapshot(ctxOf(req), req.params.id),
  )
  app.get(
    `${P}/snapshots/:id/document`,
    { schema: { tags, params: IdParams, querystring: DocumentQuery } },
    async (req, reply) => {
      const f = await snapshotDocument(ctxOf(req), req.params.id, req.query)
      return sendFile(reply, f.filename, f.body, f.contentType)
    },
  )
  app.post(
    `${P}/snapshots/:id/void`,
    {
      schema: {
        tags,
        params: IdParams,
        body: z.strictObject({ reason: z.string().trim().min(1).max(200) }),
        response: { 200: Ok },
      },
    },
    (req) => voidSnapshot(ctxOf(req), req.params.id, req.body.reason),
  )

  // Redaction ---------------------------------------------------------------------------------
  app.post(
    '/api/redact',
    { schema: { tags, body: RedactBody, response: { 200: z.object({ text: z.string() }) } } },
    (req) => redactText(ctxOf(req), req.body),
  )
  app.get(
    `${P}/terms`,
    { schema: { tags, response: { 200: z.object({ items: z.array(TermView) }) } } },
    (req) => listTerms(ctxOf(req)),
  )
  app.post(
    `${P}/terms`,
    { schema: { tags, body: TermBody, response: { 201: TermView } } },
    async (req, reply) => reply.code(201).send(await addTerm(ctxOf(req), req.body)),
  )
  app.post(
    `${P}/terms/suggest`,
    { schema: { tags, body: SuggestBody, response: { 200: z.object({ items: z.array(SuggestionView) }) } } },
    (req) => suggestForText(ctxOf(req), req.body.text),
  )
  app.post(
    `${P}/terms/:id/void`,
    { schema: { tags, params: IdParams, body: VoidBody, response: { 200: Ok } } },
    (req) => voidTerm(ctxOf(req), req.params.id, req.body),
  )
}
