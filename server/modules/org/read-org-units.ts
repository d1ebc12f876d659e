/** Reads within the actor's scope: the tree, a page of a filtered list, one unit. */
import type { Ctx } from '../../context.js'
import { notFound } from '../../http/errors.js'
import { assertInScope, authorize } from '../../policies/authorize.js'
import { presentOrgUnit } from './presenter.js'
import { findById, listPage, listSubtree } from './repository.js'
import type { ListOrgUnitsQuery, OrgUnit } from './schema.js'

export async function getOrgTree(ctx: Ctx, includeVoided = false): Promise<{ items: OrgUnit[] }> {
  authorize(ctx.actor, 'org.read')
  const rows = await listSubtree(ctx.db, ctx.actor.scopePath, includeVoided)
  return { items: rows.map(presentOrgUnit) }
}

export async function listOrgUnits(
  ctx: Ctx,
  q: ListOrgUnitsQuery,
): Promise<{ items: OrgUnit[]; total: number }> {
  authorize(ctx.actor, 'org.read')
  const { items, total } = await listPage(ctx.db, ctx.dialect, ctx.actor.scopePath, q)
  return { items: items.map(presentOrgUnit), total }
}

export async function getOrgUnit(ctx: Ctx, id: number): Promise<OrgUnit> {
  authorize(ctx.actor, 'org.read')
  const row = await findById(ctx.db, id)
  if (!row) throw notFound()
  assertInScope(ctx.actor, row.path)
  return presentOrgUnit(row)
}
