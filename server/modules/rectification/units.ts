/** The org units and users a problem or case refers to, checked against the actor's scope; today in China. */
import type { Actor, Tx } from '../../context.js'
import { badRequest, notFound } from '../../http/errors.js'
import { inScope } from '../../policies/authorize.js'
import { findById, type OrgUnitRow } from '../org/repository.js'

/** A live unit in the actor's subtree, or a field error naming `field`. */
export async function unitInScope(trx: Tx, actor: Actor, id: number, field: string): Promise<OrgUnitRow> {
  const u = await findById(trx, id)
  if (!u || u.voided_at) throw badRequest('validation', {}, [{ field, key: 'not_found' }])
  if (!inScope(actor, u.path))
    throw badRequest('validation', {}, [{ field, key: 'rectification_unit_out_of_scope' }])
  return u
}

/** The path of a unit asked for in a filter: outside the actor's subtree it does not exist (404). */
export async function filterPath(trx: Tx, actor: Actor, unitId: number | undefined): Promise<string> {
  if (unitId === undefined) return actor.scopePath
  const u = await findById(trx, unitId)
  if (!u || !inScope(actor, u.path)) throw notFound()
  return u.path
}

/** A live user account (the one answerable for a problem); scope aside, a leader may answer for a county. */
export async function liveUser(trx: Tx, id: number, field: string) {
  const u = await trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
  if (!u) throw badRequest('validation', {}, [{ field, key: 'not_found' }])
  return u
}

// One definition of today, in server/context.ts; re-exported for this module's files.
export { todayInChina } from '../../context.js'
