/**
 * Campaigns (主题教育, 三年行动, 专项行动) and their ordered aspects (方面). A campaign belongs to the
 * unit that runs it: that unit's subtree edits it; units above and below see it (a county files its
 * tasks under the city's campaign).
 */
import { recordAudit } from '../../audit/record.js'
import { type Actor, type Ctx, nowIso, type Tx } from '../../context.js'
import {
  badRequest,
  conflict,
  type FieldError,
  forbidden,
  notFound,
  staleVersion,
} from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { unitInScope } from './access.js'
import {
  type CampaignListRow,
  findCampaign,
  insertAspect,
  insertCampaign,
  listAspects,
  listCampaignRows,
  liveTasksOfAspect,
  liveTasksOfCampaign,
  taskCountsByAspect,
  updateAspect,
  updateCampaignVersioned,
} from './repository.js'
import type { CampaignInput, CampaignView, UpdateCampaignInput } from './schema.js'

/** A campaign the actor sees: 404, or a 400 on `field` when it is referred to from a form. */
export async function loadVisibleCampaign(db: Tx, actor: Actor, id: number, field?: string) {
  const c = await findCampaign(db, id)
  const visible =
    c !== undefined &&
    c.voided_at === null &&
    (inScope(actor, c.unit_path) || c.unit_path === actor.scopePath.slice(0, c.unit_path.length))
  if (!c || !visible) {
    if (field) throw badRequest('validation', {}, [{ field, key: 'not_found' }])
    throw notFound()
  }
  return c
}

async function present(db: Tx, actor: Actor, rows: CampaignListRow[]): Promise<CampaignView[]> {
  const ids = rows.map((r) => r.id)
  const aspects = await listAspects(db, ids)
  const counts = new Map((await taskCountsByAspect(db, actor, ids)).map((c) => [c.aspect_id, Number(c.n)]))
  return rows.map((r) => {
    const own = aspects
      .filter((a) => a.campaign_id === r.id)
      .map((a) => ({ id: a.id, name: a.name, sortOrder: a.sort_order, tasks: counts.get(a.id) ?? 0 }))
    return {
      id: r.id,
      name: r.name,
      kind: r.kind as CampaignView['kind'],
      orgUnitId: r.org_unit_id,
      orgUnit: r.unit_name,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      description: r.description,
      aspects: own,
      tasks: own.reduce((s, a) => s + a.tasks, 0),
      version: r.version,
      voided: r.voided_at !== null,
    }
  })
}

export async function listCampaigns(ctx: Ctx, includeVoided = false) {
  authorize(ctx.actor, 'task.read')
  return { items: await present(ctx.db, ctx.actor, await listCampaignRows(ctx.db, ctx.actor, includeVoided)) }
}

export async function getCampaign(ctx: Ctx, id: number): Promise<CampaignView> {
  authorize(ctx.actor, 'task.read')
  const c = await loadVisibleCampaign(ctx.db, ctx.actor, id)
  const [view] = await present(ctx.db, ctx.actor, [c])
  if (!view) throw notFound()
  return view
}

function checkCampaign(startsOn: string, endsOn: string, names: readonly string[]) {
  const problems: FieldError[] = []
  if (endsOn < startsOn)
    problems.push({ field: 'endsOn', key: 'supervision_campaign_dates', params: { start: startsOn } })
  const seen = new Set<string>()
  names.forEach((n, i) => {
    if (seen.has(n))
      problems.push({ field: `aspects.${i}.name`, key: 'supervision_aspect_taken', params: { name: n } })
    seen.add(n)
  })
  if (problems.length) throw badRequest('validation', {}, problems)
}

/** Writes a campaign and its aspects (permission excluded): the use case and the demo share it. */
export async function writeCampaign(trx: Tx, ctx: Ctx, input: CampaignInput): Promise<number> {
  checkCampaign(
    input.startsOn,
    input.endsOn,
    input.aspects.map((a) => a.name),
  )
  const unit = await unitInScope(trx, ctx.actor, input.orgUnitId ?? ctx.actor.orgUnitId, 'orgUnitId')
  const at = nowIso(ctx)
  const id = await insertCampaign(trx, {
    name: input.name,
    kind: input.kind,
    org_unit_id: unit.id,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    description: input.description,
    version: 1,
    created_by: ctx.actor.id || null,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
  })
  for (const [i, a] of input.aspects.entries())
    await insertAspect(trx, { campaign_id: id, name: a.name, sort_order: i + 1, at })
  await recordAudit(trx, ctx, ctx.actor, {
    action: 'supervision.campaign.create',
    entity: 'supervision_campaign',
    entityId: id,
    before: null,
    after: input,
  })
  return id
}

export async function createCampaign(ctx: Ctx, input: CampaignInput): Promise<CampaignView> {
  authorize(ctx.actor, 'task.write')
  const id = await ctx.db.transaction().execute((trx) => writeCampaign(trx, ctx, input))
  return getCampaign(ctx, id)
}

async function loadOwnCampaign(ctx: Ctx, trx: Tx, id: number, version: number) {
  authorize(ctx.actor, 'task.write')
  const c = await loadVisibleCampaign(trx, ctx.actor, id)
  if (!inScope(ctx.actor, c.unit_path)) throw forbidden('supervision_campaign_owner_only')
  if (c.version !== version) throw staleVersion(c.version)
  return c
}

export async function updateCampaign(
  ctx: Ctx,
  id: number,
  input: UpdateCampaignInput,
): Promise<CampaignView> {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await loadOwnCampaign(ctx, trx, id, input.version)
    const current = await listAspects(trx, [id])
    const names = input.aspects?.map((a) => a.name) ?? current.map((a) => a.name)
    checkCampaign(input.startsOn ?? c.starts_on, input.endsOn ?? c.ends_on, names)
    const at = nowIso(ctx)
    const before = {
      name: c.name,
      kind: c.kind,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      aspects: current.map((a) => a.name),
    }
    if (input.aspects) {
      const byId = new Map(current.map((a) => [a.id, a]))
      const kept = new Set<number>()
      for (const [i, a] of input.aspects.entries()) {
        if (a.id === undefined) {
          await insertAspect(trx, { campaign_id: id, name: a.name, sort_order: i + 1, at })
          continue
        }
        const old = byId.get(a.id)
        if (!old) throw badRequest('validation', {}, [{ field: `aspects.${i}.id`, key: 'not_found' }])
        kept.add(a.id)
        if (old.name !== a.name || old.sort_order !== i + 1)
          await updateAspect(trx, a.id, { name: a.name, sort_order: i + 1, updated_at: at })
      }
      for (const old of current) {
        if (kept.has(old.id)) continue
        if ((await liveTasksOfAspect(trx, old.id)) > 0)
          throw conflict('supervision_aspect_in_use', { name: old.name })
        await updateAspect(trx, old.id, {
          updated_at: at,
          voided_at: at,
          void_reason: 'removed from the campaign',
        })
      }
    }
    const patch = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.startsOn !== undefined ? { starts_on: input.startsOn } : {}),
      ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      updated_at: at,
    }
    if (!(await updateCampaignVersioned(trx, id, c.version, patch))) throw staleVersion(c.version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'supervision.campaign.update',
      entity: 'supervision_campaign',
      entityId: id,
      before,
      after: { ...input, version: undefined },
    })
  })
  return getCampaign(ctx, id)
}

export async function voidCampaign(ctx: Ctx, id: number, version: number, reason: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await loadOwnCampaign(ctx, trx, id, version)
    const live = await liveTasksOfCampaign(trx, id)
    if (live > 0) throw conflict('supervision_campaign_has_tasks', { count: live })
    const at = nowIso(ctx)
    if (
      !(await updateCampaignVersioned(trx, id, version, {
        voided_at: at,
        void_reason: reason,
        updated_at: at,
      }))
    )
      throw staleVersion(version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'supervision.campaign.void',
      entity: 'supervision_campaign',
      entityId: id,
      before: { name: c.name },
      after: { reason },
    })
  })
}
