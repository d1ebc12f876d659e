/** Selection routes (programmes, rubrics, applications): thin, each validates and calls one use case. */
import type { App } from '../../http/module.js'
import { ctxOf, readUpload, sendFile, XLSX } from '../../http/request.js'
import { authorize } from '../../policies/authorize.js'
import { attachMaterial } from './application-files.js'
import { getApplication, listApplicationViews } from './application-view.js'
import { apply, submitApplication, updateApplication, withdrawApplication } from './applications.js'
import { programmeEvents } from './events-view.js'
import { DOCX, exportResultsDocx, exportResultsXlsx } from './export-results.js'
import { actOnProgramme } from './programme-actions.js'
import { getProgramme, listProgrammeViews } from './programme-view.js'
import { createProgramme, updateProgramme, voidProgramme } from './programmes.js'
import { getRanking, getRoundSummary } from './round-views.js'
import { reviewRoutes } from './routes-review.js'
import { createRubric, getRubric, listRubricViews, reviseRubric, voidRubric } from './rubrics.js'
import {
  ApplyBody,
  CreateProgrammeBody,
  CreateRubricBody,
  IdParams,
  ListApplicationsQuery,
  ListProgrammesQuery,
  ListRubricsQuery,
  ProgrammeActionBody,
  ReviseRubricBody,
  UpdateApplicationBody,
  UpdateProgrammeBody,
  VersionBody,
  VoidBody,
} from './schema.js'

const tags = ['selections']
export const P = '/api/selections'

export function selectionRoutes(app: App) {
  // Rubrics -----------------------------------------------------------------------------------
  app.get(`${P}/rubrics`, { schema: { tags, querystring: ListRubricsQuery } }, (req) =>
    listRubricViews(ctxOf(req), req.query.includeVoided === 'true'),
  )
  app.post(`${P}/rubrics`, { schema: { tags, body: CreateRubricBody } }, async (req, reply) =>
    reply.code(201).send(await createRubric(ctxOf(req), req.body)),
  )
  app.get(`${P}/rubrics/:id`, { schema: { tags, params: IdParams } }, (req) =>
    getRubric(ctxOf(req), req.params.id),
  )
  app.post(
    `${P}/rubrics/:id/revise`,
    { schema: { tags, params: IdParams, body: ReviseRubricBody } },
    async (req, reply) => reply.code(201).send(await reviseRubric(ctxOf(req), req.params.id, req.body)),
  )
  app.post(`${P}/rubrics/:id/void`, { schema: { tags, params: IdParams, body: VoidBody } }, (req) =>
    voidRubric(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  )

  // Programmes --------------------------------------------------------------------------------
  app.get(`${P}/programmes`, { schema: { tags, querystring: ListProgrammesQuery } }, (req) =>
    listProgrammeViews(ctxOf(req), req.query),
  )
  app.post(`${P}/programmes`, { schema: { tags, body: CreateProgrammeBody } }, async (req, reply) =>
    reply.code(201).send(await createProgramme(ctxOf(req), req.body)),
  )
  app.get(`${P}/programmes/:id`, { schema: { tags, params: IdParams } }, (req) =>
    getProgramme(ctxOf(req), req.params.id),
  )
  app.patch(`${P}/programmes/:id`, { schema: { tags, params: IdParams, body: UpdateProgrammeBody } }, (req) =>
    updateProgramme(ctxOf(req), req.params.id, req.body),
  )
  app.post(`${P}/programmes/:id/void`, { schema: { tags, params: IdParams, body: VoidBody } }, (req) =>
    voidProgramme(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  )
  app.post(
    `${P}/programmes/:id/actions`,
    { schema: { tags, params: IdParams, body: ProgrammeActionBody } },
    (req) => actOnProgramme(ctxOf(req), req.params.id, req.body),
  )
  app.get(`${P}/programmes/:id/summary`, { schema: { tags, params: IdParams } }, (req) =>
    getRoundSummary(ctxOf(req), req.params.id),
  )
  app.get(`${P}/programmes/:id/ranking`, { schema: { tags, params: IdParams } }, (req) =>
    getRanking(ctxOf(req), req.params.id),
  )
  app.get(`${P}/programmes/:id/events`, { schema: { tags, params: IdParams } }, (req) =>
    programmeEvents(ctxOf(req), req.params.id),
  )
  app.get(`${P}/programmes/:id/results.xlsx`, { schema: { tags, params: IdParams } }, async (req, reply) => {
    const f = await exportResultsXlsx(ctxOf(req), req.params.id)
    return sendFile(reply, f.filename, f.bytes, XLSX)
  })
  app.get(`${P}/programmes/:id/results.docx`, { schema: { tags, params: IdParams } }, async (req, reply) => {
    const f = await exportResultsDocx(ctxOf(req), req.params.id)
    return sendFile(reply, f.filename, f.bytes, DOCX)
  })

  // Applications ------------------------------------------------------------------------------
  app.post(
    `${P}/programmes/:id/applications`,
    { schema: { tags, params: IdParams, body: ApplyBody } },
    async (req, reply) => reply.code(201).send(await apply(ctxOf(req), req.params.id, req.body)),
  )
  app.get(`${P}/applications`, { schema: { tags, querystring: ListApplicationsQuery } }, (req) =>
    listApplicationViews(ctxOf(req), req.query),
  )
  app.get(`${P}/applications/:id`, { schema: { tags, params: IdParams } }, (req) =>
    getApplication(ctxOf(req), req.params.id),
  )
  app.patch(
    `${P}/applications/:id`,
    { schema: { tags, params: IdParams, body: UpdateApplicationBody } },
    (req) => updateApplication(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    `${P}/applications/:id/attachments`,
    { schema: { tags, params: IdParams, consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const ctx = ctxOf(req)
      authorize(ctx.actor, 'selection.apply')
      const { file, fields } = await readUpload(req)
      return reply.code(201).send(await attachMaterial(ctx, req.params.id, file, fields))
    },
  )
  app.post(`${P}/applications/:id/submit`, { schema: { tags, params: IdParams, body: VersionBody } }, (req) =>
    submitApplication(ctxOf(req), req.params.id, req.body.version),
  )
  app.post(`${P}/applications/:id/withdraw`, { schema: { tags, params: IdParams, body: VoidBody } }, (req) =>
    withdrawApplication(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  )

  reviewRoutes(app)
}
