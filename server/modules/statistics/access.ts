/**
 * Who may enter, submit and approve what: the ledger must be live, the submitting unit in the
 * actor's scope and allowed by the definition, and approval belongs to `stats.approve` holders
 * whose scope covers both the unit and the owning department.
 */
import { pathIds } from '../../../domain/research/regions.js'
import type { HomeCity } from '../../../domain/statistics/in-city.js'
import type { Actor, Tx } from '../../context.js'
import { badRequest, notFound } from '../../http/errors.js'
import { inScope } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { findById } from '../org/repository.js'
import { type Ledger, toLedger } from './definition.js'
import { ledgerById, ledgerByKey, liveUnitsUnder, unitsByIds } from './repository.js'

/** A live ledger by key, or 404. */
export async function loadLedger(db: Tx, key: string, opts: { allowVoided?: boolean } = {}): Promise<Ledger> {
  const r = await ledgerByKey(db, key)
  if (!r || (r.voided_at !== null && !opts.allowVoided)) throw notFound('stats_unknown_ledger')
  return toLedger(r)
}

export async function loadLedgerById(db: Tx, id: number): Promise<Ledger> {
  const r = await ledgerById(db, id)
  if (!r) throw notFound()
  return toLedger(r)
}

export interface UnitRef {
  id: number
  name: string
  path: string
  kind: string
}

/** May the actor approve this ledger's submissions from a unit at `unitPath`? */
export async function canApprove(db: Tx, actor: Actor, ledger: Ledger, unitPath: string): Promise<boolean> {
  if (!hasPermission(actor.role, 'stats.approve') || !inScope(actor, unitPath)) return false
  if (ledger.ownerUnitId === null) return true
  const owner = await findById(db, ledger.ownerUnitId)
  return owner !== undefined && inScope(actor, owner.path)
}

/**
 * The unit rows are entered for: in scope (else 404) and allowed to submit this ledger. The
 * owning department's approvers may keep the ledger for any unit in their scope.
 */
export async function submittingUnit(
  db: Tx,
  actor: Actor,
  ledger: Ledger,
  unitId: number | undefined,
  field = 'orgUnitId',
): Promise<UnitRef> {
  const unit = await findById(db, unitId ?? actor.orgUnitId)
  if (!unit || unit.voided_at !== null || !inScope(actor, unit.path)) throw notFound()
  const restricted = ledger.submitterKinds.length > 0 || ledger.submitterUnitIds.length > 0
  const allowed =
    !restricted || ledger.submitterKinds.includes(unit.kind) || ledger.submitterUnitIds.includes(unit.id)
  if (!allowed && !(await canApprove(db, actor, ledger, unit.path)))
    throw badRequest('validation', {}, [
      { field, key: 'stats_unit_not_submitter', params: { unit: unit.name } },
    ])
  return { id: unit.id, name: unit.name, path: unit.path, kind: unit.kind }
}

/** The city a unit lies in (or, above city level, every city below it), for the in-city rule. */
export async function homeCityOf(db: Tx, unit: UnitRef): Promise<HomeCity> {
  const onPath = [...(await unitsByIds(db, pathIds(unit.path))).values()].filter((u) => u.kind === 'city')
  const cities = onPath.length ? onPath : (await liveUnitsUnder(db, unit.path, ['city'])).map((u) => u)
  const names: string[] = []
  const counties: string[] = []
  for (const c of cities) {
    names.push(c.name)
    for (const u of await liveUnitsUnder(db, c.path, ['county', 'city']))
      if (u.kind === 'county') counties.push(u.name)
      else if ('short_name' in u && typeof u.short_name === 'string') names.push(u.short_name)
  }
  return { names, counties }
}
