/** Statistics-ledger routes: thin, each validates, calls one use case, and presents. */
import { z } from 'zod'
import type { App } from '../../http/module.js'
import { withParseSlot } from '../../http/parse-slots.js'
import { ctxOf, readUpload, sendFile, XLSX } from '../../http/request.js'
import { authorize } from '../../policies/authorize.js'
import { presentJob } from '../jobs/present.js'
import { JobView } from '../jobs/schema.js'
import { completeness } from './completeness.js'
import {
  createDefinition,
  getDefinition,
  listDefinitions,
  updateDefinition,
  voidDefinition,
} from './definitions.js'
import { importOptions, ledgerTemplate, mappingFrom, previewImport, startImport } from './import-rows.js'
import { exportRows, listRows } from './read-rows.js'
import {
  CompletenessQuery,
  CompletenessView,
  CreateDefinitionBody,
  CreateRowBody,
  DefinitionView,
  KeyParams,
  LedgerRowView,
  ListDefinitionsQuery,
  ListRowsQuery,
  ListSubmissionsQuery,
  ReturnBody,
  SubmissionView,
  SubmitBody,
  UpdateDefinitionBody,
  UpdateRowBody,
  VoidBody,
} from './schema.js'
import { actOnSubmission, listSubmissions } from './submissions.js'
import { createRow, getRow, updateRow, voidRow } from './write-row.js'

const tags = ['statistics']
const P = '/api/statistics'
const KeyId = KeyParams.extend({ id: z.coerce.number().int().positive().max(2_147_483_647) })

export function statisticsRoutes(app: App) {
  // Definitions -------------------------------------------------------------------------------
  app.get(
    `${P}/ledgers`,
    {
      schema: {
        tags,
        querystring: ListDefinitionsQuery,
        response: { 200: z.object({ items: z.array(DefinitionView) }) },
      },
    },
    (req) => listDefinitions(ctxOf(req), req.query.includeVoided === 'true'),
  )
  app.post(
    `${P}/ledgers`,
    { schema: { tags, body: CreateDefinitionBody, response: { 201: DefinitionView } } },
    async (req, reply) => reply.code(201).send(await createDefinition(ctxOf(req), req.body)),
  )
  app.get(
    `${P}/ledgers/:key`,
    { schema: { tags, params: KeyParams, response: { 200: DefinitionView } } },
    (req) => getDefinition(ctxOf(req), req.params.key),
  )
  app.patch(
    `${P}/ledgers/:key`,
    { schema: { tags, params: KeyParams, body: UpdateDefinitionBody, response: { 200: DefinitionView } } },
    (req) => updateDefinition(ctxOf(req), req.params.key, req.body),
  )
  app.post(
    `${P}/ledgers/:key/void`,
    { schema: { tags, params: KeyParams, body: VoidBody, response: { 200: DefinitionView } } },
    (req) => voidDefinition(ctxOf(req), req.params.key, req.body.version, req.body.reason),
  )

  // Rows --------------------------------------------------------------------------------------
  app.get(
    `${P}/ledgers/:key/rows`,
    {
      schema: {
        tags,
        params: KeyParams,
        querystring: ListRowsQuery,
        response: { 200: z.object({ items: z.array(LedgerRowView), total: z.number() }) },
      },
    },
    (req) => listRows(ctxOf(req), req.params.key, req.query),
  )
  app.get(
    `${P}/ledgers/:key/rows/export.xlsx`,
    { schema: { tags, params: KeyParams, querystring: ListRowsQuery } },
    async (req, reply) => {
      const f = await exportRows(ctxOf(req), req.params.key, req.query)
      return sendFile(reply, f.name, f.bytes, XLSX)
    },
  )
  app.post(
    `${P}/ledgers/:key/rows`,
    { schema: { tags, params: KeyParams, body: CreateRowBody, response: { 201: LedgerRowView } } },
    async (req, reply) => reply.code(201).send(await createRow(ctxOf(req), req.params.key, req.body)),
  )
  app.get(
    `${P}/ledgers/:key/rows/:id`,
    { schema: { tags, params: KeyId, response: { 200: LedgerRowView } } },
    (req) => getRow(ctxOf(req), req.params.key, req.params.id),
  )
  app.patch(
    `${P}/ledgers/:key/rows/:id`,
    { schema: { tags, params: KeyId, body: UpdateRowBody, response: { 200: LedgerRowView } } },
    (req) => updateRow(ctxOf(req), req.params.key, req.params.id, req.body),
  )
  app.post(
    `${P}/ledgers/:key/rows/:id/void`,
    { schema: { tags, params: KeyId, body: VoidBody, response: { 200: LedgerRowView } } },
    (req) => voidRow(ctxOf(req), req.params.key, req.params.id, req.body.version, req.body.reason),
  )

  // Import ------------------------------------------------------------------------------------
  app.get(
    `${P}/ledgers/:key/import-template.xlsx`,
    { schema: { tags, params: KeyParams } },
    async (req, reply) => {
      const f = await ledgerTemplate(ctxOf(req), req.params.key, req.locale)
      return sendFile(reply, f.name, f.bytes, XLSX)
    },
  )
  app.post(
    `${P}/ledgers/:key/import/preview`,
    { schema: { tags, params: KeyParams, consumes: ['multipart/form-data'] } },
    async (req) => {
      const ctx = ctxOf(req)
      authorize(ctx.actor, 'stats.write')
      const { file, fields } = await readUpload(req)
      const mapping = await mappingFrom(ctx, req.params.key, fields.mapping)
      return withParseSlot(() =>
        previewImport(ctx, req.params.key, file.bytes, mapping, importOptions(fields)),
      )
    },
  )
  app.post(
    `${P}/ledgers/:key/import`,
    {
      schema: {
        tags,
        params: KeyParams,
        consumes: ['multipart/form-data'],
        response: { 202: z.object({ job: JobView }) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req)
      authorize(ctx.actor, 'stats.write')
      const { file, fields } = await readUpload(req)
      const mapping = await mappingFrom(ctx, req.params.key, fields.mapping)
      const id = await startImport(ctx, req.params.key, file, mapping, importOptions(fields))
      return reply.code(202).send({ job: await presentJob(ctx, id) })
    },
  )

  // Submissions and completeness --------------------------------------------------------------
  app.get(
    `${P}/ledgers/:key/submissions`,
    {
      schema: {
        tags,
        params: KeyParams,
        querystring: ListSubmissionsQuery,
        response: { 200: z.object({ items: z.array(SubmissionView), total: z.number() }) },
      },
    },
    (req) => listSubmissions(ctxOf(req), req.params.key, req.query),
  )
  for (const action of ['submit', 'approve'] as const) {
    app.post(
      `${P}/ledgers/:key/submissions/:id/${action}`,
      { schema: { tags, params: KeyId, body: SubmitBody, response: { 200: SubmissionView } } },
      (req) => actOnSubmission(ctxOf(req), req.params.key, req.params.id, action, req.body.version),
    )
  }
  app.post(
    `${P}/ledgers/:key/submissions/:id/return`,
    { schema: { tags, params: KeyId, body: ReturnBody, response: { 200: SubmissionView } } },
    (req) =>
      actOnSubmission(ctxOf(req), req.params.key, req.params.id, 'return', req.body.version, req.body.reason),
  )
  app.get(
    `${P}/ledgers/:key/completeness`,
    {
      schema: {
        tags,
        params: KeyParams,
        querystring: CompletenessQuery,
        response: { 200: CompletenessView },
      },
    },
    (req) => completeness(ctxOf(req), req.params.key, req.query),
  )
}
