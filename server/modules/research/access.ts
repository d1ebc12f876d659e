/**
 * Who may see and change a research topic. The owning unit decides: a topic is seen by users
 * whose scope contains it (else 404, never 403: a county cannot learn another county's topic
 * exists), and changed by writers (task.write) who see it. The units planned or visited never
 * widen who sees it. Permission comes before scope: a reader without task.write gets 403.
 */
import { regionOf } from '../../../domain/research/regions.js'
import type { Actor, Ctx, Tx } from '../../context.js'
import { badRequest, notFound } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { findById, type OrgUnitRow } from '../org/repository.js'
import { findTopic, type TopicListRow, unitsByIds } from './repository.js'

/** A live (unless `allowVoided`) topic the actor may see, or 404. */
export async function loadVisibleTopic(
  db: Tx,
  actor: Actor,
  id: number,
  opts: { allowVoided?: boolean } = {},
): Promise<TopicListRow> {
  const row = await findTopic(db, id)
  if (!row || !inScope(actor, row.owner_path) || (row.voided_at && !opts.allowVoided)) throw notFound()
  return row
}

/** For changes: task.write (403) first, then a live topic in scope (404). */
export async function loadEditableTopic(ctx: Ctx, db: Tx, id: number): Promise<TopicListRow> {
  authorize(ctx.actor, 'task.write')
  return loadVisibleTopic(db, ctx.actor, id)
}

export function canEditTopic(actor: Actor, row: { owner_path: string; voided_at: string | null }): boolean {
  return row.voided_at === null && hasPermission(actor.role, 'task.write') && inScope(actor, row.owner_path)
}

/** A live unit in the actor's scope, or a 400 on `field`. */
export async function unitInScope(db: Tx, actor: Actor, id: number, field: string): Promise<OrgUnitRow> {
  const u = await findById(db, id)
  if (!u || u.voided_at) throw badRequest('validation', {}, [{ field, key: 'not_found' }])
  if (!inScope(actor, u.path))
    throw badRequest('validation', {}, [{ field, key: 'research_unit_out_of_scope' }])
  return u
}

/**
 * A unit one can go and research (a city, a county, a school, a department of a city or county
 * bureau): live, in scope, and lying in a city or a county, so the visit counts somewhere.
 */
export async function visitableUnit(db: Tx, actor: Actor, id: number, field: string): Promise<OrgUnitRow> {
  const u = await unitInScope(db, actor, id, field)
  const ids = u.path.split('/').filter(Boolean).map(Number)
  const kinds = await unitsByIds(db, ids)
  const r = regionOf({ id: u.id, kind: u.kind, path: u.path }, (x) => kinds.get(x)?.kind)
  if (r.cityId === null && r.countyId === null)
    throw badRequest('validation', {}, [{ field, key: 'research_unit_not_visitable' }])
  return u
}

/** Planned units: each checked, duplicates dropped, order kept. */
export async function checkPlannedUnits(db: Tx, actor: Actor, ids: readonly number[]): Promise<OrgUnitRow[]> {
  const out: OrgUnitRow[] = []
  for (const [i, id] of ids.entries()) {
    if (out.some((u) => u.id === id)) continue
    out.push(await visitableUnit(db, actor, id, `plannedUnitIds.${i}`))
  }
  return out
}

/** A live user account named as the topic's leader. */
export async function liveLeader(db: Tx, id: number, field: string) {
  const u = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
  if (!u) throw badRequest('validation', {}, [{ field, key: 'not_found' }])
  return u
}
