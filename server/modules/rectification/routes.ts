/** Problem-list, rectification and teacher-ethics routes: thin, each validates, calls one use case, and presents. */
import { z } from 'zod'
import { cachedAnswer } from '../../http/answer-cache.js'
import type { App } from '../../http/module.js'
import { ctxOf, readUpload, sendFile, XLSX } from '../../http/request.js'
import { authorize } from '../../policies/authorize.js'
import { presentJob } from '../jobs/present.js'
import { JobView } from '../jobs/schema.js'
import { actOnProblem } from './act-on-problem.js'
import { createProblem } from './create-problem.js'
import { attachToEthicsCase } from './ethics-attachments.js'
import { ethicsFigures } from './ethics-figures.js'
import { downloadEvidence, uploadEvidence, voidEvidence } from './evidence.js'
import { exportEthics } from './export-ethics.js'
import { exportProblems, problemImportTemplate } from './export-problems.js'
import { rectificationFigures } from './figures.js'
import { ethicsImportTemplate, startEthicsImport } from './import-ethics.js'
import { startProblemImport } from './import-problems.js'
import { CATEGORIES, createItem, listItems, VIOLATION_TYPES, voidItem } from './lists.js'
import { addMeasure, updateMeasure, voidMeasure } from './measures.js'
import { getEthicsCase, getPublicCase, listEthics } from './read-ethics-cases.js'
import { getProblem, listRectificationProblems } from './read-problems.js'
import { registerEthicsCase } from './register-ethics-case.js'
import {
  CreateProblemBody,
  EthicsCaseDetail,
  EthicsCaseSummary,
  EthicsFiguresQuery,
  EthicsFiguresView,
  FiguresQuery,
  FiguresView,
  FullQuery,
  IdParams,
  ListEthicsQuery,
  ListItem,
  ListItemBody,
  ListProblemsQuery,
  MeasureInput,
  MeasureParams,
  ProblemActionBody,
  ProblemDetail,
  ProblemSummary,
  PublicCaseView,
  RegisterEthicsCaseBody,
  SignoffBody,
  UpdateEthicsCaseBody,
  UpdateMeasureBody,
  UpdateProblemBody,
  VoidBody,
  VoidEvidenceBody,
} from './schema.js'
import { signOffProblem } from './sign-off-problem.js'
import { updateEthicsCase } from './update-ethics-case.js'
import { updateProblem } from './update-problem.js'
import { voidEthicsCase } from './void-ethics-case.js'

const tags = ['rectification']
const ethicsTags = ['ethics']
const Items = z.object({ items: z.array(ListItem) })

const ProblemList = z.object({ items: z.array(ProblemSummary), total: z.number() })

export function rectificationRoutes(app: App) {
  app.get(
    '/api/rectification/problems',
    {
      schema: {
        tags,
        querystring: ListProblemsQuery,
        response: { 200: ProblemList },
      },
    },
    (req, reply) => cachedAnswer(req, reply, ProblemList, (ctx) => listRectificationProblems(ctx, req.query)),
  )
  app.post(
    '/api/rectification/problems',
    { schema: { tags, body: CreateProblemBody, response: { 201: ProblemDetail } } },
    async (req, reply) => reply.code(201).send(await createProblem(ctxOf(req), req.body)),
  )
  app.get(
    '/api/rectification/problems/export.xlsx',
    { schema: { tags, querystring: ListProblemsQuery } },
    async (req, reply) =>
      sendFile(reply, '检视问题清单.xlsx', await exportProblems(ctxOf(req), req.query), XLSX),
  )
  app.get(
    '/api/rectification/problems/:id',
    { schema: { tags, params: IdParams, response: { 200: ProblemDetail } } },
    (req) => getProblem(ctxOf(req), req.params.id),
  )
  app.patch(
    '/api/rectification/problems/:id',
    { schema: { tags, params: IdParams, body: UpdateProblemBody, response: { 200: ProblemDetail } } },
    (req) => updateProblem(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    '/api/rectification/problems/:id/actions',
    { schema: { tags, params: IdParams, body: ProblemActionBody, response: { 200: ProblemDetail } } },
    (req) => actOnProblem(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    '/api/rectification/problems/:id/signoff',
    { schema: { tags, params: IdParams, body: SignoffBody, response: { 200: ProblemDetail } } },
    (req) => signOffProblem(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    '/api/rectification/problems/:id/measures',
    { schema: { tags, params: IdParams, body: MeasureInput, response: { 201: ProblemDetail } } },
    async (req, reply) => reply.code(201).send(await addMeasure(ctxOf(req), req.params.id, req.body)),
  )
  app.patch(
    '/api/rectification/problems/:id/measures/:measureId',
    { schema: { tags, params: MeasureParams, body: UpdateMeasureBody, response: { 200: ProblemDetail } } },
    (req) => updateMeasure(ctxOf(req), req.params.id, req.params.measureId, req.body),
  )
  app.post(
    '/api/rectification/problems/:id/measures/:measureId/void',
    { schema: { tags, params: MeasureParams, body: VoidBody, response: { 200: ProblemDetail } } },
    (req) => voidMeasure(ctxOf(req), req.params.id, req.params.measureId, req.body.version, req.body.reason),
  )
  app.post(
    '/api/rectification/problems/:id/evidence',
    {
      schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: ProblemDetail } },
    },
    async (req, reply) => {
      const ctx = ctxOf(req)
      authorize(ctx.actor, 'problem.write')
      const { file, fields } = await readUpload(req)
      return reply.code(201).send(await uploadEvidence(ctx, req.params.id, file, fields))
    },
  )
  app.get('/api/rectification/evidence/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const f = await downloadEvidence(ctxOf(req), req.params.id)
    return sendFile(reply.header('x-content-sha256', f.sha256), f.filename, f.bytes, f.contentType)
  })
  app.post(
    '/api/rectification/evidence/:id/void',
    { schema: { tags, params: IdParams, body: VoidEvidenceBody, response: { 200: ProblemDetail } } },
    (req) => voidEvidence(ctxOf(req), req.params.id, req.body.reason),
  )
  app.get(
    '/api/rectification/figures',
    { schema: { tags, querystring: FiguresQuery, response: { 200: FiguresView } } },
    (req) => rectificationFigures(ctxOf(req), req.query),
  )
  app.get('/api/rectification/import-template.xlsx', { schema: { tags } }, async (req, reply) => {
    authorize(ctxOf(req).actor, 'problem.write')
    return sendFile(reply, '检视问题清单导入模板.xlsx', await problemImportTemplate(req.locale), XLSX)
  })
  app.post(
    '/api/rectification/import',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 202: z.object({ job: JobView }) } } },
    async (req, reply) => {
      const ctx = ctxOf(req)
      authorize(ctx.actor, 'problem.write')
      const { file } = await readUpload(req)
      const id = await startProblemImport(ctx, file)
      return reply.code(202).send({ job: await presentJob(ctx, id) })
    },
  )
  app.get('/api/rectification/categories', { schema: { tags, response: { 200: Items } } }, (req) =>
    listItems(ctxOf(req), CATEGORIES),
  )
  app.post(
    '/api/rectification/categories',
    { schema: { tags, body: ListItemBody, response: { 201: ListItem } } },
    async (req, reply) => reply.code(201).send(await createItem(ctxOf(req), CATEGORIES, req.body)),
  )
  app.post(
    '/api/rectification/categories/:id/void',
    { schema: { tags, params: IdParams, body: VoidBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await voidItem(ctxOf(req), CATEGORIES, req.params.id, req.body.version, req.body.reason)
      return reply.code(204).send(null)
    },
  )

  // Teacher ethics
  app.get(
    '/api/ethics/cases',
    {
      schema: {
        tags: ethicsTags,
        querystring: ListEthicsQuery,
        response: { 200: z.object({ items: z.array(EthicsCaseSummary), total: z.number() }) },
      },
    },
    (req) => listEthics(ctxOf(req), req.query),
  )
  app.post(
    '/api/ethics/cases',
    { schema: { tags: ethicsTags, body: RegisterEthicsCaseBody, response: { 201: EthicsCaseDetail } } },
    async (req, reply) => reply.code(201).send(await registerEthicsCase(ctxOf(req), req.body)),
  )
  app.get(
    '/api/ethics/cases/:id',
    {
      schema: {
        tags: ethicsTags,
        params: IdParams,
        querystring: FullQuery,
        response: { 200: EthicsCaseDetail },
      },
    },
    (req) => getEthicsCase(ctxOf(req), req.params.id, req.query.full === 'true'),
  )
  app.patch(
    '/api/ethics/cases/:id',
    {
      schema: {
        tags: ethicsTags,
        params: IdParams,
        body: UpdateEthicsCaseBody,
        response: { 200: EthicsCaseDetail },
      },
    },
    (req) => updateEthicsCase(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    '/api/ethics/cases/:id/attachments',
    { schema: { tags: ethicsTags, params: IdParams, response: { 201: EthicsCaseDetail } } },
    async (req, reply) => {
      authorize(ctxOf(req).actor, 'ethics.write')
      const { file, fields } = await readUpload(req)
      return reply.code(201).send(await attachToEthicsCase(ctxOf(req), req.params.id, file, fields))
    },
  )
  app.post(
    '/api/ethics/cases/:id/void',
    { schema: { tags: ethicsTags, params: IdParams, body: VoidBody, response: { 200: EthicsCaseDetail } } },
    (req) => voidEthicsCase(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  )
  app.get(
    '/api/ethics/cases/:id/public',
    { schema: { tags: ethicsTags, params: IdParams, response: { 200: PublicCaseView } } },
    (req) => getPublicCase(ctxOf(req), req.params.id),
  )
  app.get(
    '/api/ethics/export.xlsx',
    { schema: { tags: ethicsTags, querystring: ListEthicsQuery } },
    async (req, reply) =>
      sendFile(reply, '师德师风案件.xlsx', await exportEthics(ctxOf(req), req.query), XLSX),
  )
  app.get(
    '/api/ethics/figures',
    { schema: { tags: ethicsTags, querystring: EthicsFiguresQuery, response: { 200: EthicsFiguresView } } },
    (req) => ethicsFigures(ctxOf(req), req.query),
  )
  app.get('/api/ethics/import-template.xlsx', { schema: { tags: ethicsTags } }, async (req, reply) =>
    sendFile(reply, '师德师风案件导入模板.xlsx', await ethicsImportTemplate(ctxOf(req)), XLSX),
  )
  app.post(
    '/api/ethics/import',
    {
      schema: {
        tags: ethicsTags,
        consumes: ['multipart/form-data'],
        response: { 202: z.object({ job: JobView }) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req)
      authorize(ctx.actor, 'ethics.write')
      const { file } = await readUpload(req)
      const id = await startEthicsImport(ctx, file)
      return reply.code(202).send({ job: await presentJob(ctx, id) })
    },
  )
  app.get('/api/ethics/violation-types', { schema: { tags: ethicsTags, response: { 200: Items } } }, (req) =>
    listItems(ctxOf(req), VIOLATION_TYPES),
  )
  app.post(
    '/api/ethics/violation-types',
    { schema: { tags: ethicsTags, body: ListItemBody, response: { 201: ListItem } } },
    async (req, reply) => reply.code(201).send(await createItem(ctxOf(req), VIOLATION_TYPES, req.body)),
  )
  app.post(
    '/api/ethics/violation-types/:id/void',
    { schema: { tags: ethicsTags, params: IdParams, body: VoidBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await voidItem(ctxOf(req), VIOLATION_TYPES, req.params.id, req.body.version, req.body.reason)
      return reply.code(204).send(null)
    },
  )
}
