/** Balance-monitoring routes: thin, each validates, calls one use case, and presents. */
import { z } from 'zod'
import type { App } from '../../http/module.js'
import { ctxOf, readUpload, sendFile, XLSX } from '../../http/request.js'
import { authorize } from '../../policies/authorize.js'
import { presentJob } from '../jobs/present.js'
import { JobView } from '../jobs/schema.js'
import {
  CoefficientsQuery,
  CoefficientsView,
  CountyQuery,
  CountySchoolsView,
  WarningsQuery,
  WarningToProblemBody,
  WarningView,
} from './coefficient-schema.js'
import { countyCoefficients, countySchools } from './coefficients.js'
import { exportKindergartens } from './export-kindergartens.js'
import { exportResources } from './export-resources.js'
import { enrolmentTemplate, resourceTemplate, startImport } from './import-balance.js'
import {
  createEnrolment,
  getEnrolment,
  listEnrolments,
  updateEnrolment,
  voidEnrolment,
} from './kindergartens.js'
import { preschoolFigures } from './preschool.js'
import { createResource, getResource, listResources, updateResource, voidResource } from './resources.js'
import {
  CreateEnrolmentBody,
  CreateResourceBody,
  EnrolmentView,
  IdParams,
  ListQuery,
  PreschoolQuery,
  PreschoolView,
  ResourceView,
  SettingsView,
  UpdateEnrolmentBody,
  UpdateResourceBody,
  UpdateSettingsBody,
  VoidBody,
} from './schema.js'
import { getBalanceSettings, updateBalanceSettings } from './settings.js'
import { listWarnings, warningToProblem } from './warnings.js'

const tags = ['balance']
const P = '/api/balance'
const Jobbed = { 202: z.object({ job: JobView }) }

export function balanceRoutes(app: App) {
  // School resources --------------------------------------------------------------------------
  app.get(
    `${P}/resources`,
    {
      schema: {
        tags,
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(ResourceView), total: z.number() }) },
      },
    },
    (req) => listResources(ctxOf(req), req.query),
  )
  app.get(`${P}/resources/export.xlsx`, { schema: { tags, querystring: ListQuery } }, async (req, reply) =>
    sendFile(reply, '学校办学条件.xlsx', await exportResources(ctxOf(req), req.query), XLSX),
  )
  app.get(`${P}/resources/import-template.xlsx`, { schema: { tags } }, async (req, reply) =>
    sendFile(reply, '学校办学条件导入模板.xlsx', await resourceTemplate(ctxOf(req), req.locale), XLSX),
  )
  app.post(
    `${P}/resources/import`,
    { schema: { tags, consumes: ['multipart/form-data'], response: Jobbed } },
    async (req, reply) => {
      const ctx = ctxOf(req)
      authorize(ctx.actor, 'balance.write')
      const { file } = await readUpload(req)
      return reply.code(202).send({ job: await presentJob(ctx, await startImport(ctx, 'resources', file)) })
    },
  )
  app.post(
    `${P}/resources`,
    { schema: { tags, body: CreateResourceBody, response: { 201: ResourceView } } },
    async (req, reply) => reply.code(201).send(await createResource(ctxOf(req), req.body)),
  )
  app.get(
    `${P}/resources/:id`,
    { schema: { tags, params: IdParams, response: { 200: ResourceView } } },
    (req) => getResource(ctxOf(req), req.params.id),
  )
  app.patch(
    `${P}/resources/:id`,
    { schema: { tags, params: IdParams, body: UpdateResourceBody, response: { 200: ResourceView } } },
    (req) => updateResource(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    `${P}/resources/:id/void`,
    { schema: { tags, params: IdParams, body: VoidBody, response: { 200: ResourceView } } },
    (req) => voidResource(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  )

  // Coefficients and warnings -----------------------------------------------------------------
  app.get(
    `${P}/coefficients`,
    { schema: { tags, querystring: CoefficientsQuery, response: { 200: CoefficientsView } } },
    (req) => countyCoefficients(ctxOf(req), req.query),
  )
  app.get(
    `${P}/counties/:id`,
    { schema: { tags, params: IdParams, querystring: CountyQuery, response: { 200: CountySchoolsView } } },
    (req) => countySchools(ctxOf(req), req.params.id, req.query),
  )
  app.get(
    `${P}/warnings`,
    {
      schema: {
        tags,
        querystring: WarningsQuery,
        response: { 200: z.object({ year: z.number(), items: z.array(WarningView) }) },
      },
    },
    (req) => listWarnings(ctxOf(req), req.query),
  )
  app.post(
    `${P}/warnings/to-problem`,
    { schema: { tags, body: WarningToProblemBody, response: { 201: WarningView } } },
    async (req, reply) => reply.code(201).send(await warningToProblem(ctxOf(req), req.body)),
  )

  // Kindergartens and preschool figures -------------------------------------------------------
  app.get(
    `${P}/kindergartens`,
    {
      schema: {
        tags,
        querystring: ListQuery,
        response: { 200: z.object({ items: z.array(EnrolmentView), total: z.number() }) },
      },
    },
    (req) => listEnrolments(ctxOf(req), req.query),
  )
  app.get(
    `${P}/kindergartens/export.xlsx`,
    { schema: { tags, querystring: ListQuery } },
    async (req, reply) =>
      sendFile(reply, '幼儿园在园幼儿.xlsx', await exportKindergartens(ctxOf(req), req.query), XLSX),
  )
  app.get(`${P}/kindergartens/import-template.xlsx`, { schema: { tags } }, async (req, reply) =>
    sendFile(reply, '幼儿园在园幼儿导入模板.xlsx', await enrolmentTemplate(ctxOf(req), req.locale), XLSX),
  )
  app.post(
    `${P}/kindergartens/import`,
    { schema: { tags, consumes: ['multipart/form-data'], response: Jobbed } },
    async (req, reply) => {
      const ctx = ctxOf(req)
      authorize(ctx.actor, 'balance.write')
      const { file } = await readUpload(req)
      return reply
        .code(202)
        .send({ job: await presentJob(ctx, await startImport(ctx, 'kindergartens', file)) })
    },
  )
  app.post(
    `${P}/kindergartens`,
    { schema: { tags, body: CreateEnrolmentBody, response: { 201: EnrolmentView } } },
    async (req, reply) => reply.code(201).send(await createEnrolment(ctxOf(req), req.body)),
  )
  app.get(
    `${P}/kindergartens/:id`,
    { schema: { tags, params: IdParams, response: { 200: EnrolmentView } } },
    (req) => getEnrolment(ctxOf(req), req.params.id),
  )
  app.patch(
    `${P}/kindergartens/:id`,
    { schema: { tags, params: IdParams, body: UpdateEnrolmentBody, response: { 200: EnrolmentView } } },
    (req) => updateEnrolment(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    `${P}/kindergartens/:id/void`,
    { schema: { tags, params: IdParams, body: VoidBody, response: { 200: EnrolmentView } } },
    (req) => voidEnrolment(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  )
  app.get(
    `${P}/preschool`,
    { schema: { tags, querystring: PreschoolQuery, response: { 200: PreschoolView } } },
    (req) => preschoolFigures(ctxOf(req), req.query),
  )

  // Settings ----------------------------------------------------------------------------------
  app.get(`${P}/settings`, { schema: { tags, response: { 200: SettingsView } } }, (req) =>
    getBalanceSettings(ctxOf(req)),
  )
  app.patch(
    `${P}/settings`,
    { schema: { tags, body: UpdateSettingsBody, response: { 200: SettingsView } } },
    (req) => updateBalanceSettings(ctxOf(req), req.body),
  )
}
