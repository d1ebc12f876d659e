/** Reading the problem list: a filtered page, and one problem with its measures, evidence and history. */
import {
  allowedProblemActions,
  checkSignoff,
  type ProblemStatus,
} from '../../../domain/rectification/lifecycle.js'
import type { Ctx, Tx } from '../../context.js'
import { notFound } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { presentEvidence, presentMeasure, presentProblemSummary } from './present.js'
import {
  findProblem,
  findProblemWithNames,
  listEvents,
  listEvidence,
  listMeasures,
  listProblems,
  type ProblemFilter,
  type ProblemRow,
} from './repository.js'
import type { ListProblemsQuery, ProblemDetail } from './schema.js'
import { filterPath, todayInChina } from './units.js'

export function toProblemFilter(
  q: Omit<ListProblemsQuery, 'page' | 'pageSize'>,
  scopePath: string,
  today: string,
): ProblemFilter {
  return {
    scopePath,
    q: q.q,
    status: q.status,
    source: q.source,
    categoryId: q.categoryId,
    campaign: q.campaign,
    campaignId: q.campaignId,
    fixAtOnce: q.fixAtOnce === undefined ? undefined : q.fixAtOnce === 'true',
    overdueBefore: q.overdue === 'true' ? today : undefined,
    includeVoided: q.includeVoided === 'true',
  }
}

export async function listRectificationProblems(ctx: Ctx, q: ListProblemsQuery) {
  authorize(ctx.actor, 'problem.read')
  const today = todayInChina(ctx.now())
  const scopePath = await filterPath(ctx.db, ctx.actor, q.unitId)
  const { items, total } = await listProblems(
    ctx.db,
    ctx.dialect,
    toProblemFilter(q, scopePath, today),
    today,
    {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    },
  )
  return { items: items.map((r) => presentProblemSummary(r, ctx.locale)), total }
}

/** A problem the actor may see (voided ones too), or 404: out of scope looks like missing. */
export async function loadVisibleProblem(
  ctx: Pick<Ctx, 'actor'> & { db: Tx },
  id: number,
): Promise<ProblemRow> {
  const row = await findProblem(ctx.db, id)
  if (!row || !inScope(ctx.actor, row.scope_path)) throw notFound()
  return row
}

/** A live problem the actor may change, or 404. */
export async function loadLiveProblem(ctx: Pick<Ctx, 'actor'> & { db: Tx }, id: number): Promise<ProblemRow> {
  const row = await loadVisibleProblem(ctx, id)
  if (row.voided_at) throw notFound()
  return row
}

export async function getProblem(ctx: Ctx, id: number): Promise<ProblemDetail> {
  authorize(ctx.actor, 'problem.read')
  await loadVisibleProblem(ctx, id)
  const today = todayInChina(ctx.now())
  const row = await findProblemWithNames(ctx.db, id, today)
  if (!row) throw notFound()
  const [measures, evidence, events] = await Promise.all([
    listMeasures(ctx.db, id),
    listEvidence(ctx.db, id),
    listEvents(ctx.db, id),
  ])
  const status = row.status as ProblemStatus
  const live = row.voided_at === null
  const canSignOff =
    live &&
    hasPermission(ctx.actor.role, 'problem.signoff') &&
    checkSignoff({
      status,
      evidence: row.evidence_count,
      reviewerId: ctx.actor.id,
      createdBy: row.created_by,
      responsibleUserId: row.responsible_user_id,
    }) === null
  return {
    ...presentProblemSummary(row, ctx.locale),
    createdBy: row.created_by,
    rectifiedOn: row.rectified_on,
    signoff: row.signed_off_at
      ? {
          by: row.signed_off_by,
          byName: row.signed_off_by_name ?? '',
          at: row.signed_off_at,
          comment: row.signoff_comment ?? '',
        }
      : null,
    reopenCount: row.reopen_count,
    voidReason: row.void_reason,
    origin: row.origin,
    allowedActions: live ? allowedProblemActions(status) : [],
    canSignOff,
    measures: measures.map((m) => presentMeasure(m, today)),
    evidence: evidence.map(presentEvidence),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      actor: e.actor_name,
      detail: JSON.parse(e.detail_json) as Record<string, unknown>,
    })),
  }
}
