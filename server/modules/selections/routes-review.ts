/** Selection routes of the expert pool, assignment, scoring and the public notice's objections. */
import type { App } from '../../http/module.js'
import { ctxOf } from '../../http/request.js'
import { assignByHand, assignRandom, removeAssignment } from './assign.js'
import { createExpert, listExperts, updateExpert, voidExpert } from './experts.js'
import { answerObjection, lodgeObjection } from './objections.js'
import { getReview, listReviews, saveScores, submitReview } from './reviews.js'
import {
  AnswerBody,
  AssignBody,
  ExpertBody,
  IdParams,
  ListRubricsQuery,
  ManualAssignBody,
  ObjectionBody,
  ReasonBody,
  SaveScoresBody,
  UpdateExpertBody,
  VersionBody,
  VoidBody,
} from './schema.js'

const tags = ['selections']
const P = '/api/selections'

export function reviewRoutes(app: App) {
  // The expert pool ---------------------------------------------------------------------------
  app.get(`${P}/experts`, { schema: { tags, querystring: ListRubricsQuery } }, (req) =>
    listExperts(ctxOf(req), req.query.includeVoided === 'true'),
  )
  app.post(`${P}/experts`, { schema: { tags, body: ExpertBody } }, async (req, reply) =>
    reply.code(201).send(await createExpert(ctxOf(req), req.body)),
  )
  app.patch(`${P}/experts/:id`, { schema: { tags, params: IdParams, body: UpdateExpertBody } }, (req) =>
    updateExpert(ctxOf(req), req.params.id, req.body),
  )
  app.post(`${P}/experts/:id/void`, { schema: { tags, params: IdParams, body: VoidBody } }, (req) =>
    voidExpert(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  )

  // Assignment --------------------------------------------------------------------------------
  app.post(`${P}/programmes/:id/assign`, { schema: { tags, params: IdParams, body: AssignBody } }, (req) =>
    assignRandom(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    `${P}/applications/:id/experts`,
    { schema: { tags, params: IdParams, body: ManualAssignBody } },
    async (req, reply) =>
      reply.code(201).send(await assignByHand(ctxOf(req), req.params.id, req.body.expertId)),
  )
  app.post(`${P}/assignments/:id/void`, { schema: { tags, params: IdParams, body: ReasonBody } }, (req) =>
    removeAssignment(ctxOf(req), req.params.id, req.body.reason),
  )

  // Scoring (the expert's own assignments) ----------------------------------------------------
  app.get(`${P}/reviews`, { schema: { tags } }, (req) => listReviews(ctxOf(req)))
  app.get(`${P}/reviews/:id`, { schema: { tags, params: IdParams } }, (req) =>
    getReview(ctxOf(req), req.params.id),
  )
  app.put(`${P}/reviews/:id`, { schema: { tags, params: IdParams, body: SaveScoresBody } }, (req) =>
    saveScores(ctxOf(req), req.params.id, req.body),
  )
  app.post(`${P}/reviews/:id/submit`, { schema: { tags, params: IdParams, body: VersionBody } }, (req) =>
    submitReview(ctxOf(req), req.params.id, req.body.version),
  )

  // The public notice's objections ------------------------------------------------------------
  app.post(
    `${P}/programmes/:id/objections`,
    { schema: { tags, params: IdParams, body: ObjectionBody } },
    async (req, reply) => reply.code(201).send(await lodgeObjection(ctxOf(req), req.params.id, req.body)),
  )
  app.post(`${P}/objections/:id/answer`, { schema: { tags, params: IdParams, body: AnswerBody } }, (req) =>
    answerObjection(ctxOf(req), req.params.id, req.body),
  )
}
