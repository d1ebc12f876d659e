/** Reading topics: a filtered page, and one topic with its visits, findings, files and timeline. */
import { allowedTopicActions, type TopicStatus } from '../../../domain/research/lifecycle.js'
import { pathIds, regionOf } from '../../../domain/research/regions.js'
import type { Actor, Ctx, Tx } from '../../context.js'
import type { DialectName } from '../../db/dialect.js'
import { notFound } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { findById } from '../org/repository.js'
import { canEditTopic, loadVisibleTopic } from './access.js'
import { topicAttachments } from './attachments.js'
import { presentFinding, presentTopic } from './present.js'
import {
  countsOfTopics,
  findingsOfTopic,
  listAllTopicRows,
  listEvents,
  listTopicRows,
  type TopicFilter,
  type TopicListRow,
  unitsByIds,
  unitsOfTopics,
  visitsOfTopic,
} from './repository.js'
import type { ListTopicsQuery, TopicDetail, TopicSummary } from './schema.js'

/** The query's filter (visibility is applied on top of it, whatever `ownerUnitId` names). */
export async function toFilter(db: Tx, q: ListTopicsQuery): Promise<TopicFilter> {
  let ownerPath: string | undefined
  if (q.ownerUnitId !== undefined) {
    const u = await findById(db, q.ownerUnitId)
    ownerPath = u ? u.path : '/nowhere/'
  }
  return {
    campaignId: q.campaignId,
    aspectId: q.aspectId,
    status: q.status,
    ownerPath,
    q: q.q,
    includeVoided: q.includeVoided === 'true',
  }
}

/** Rows → summaries, with every row's planned units and counts in two queries. */
export async function presentRows(db: Tx, rows: TopicListRow[]): Promise<TopicSummary[]> {
  const ids = rows.map((r) => r.id)
  const units = await unitsOfTopics(db, ids)
  const counts = await countsOfTopics(db, ids)
  return rows.map((r) => presentTopic(r, units, counts.get(r.id)))
}

export async function listTopics(ctx: Ctx, q: ListTopicsQuery) {
  authorize(ctx.actor, 'task.read')
  const f = await toFilter(ctx.db, q)
  const { items, total } = await listTopicRows(ctx.db, ctx.dialect, ctx.actor, f, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  })
  return { items: await presentRows(ctx.db, items), total }
}

/** Every visible topic of a filter (exports), presented. */
export async function allTopics(db: Tx, dialect: DialectName, actor: Actor, f: TopicFilter, limit: number) {
  return presentRows(db, await listAllTopicRows(db, dialect, actor, f, limit))
}

export async function getTopic(ctx: Ctx, id: number): Promise<TopicDetail> {
  authorize(ctx.actor, 'task.read')
  const row = await loadVisibleTopic(ctx.db, ctx.actor, id, { allowVoided: true })
  const [summary] = await presentRows(ctx.db, [row])
  if (!summary) throw notFound()
  const visits = await visitsOfTopic(ctx.db, id)
  const findings = await findingsOfTopic(ctx.db, id)
  const files = await topicAttachments(ctx.db, [id])
  const events = await listEvents(ctx.db, id)
  // The city and county of each visited unit, from its ancestors' kinds (one query for all).
  const ancestors = await unitsByIds(ctx.db, [...new Set(visits.flatMap((v) => pathIds(v.unit_path)))])
  const kindOf = (x: number) => ancestors.get(x)?.kind
  const nameOf = (x: number | null) => (x === null ? null : (ancestors.get(x)?.name ?? null))
  const cities = new Map<number, string>()
  const counties = new Map<number, string>()
  const visitViews = visits.map((v) => {
    const r = regionOf({ id: v.org_unit_id, kind: v.unit_kind, path: v.unit_path }, kindOf)
    if (v.voided_at === null) {
      if (r.cityId !== null) cities.set(r.cityId, nameOf(r.cityId) ?? '')
      if (r.countyId !== null) counties.set(r.countyId, nameOf(r.countyId) ?? '')
    }
    return {
      id: v.id,
      visitedOn: v.visited_on,
      unitId: v.org_unit_id,
      unit: v.unit_name,
      unitKind: v.unit_kind,
      city: nameOf(r.cityId),
      county: nameOf(r.countyId),
      participants: v.participants,
      note: v.note,
      author: v.author_name,
      at: v.created_at,
      voided: v.voided_at !== null,
      voidReason: v.void_reason,
    }
  })
  const editable = canEditTopic(ctx.actor, row)
  const refs = (m: Map<number, string>) => [...m].map(([unitId, name]) => ({ id: unitId, name }))
  return {
    ...summary,
    description: row.description,
    reportSummary: row.report_summary,
    voidReason: row.void_reason,
    visits: visitViews,
    findings: findings.map(presentFinding),
    attachments: files.get(id) ?? [],
    citiesVisited: refs(cities),
    countiesVisited: refs(counties),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      on: e.on_date,
      action: e.action,
      actor: e.actor_name,
      detail: JSON.parse(e.detail_json) as Record<string, unknown>,
    })),
    allowedActions: editable ? allowedTopicActions(row.status as TopicStatus) : [],
    canEdit: editable,
    canConvert: editable && hasPermission(ctx.actor.role, 'problem.write'),
  }
}
