/** Org-unit routes: thin, each validates, calls one use case, and presents. */
import { z } from 'zod'
import { badRequest } from '../../http/errors.js'
import type { App } from '../../http/module.js'
import { ctxOf, sendFile, XLSX } from '../../http/request.js'
import { presentJob } from '../jobs/present.js'
import { JobView } from '../jobs/schema.js'
import { createOrgUnit } from './create-org-unit.js'
import { exportOrgUnits, orgImportTemplate } from './export-org-units.js'
import { startOrgImport } from './import-org-units.js'
import { moveOrgUnit } from './move-org-unit.js'
import { getOrgTree, getOrgUnit, listOrgUnits } from './read-org-units.js'
import {
  CreateOrgUnitBody,
  IdParams,
  ListOrgUnitsQuery,
  MoveOrgUnitBody,
  OrgUnit,
  TreeQuery,
  UpdateOrgUnitBody,
  VoidBody,
} from './schema.js'
import { updateOrgUnit } from './update-org-unit.js'
import { voidOrgUnit } from './void-org-unit.js'

const tags = ['org']

export function orgRoutes(app: App) {
  // The whole scope (12k units on a province) in one response: the schema documents it, but the
  // rows come straight from our own presenter, so re-validating each one on the way out is skipped.
  app.get(
    '/api/org-units/tree',
    {
      schema: { tags, querystring: TreeQuery, response: { 200: z.object({ items: z.array(OrgUnit) }) } },
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    (req) => getOrgTree(ctxOf(req), req.query.includeVoided ?? false),
  )
  app.get(
    '/api/org-units',
    {
      schema: {
        tags,
        querystring: ListOrgUnitsQuery,
        response: { 200: z.object({ items: z.array(OrgUnit), total: z.number() }) },
      },
    },
    (req) => listOrgUnits(ctxOf(req), req.query),
  )
  app.get(
    '/api/org-units/export.xlsx',
    { schema: { tags, querystring: ListOrgUnitsQuery } },
    async (req, reply) => sendFile(reply, '组织机构.xlsx', await exportOrgUnits(ctxOf(req), req.query), XLSX),
  )
  app.get('/api/org-units/import-template.xlsx', { schema: { tags } }, async (req, reply) => {
    ctxOf(req)
    return sendFile(reply, '组织机构导入模板.xlsx', await orgImportTemplate(req.locale), XLSX)
  })
  app.post(
    '/api/org-units/import',
    { schema: { tags, consumes: ['multipart/form-data'], response: { 202: z.object({ job: JobView }) } } },
    async (req, reply) => {
      const ctx = ctxOf(req)
      const file = req.isMultipart() ? await req.file() : undefined
      if (!file) throw badRequest('validation', {}, [{ field: 'file', key: 'required' }])
      const bytes = await file.toBuffer()
      const id = await startOrgImport(ctx, { filename: file.filename, bytes })
      return reply.code(202).send({ job: await presentJob(ctx, id) })
    },
  )
  app.get('/api/org-units/:id', { schema: { tags, params: IdParams, response: { 200: OrgUnit } } }, (req) =>
    getOrgUnit(ctxOf(req), req.params.id),
  )
  app.post(
    '/api/org-units',
    { schema: { tags, body: CreateOrgUnitBody, response: { 201: OrgUnit } } },
    async (req, reply) => reply.code(201).send(await createOrgUnit(ctxOf(req), req.body)),
  )
  app.patch(
    '/api/org-units/:id',
    { schema: { tags, params: IdParams, body: UpdateOrgUnitBody, response: { 200: OrgUnit } } },
    (req) => updateOrgUnit(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    '/api/org-units/:id/move',
    { schema: { tags, params: IdParams, body: MoveOrgUnitBody, response: { 200: OrgUnit } } },
    (req) => moveOrgUnit(ctxOf(req), req.params.id, req.body),
  )
  app.post(
    '/api/org-units/:id/void',
    { schema: { tags, params: IdParams, body: VoidBody, response: { 200: OrgUnit } } },
    (req) => voidOrgUnit(ctxOf(req), req.params.id, req.body),
  )
}
