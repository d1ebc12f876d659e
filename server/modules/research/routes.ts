/** Research-topic routes: thin, each validates, calls one use case, and presents. */
import { z } from 'zod'
import type { App } from '../../http/module.js'
import { ctxOf, readUpload, sendFile, XLSX } from '../../http/request.js'
import { authorize } from '../../policies/authorize.js'
import { presentJob } from '../jobs/present.js'
import { JobView } from '../jobs/schema.js'
import { actOnTopic } from './act-on-topic.js'
import { attachToTopic } from './attachments.js'
import { createTopic } from './create-topic.js'
import { exportTopics } from './export-topics.js'
import { researchFigures } from './figures.js'
import { findingToProblem, problemSource } from './finding-to-problem.js'
import { addFinding, updateFinding, voidFinding } from './findings.js'
import { startTopicImport, topicImportTemplate } from './import-topics.js'
import { getTopic, listTopics } from './read-topics.js'
import {
  CreateTopicBody,
  FiguresQuery,
  FiguresView,
  FindingBody,
  IdParams,
  ListTopicsQuery,
  ProblemLinkView,
  ReasonBody,
  ToProblemBody,
  TopicActionBody,
  TopicDetail,
  TopicSummary,
  UpdateFindingBody,
  UpdateTopicBody,
  VisitBody,
  VoidBody,
} from './schema.js'
import { updateTopic } from './update-topic.js'
import { addVisit, voidVisit } from './visits.js'
import { voidTopic } from './void-topic.js'

const tags = ['research']
const P = '/api/research'

export function researchRoutes(app: App) {
  // Topics ------------------------------------------------------------------------------------
  app.get(
    `${P}/topics`,
    {
      schema: {
        tags,
        querystring: ListTopicsQuery,
        response: { 200: z.object({ items: z.array(TopicSummary), total: z.number() }) },
      },
    },
    (req) => listTopics(ctxOf(req), req.query),
  )
  app.get(`${P}/topics/export.xlsx`, { schema: { tags, querystring: ListTopicsQuery } }, async (req, reply) =>
    sendFile(reply, '调研课题.xlsx', await exportTopics(ctxOf(req), req.query), XLSX),
  )
  app.post(
    `${P}/topics`,
    { schema: { tags, body: CreateTopicBody, response: { 201: TopicDetail } } },
    async (req, reply) => reply.code(201).send(await createTopic(ctxOf(req), req.body)),
  )
  app.get(`${P}/topics/:id`, { schema: { tags, params: IdParams, response: { 200: TopicDetail } } }, (req) =>
    getTopic(ctxOf(req), req.params.id),
  )
  app.patch(
    `${P}/topics/:id`,
    { schema: { tags, params: IdParams, body: UpdateTopicBody, response: { 200: TopicDetail } } },
    (req) => updateTopic(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    `${P}/topics/:id/void`,
    { schema: { tags, params: IdParams, body: VoidBody, response: { 200: TopicDetail } } },
    (req) => voidTopic(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  )
  app.post(
    `${P}/topics/:id/actions`,
    { schema: { tags, params: IdParams, body: TopicActionBody, response: { 200: TopicDetail } } },
    (req) => actOnTopic(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    `${P}/topics/:id/attachments`,
    { schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: TopicDetail } } },
    async (req, reply) => {
      const ctx = ctxOf(req)
      authorize(ctx.actor, 'task.write')
      const { file, fields } = await readUpload(req)
      return reply.code(201).send(await attachToTopic(ctx, req.params.id, file, fields))
    },
  )

  // Field visits ------------------------------------------------------------------------------
  app.post(
    `${P}/topics/:id/visits`,
    { schema: { tags, params: IdParams, body: VisitBody, response: { 201: TopicDetail } } },
    async (req, reply) => reply.code(201).send(await addVisit(ctxOf(req), req.params.id, req.body)),
  )
  app.post(
    `${P}/visits/:id/void`,
    { schema: { tags, params: IdParams, body: ReasonBody, response: { 200: TopicDetail } } },
    (req) => voidVisit(ctxOf(req), req.params.id, req.body.reason),
  )

  // Findings ----------------------------------------------------------------------------------
  app.post(
    `${P}/topics/:id/findings`,
    { schema: { tags, params: IdParams, body: FindingBody, response: { 201: TopicDetail } } },
    async (req, reply) => reply.code(201).send(await addFinding(ctxOf(req), req.params.id, req.body)),
  )
  app.patch(
    `${P}/findings/:id`,
    { schema: { tags, params: IdParams, body: UpdateFindingBody, response: { 200: TopicDetail } } },
    (req) => updateFinding(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    `${P}/findings/:id/void`,
    { schema: { tags, params: IdParams, body: VoidBody, response: { 200: TopicDetail } } },
    (req) => voidFinding(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  )
  app.post(
    `${P}/findings/:id/to-problem`,
    { schema: { tags, params: IdParams, body: ToProblemBody, response: { 201: TopicDetail } } },
    async (req, reply) => reply.code(201).send(await findingToProblem(ctxOf(req), req.params.id, req.body)),
  )
  app.get(
    `${P}/problems/:id/source`,
    { schema: { tags, params: IdParams, response: { 200: ProblemLinkView } } },
    (req) => problemSource(ctxOf(req), req.params.id),
  )

  // Figures and spreadsheets ------------------------------------------------------------------
  app.get(
    `${P}/figures`,
    { schema: { tags, querystring: FiguresQuery, response: { 200: FiguresView } } },
    (req) => researchFigures(ctxOf(req), req.query),
  )
  app.get(`${P}/import-template.xlsx`, { schema: { tags } }, async (req, reply) =>
    sendFile(reply, '调研课题导入模板.xlsx', await topicImportTemplate(ctxOf(req), req.locale), XLSX),
  )
  app.post(
    `${P}/import`,
    { schema: { tags, consumes: ['multipart/form-data'], response: { 202: z.object({ job: JobView }) } } },
    async (req, reply) => {
      const ctx = ctxOf(req)
      authorize(ctx.actor, 'task.write')
      const { file } = await readUpload(req)
      const id = await startTopicImport(ctx, file)
      return reply.code(202).send({ job: await presentJob(ctx, id) })
    },
  )
}
