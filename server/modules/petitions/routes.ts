/** Petition ledger routes: thin, each validates, calls one use case, and presents. */
import { z } from 'zod'
import { cachedAnswer } from '../../http/answer-cache.js'
import type { App } from '../../http/module.js'
import { withParseSlot } from '../../http/parse-slots.js'
import { ctxOf, readUpload, sendFile, XLSX } from '../../http/request.js'
import { authorize } from '../../policies/authorize.js'
import { presentJob } from '../jobs/present.js'
import { JobView } from '../jobs/schema.js'
import { actOnCase } from './act-on-case.js'
import { campaignBoard, createCampaign, listCampaigns, tagCases } from './campaigns.js'
import { exportCases, petitionImportTemplate } from './export-cases.js'
import { petitionFigures } from './figures.js'
import { previewImport, startPetitionImport } from './import-cases.js'
import { createPlan, listPlans, updatePlan } from './plans.js'
import { getPetitionCase, listPetitionCases } from './read-cases.js'
import { registerCase } from './register-case.js'
import { eraseExpiredPersonalData } from './retention.js'
import {
  ActionBody,
  CampaignBody,
  CampaignView,
  CaseDetail,
  CaseSummary,
  CategoryBody,
  CategoryView,
  FiguresQuery,
  FiguresView,
  IdParams,
  ListCasesQuery,
  PlanBody,
  PlanView,
  RegisterCaseBody,
  SettingsBody,
  SettingsView,
  SimilarQuery,
  SimilarView,
  TagCasesBody,
  UpdateCategoryBody,
  UpdatePlanBody,
  VoidCaseBody,
} from './schema.js'
import { loadSettings, updateSettings } from './settings.js'
import { similarCases } from './similar-cases.js'
import { createCategory, listCategories, updateCategory, voidCategory } from './taxonomy.js'
import { voidCase } from './void-case.js'

const tags = ['petitions']
const FullQuery = z.object({ full: z.enum(['true', 'false']).optional() })
const Board = z.object({
  key: z.string(),
  label: z.string(),
  total: z.number(),
  open: z.number(),
  overdue: z.number(),
})

const CaseList = z.object({ items: z.array(CaseSummary), total: z.number() })

export function petitionRoutes(app: App) {
  app.get(
    '/api/petitions/cases',
    {
      schema: {
        tags,
        querystring: ListCasesQuery,
        response: { 200: CaseList },
      },
    },
    (req, reply) => cachedAnswer(req, reply, CaseList, (ctx) => listPetitionCases(ctx, req.query)),
  )
  app.get(
    '/api/petitions/cases/export.xlsx',
    { schema: { tags, querystring: ListCasesQuery } },
    async (req, reply) => sendFile(reply, '信访台账.xlsx', await exportCases(ctxOf(req), req.query), XLSX),
  )
  app.get('/api/petitions/import-template.xlsx', { schema: { tags } }, async (req, reply) => {
    authorize(ctxOf(req).actor, 'petition.write')
    return sendFile(reply, '信访台账导入模板.xlsx', await petitionImportTemplate(req.locale), XLSX)
  })
  app.post(
    '/api/petitions/import/preview',
    { schema: { tags, consumes: ['multipart/form-data'] } },
    async (req) => {
      const ctx = ctxOf(req)
      const { file } = await readUpload(req)
      return withParseSlot(() => previewImport(ctx, file.bytes))
    },
  )
  app.post(
    '/api/petitions/import',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 202: z.object({ job: JobView }) } } },
    async (req, reply) => {
      const ctx = ctxOf(req)
      const { file, fields } = await readUpload(req)
      const id = await startPetitionImport(ctx, file, fields.mapping)
      return reply.code(202).send({ job: await presentJob(ctx, id) })
    },
  )
  app.get(
    '/api/petitions/cases/:id',
    { schema: { tags, params: IdParams, querystring: FullQuery, response: { 200: CaseDetail } } },
    (req) => getPetitionCase(ctxOf(req), req.params.id, req.query.full === 'true'),
  )
  app.post(
    '/api/petitions/cases',
    { schema: { tags, body: RegisterCaseBody, response: { 201: CaseDetail } } },
    async (req, reply) => reply.code(201).send(await registerCase(ctxOf(req), req.body)),
  )
  app.post(
    '/api/petitions/cases/:id/actions',
    { schema: { tags, params: IdParams, body: ActionBody, response: { 200: CaseDetail } } },
    (req) => actOnCase(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    '/api/petitions/cases/:id/void',
    { schema: { tags, params: IdParams, body: VoidCaseBody, response: { 200: CaseDetail } } },
    (req) => voidCase(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  )
  app.get(
    '/api/petitions/similar',
    { schema: { tags, querystring: SimilarQuery, response: { 200: SimilarView } } },
    (req) => similarCases(ctxOf(req), req.query),
  )
  app.get(
    '/api/petitions/categories',
    { schema: { tags, response: { 200: z.object({ items: z.array(CategoryView) }) } } },
    (req) => listCategories(ctxOf(req)),
  )
  app.post(
    '/api/petitions/categories',
    { schema: { tags, body: CategoryBody, response: { 201: CategoryView } } },
    async (req, reply) => reply.code(201).send(await createCategory(ctxOf(req), req.body)),
  )
  app.patch(
    '/api/petitions/categories/:id',
    { schema: { tags, params: IdParams, body: UpdateCategoryBody, response: { 200: CategoryView } } },
    (req) => updateCategory(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    '/api/petitions/categories/:id/void',
    { schema: { tags, params: IdParams, body: VoidCaseBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await voidCategory(ctxOf(req), req.params.id, req.body.version, req.body.reason)
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/api/petitions/campaigns',
    { schema: { tags, response: { 200: z.object({ items: z.array(CampaignView) }) } } },
    (req) => listCampaigns(ctxOf(req)),
  )
  app.post(
    '/api/petitions/campaigns',
    { schema: { tags, body: CampaignBody, response: { 201: CampaignView } } },
    async (req, reply) => reply.code(201).send(await createCampaign(ctxOf(req), req.body)),
  )
  app.post(
    '/api/petitions/campaigns/:id/cases',
    {
      schema: {
        tags,
        params: IdParams,
        body: TagCasesBody,
        response: { 200: z.object({ tagged: z.number() }) },
      },
    },
    (req) => tagCases(ctxOf(req), req.params.id, req.body.caseIds),
  )
  app.get(
    '/api/petitions/campaigns/:id/board',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ byUnit: z.array(Board), byLeader: z.array(Board) }) },
      },
    },
    (req) => campaignBoard(ctxOf(req), req.params.id),
  )
  app.get(
    '/api/petitions/plans',
    { schema: { tags, response: { 200: z.object({ items: z.array(PlanView) }) } } },
    (req) => listPlans(ctxOf(req)),
  )
  app.post(
    '/api/petitions/plans',
    { schema: { tags, body: PlanBody, response: { 201: PlanView } } },
    async (req, reply) => reply.code(201).send(await createPlan(ctxOf(req), req.body)),
  )
  app.patch(
    '/api/petitions/plans/:id',
    { schema: { tags, params: IdParams, body: UpdatePlanBody, response: { 200: PlanView } } },
    (req) => updatePlan(ctxOf(req), req.params.id, req.body),
  )
  app.get(
    '/api/petitions/figures',
    { schema: { tags, querystring: FiguresQuery, response: { 200: FiguresView } } },
    (req) => petitionFigures(ctxOf(req), req.query),
  )
  app.get('/api/petitions/settings', { schema: { tags, response: { 200: SettingsView } } }, (req) => {
    const ctx = ctxOf(req)
    authorize(ctx.actor, 'petition.read')
    return loadSettings(ctx.db)
  })
  app.patch(
    '/api/petitions/settings',
    { schema: { tags, body: SettingsBody, response: { 200: SettingsView } } },
    (req) => updateSettings(ctxOf(req), req.body),
  )
  app.post(
    '/api/petitions/retention/run',
    { schema: { tags, response: { 200: z.object({ erased: z.number(), closedBefore: z.string() }) } } },
    (req) => eraseExpiredPersonalData(ctxOf(req)),
  )
}
