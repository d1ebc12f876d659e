/**
 * Preschool figures per year for the scope, each city and each county in it: coverage (普惠率),
 * public share and new inclusive places, from the kindergarten enrolment rows.
 */
import { type KindergartenYear, preschoolTotals } from '../../../domain/balance/preschool.js'
import type { Ctx, Tx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { findById } from '../org/repository.js'
import { filterPath, thisYear } from './access.js'
import { enrolmentsOfYear } from './kindergarten-repository.js'
import { regionsUnder } from './repository.js'
import type { PreschoolFigures } from './schema.js'

/** The figures of a subtree for a year, the unit's own and each city's and county's in it. */
export async function preschoolOf(db: Tx, scopePath: string, year: number) {
  const rows = await enrolmentsOfYear(db, scopePath, year)
  const input = rows.map((r): KindergartenYear & { path: string } => ({
    path: r.unit_path,
    ownership: r.unit_ownership === 'public' || r.unit_ownership === 'private' ? r.unit_ownership : null,
    inclusive: r.unit_inclusive === 1,
    children: r.children,
    newInclusivePlaces: r.new_inclusive_places,
  }))
  const regions = await regionsUnder(db, scopePath)
  return {
    rows: input.length,
    total: preschoolTotals(input),
    regions: regions.map((u) => ({
      unit: u,
      figures: preschoolTotals(input.filter((r) => r.path.startsWith(u.path))),
    })),
  }
}

export async function preschoolFigures(
  ctx: Ctx,
  q: { year?: number | undefined; orgUnitId?: number | undefined },
): Promise<{ year: number; total: PreschoolFigures; units: PreschoolFigures[] }> {
  authorize(ctx.actor, 'balance.read')
  const scopePath = await filterPath(ctx.db, ctx.actor, q.orgUnitId)
  const year = q.year ?? thisYear(ctx.now)
  // The scope's root unit (a department's scope is its bureau's region, not the department).
  const root = q.orgUnitId ?? Number(scopePath.split('/').filter(Boolean).at(-1))
  const unit = await findById(ctx.db, root)
  const { total, regions } = await preschoolOf(ctx.db, scopePath, year)
  return {
    year,
    total: { orgUnitId: unit?.id ?? 0, name: unit?.name ?? '', kind: unit?.kind ?? '', ...total },
    units: regions
      .filter((r) => r.unit.path !== scopePath)
      .map((r) => ({ orgUnitId: r.unit.id, name: r.unit.name, kind: r.unit.kind, ...r.figures })),
  }
}
