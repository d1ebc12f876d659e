/**
 * Who may see and enter balance data. A row belongs to its school (or kindergarten): it is seen by
 * users whose scope contains the unit (else 404) and entered by `balance.write` users who see it,
 * the school itself included (a school enters its own; a county its schools; a department every
 * school in its scope). Permission comes first: a reader without `balance.write` gets 403.
 */
import { SCHOOL_STAGES, type SchoolStage } from '../../../domain/org/codes.js'
import { type Actor, type Tx, todayInChina } from '../../context.js'
import { badRequest, notFound } from '../../http/errors.js'
import { inScope } from '../../policies/authorize.js'
import { findById, type OrgUnitRow } from '../org/repository.js'

/** A live unit of `kind` in the actor's scope, or a 400 on `field`. */
export async function unitForEntry(
  db: Tx,
  actor: Actor,
  id: number,
  kind: 'school' | 'kindergarten',
  field: string,
): Promise<OrgUnitRow> {
  const u = await findById(db, id)
  if (!u || u.voided_at) throw badRequest('validation', {}, [{ field, key: 'not_found' }])
  if (!inScope(actor, u.path))
    throw badRequest('validation', {}, [{ field, key: 'balance_unit_out_of_scope' }])
  if (u.kind !== kind)
    throw badRequest('validation', {}, [
      { field, key: kind === 'school' ? 'balance_not_a_school' : 'balance_not_a_kindergarten' },
    ])
  return u
}

/** A row's unit must be in scope, or the row does not exist for the actor. */
export function assertRowVisible(actor: Actor, row: { unit_path: string } | undefined): asserts row {
  if (!row || !inScope(actor, row.unit_path)) throw notFound()
}

/** The path of a unit asked for in a filter: outside the actor's subtree it does not exist (404). */
export async function filterPath(db: Tx, actor: Actor, unitId: number | undefined): Promise<string> {
  if (unitId === undefined) return actor.scopePath
  const u = await findById(db, unitId)
  if (!u || !inScope(actor, u.path)) throw notFound()
  return u.path
}

/** This calendar year in China: the default year, and the latest a row may describe. */
export const thisYear = (now: () => Date): number => Number(todayInChina(now()).slice(0, 4))

export function checkYear(year: number, now: () => Date, field = 'year') {
  const max = thisYear(now)
  if (year > max) throw badRequest('validation', {}, [{ field, key: 'balance_year_future', params: { max } }])
}

const isStage = (s: string | null): s is SchoolStage => s !== null && SCHOOL_STAGES.some((x) => x === s)

/** The school's stage as org_units stores it (null for anything else). */
export const stageOf = (stage: string | null): SchoolStage | null => (isStage(stage) ? stage : null)

/** A live county in the actor's scope, or 404. */
export async function loadVisibleCounty(db: Tx, actor: Actor, id: number): Promise<OrgUnitRow> {
  const county = await findById(db, id)
  if (county?.kind !== 'county' || county.voided_at || !inScope(actor, county.path)) throw notFound()
  return county
}
