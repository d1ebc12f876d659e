/** Indicator registry routes: thin, each validates, calls one use case, and answers. */
import type { App } from '../../http/module.js'
import { ctxOf, sendFile, XLSX } from '../../http/request.js'
import {
  CreateIndicatorBody,
  createIndicator,
  UpdateIndicatorBody,
  updateIndicator,
  voidIndicator,
} from './define-indicator.js'
import { listEntries, PutTargetBody, PutValueBody, putEntry, voidEntry } from './entries.js'
import { exportPivot, pivot } from './pivot.js'
import { rankUnits } from './ranking.js'
import { readFigure } from './read-figure.js'
import { getIndicator, ledgerChoices, listIndicators } from './read-indicators.js'
import { FigureQuery, IdParams, KeyParams, ListQuery, PivotQuery, RankingQuery, VoidBody } from './schema.js'

const tags = ['indicators']
const P = '/api/indicators'

export function indicatorRoutes(app: App) {
  app.get(P, { schema: { tags, querystring: ListQuery } }, (req) => listIndicators(ctxOf(req), req.query))
  app.get(`${P}/ledgers`, { schema: { tags } }, (req) => ledgerChoices(ctxOf(req)))
  app.get(`${P}/pivot`, { schema: { tags, querystring: PivotQuery } }, (req) => pivot(ctxOf(req), req.query))
  app.get(`${P}/pivot.xlsx`, { schema: { tags, querystring: PivotQuery } }, async (req, reply) =>
    sendFile(reply, '指标透视.xlsx', await exportPivot(ctxOf(req), req.query), XLSX),
  )
  app.post(P, { schema: { tags, body: CreateIndicatorBody } }, async (req, reply) => {
    reply.code(201)
    return createIndicator(ctxOf(req), req.body)
  })
  app.get(`${P}/:key`, { schema: { tags, params: KeyParams } }, (req) =>
    getIndicator(ctxOf(req), req.params.key),
  )
  app.patch(`${P}/:key`, { schema: { tags, params: KeyParams, body: UpdateIndicatorBody } }, (req) =>
    updateIndicator(ctxOf(req), req.params.key, req.body),
  )
  app.post(`${P}/:key/void`, { schema: { tags, params: KeyParams, body: VoidBody } }, async (req) => {
    await voidIndicator(ctxOf(req), req.params.key, req.body)
    return { ok: true }
  })
  app.get(`${P}/:key/figure`, { schema: { tags, params: KeyParams, querystring: FigureQuery } }, (req) =>
    readFigure(ctxOf(req), { key: req.params.key, ...req.query }),
  )
  app.get(`${P}/:key/ranking`, { schema: { tags, params: KeyParams, querystring: RankingQuery } }, (req) =>
    rankUnits(ctxOf(req), { key: req.params.key, ...req.query }),
  )
  // Hand-entered values (manual indicators) and targets (any indicator).
  app.get(`${P}/:key/values`, { schema: { tags, params: KeyParams } }, (req) =>
    listEntries(ctxOf(req), 'indicator_values', req.params.key),
  )
  app.put(`${P}/:key/values`, { schema: { tags, params: KeyParams, body: PutValueBody } }, (req) =>
    putEntry(ctxOf(req), 'indicator_values', req.params.key, req.body),
  )
  app.get(`${P}/:key/targets`, { schema: { tags, params: KeyParams } }, (req) =>
    listEntries(ctxOf(req), 'indicator_targets', req.params.key),
  )
  app.put(`${P}/:key/targets`, { schema: { tags, params: KeyParams, body: PutTargetBody } }, (req) =>
    putEntry(ctxOf(req), 'indicator_targets', req.params.key, req.body),
  )
  app.post(
    '/api/indicator-values/:id/void',
    { schema: { tags, params: IdParams, body: VoidBody } },
    async (req) => {
      await voidEntry(ctxOf(req), 'indicator_values', req.params.id, req.body)
      return { ok: true }
    },
  )
  app.post(
    '/api/indicator-targets/:id/void',
    { schema: { tags, params: IdParams, body: VoidBody } },
    async (req) => {
      await voidEntry(ctxOf(req), 'indicator_targets', req.params.id, req.body)
      return { ok: true }
    },
  )
}
