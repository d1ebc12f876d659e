/** The org units a case refers to: checked against the actor's scope, and its county found. */
import type { Actor, Tx } from '../../context.js'
import { badRequest } from '../../http/errors.js'
import { inScope } from '../../policies/authorize.js'
import { findById, type OrgUnitRow } from '../org/repository.js'

export async function unitInScope(trx: Tx, actor: Actor, id: number, field: string): Promise<OrgUnitRow> {
  const u = await findById(trx, id)
  if (!u || u.voided_at) throw badRequest('validation', {}, [{ field, key: 'not_found' }])
  if (!inScope(actor, u.path))
    throw badRequest('validation', {}, [{ field, key: 'petition_unit_out_of_scope' }])
  return u
}

/** Any unit, scope aside (an accused unit may sit anywhere). */
export async function anyUnit(trx: Tx, id: number, field: string): Promise<OrgUnitRow> {
  const u = await findById(trx, id)
  if (!u || u.voided_at) throw badRequest('validation', {}, [{ field, key: 'not_found' }])
  return u
}

/** The county (县/市/区) the unit lies in, if any: the figures count cases by county. */
export async function countyOf(trx: Tx, unit: OrgUnitRow): Promise<number | null> {
  if (unit.kind === 'county') return unit.id
  const ids = unit.path.split('/').filter(Boolean).map(Number)
  const r = await trx
    .selectFrom('org_units')
    .select('id')
    .where('id', 'in', ids)
    .where('kind', '=', 'county')
    .executeTakeFirst()
  return r?.id ?? null
}
