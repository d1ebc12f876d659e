/**
 * Completeness and timeliness of a ledger for one period: which expected units have an approved
 * submission, and whether each was first submitted by the due date. Expected units are those the
 * definition names (org kinds, explicit units) inside the scope; a ledger open to every unit
 * expects the units that have ever submitted it (a whole province's schools would be noise).
 */
import { dueDateOf, onTime, periodFromLabel } from '../../../domain/statistics/periods.js'
import type { Ctx, Tx } from '../../context.js'
import { badRequest, notFound } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { loadLedger } from './access.js'
import { liveUnitsUnder, submissionsOfPeriod, submittingUnitsEver, unitsByIds } from './repository.js'
import type { CompletenessView } from './schema.js'

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 1000) / 10)

/** For the indicator registry as well as the route: scope by materialised path. */
export async function ledgerCompleteness(
  db: Tx,
  key: string,
  periodLabel: string,
  scopePath: string,
): Promise<CompletenessView> {
  const ledger = await loadLedger(db, key, { allowVoided: true })
  const period = periodFromLabel(ledger.periodKind, periodLabel)
  if (!period)
    throw badRequest('validation', {}, [
      { field: 'period', key: 'stats_period_required', params: { kind: ledger.periodKind } },
    ])
  const due = dueDateOf(period, ledger.dueDays)
  let expected: { id: number; name: string }[]
  if (ledger.submitterKinds.length || ledger.submitterUnitIds.length) {
    const byKind = ledger.submitterKinds.length
      ? await liveUnitsUnder(db, scopePath, ledger.submitterKinds)
      : []
    const explicit = [...(await unitsByIds(db, ledger.submitterUnitIds)).values()].filter((u) =>
      u.path.startsWith(scopePath),
    )
    const all = new Map([...byKind, ...explicit].map((u) => [u.id, { id: u.id, name: u.name }]))
    expected = [...all.values()]
  } else {
    const ids = await submittingUnitsEver(db, ledger.id, scopePath)
    expected = [...(await unitsByIds(db, ids)).values()].map((u) => ({ id: u.id, name: u.name }))
  }
  const subs = new Map(
    (await submissionsOfPeriod(db, ledger.id, period.label, scopePath)).map((s) => [s.org_unit_id, s]),
  )
  const units = expected.map((u) => {
    const s = subs.get(u.id)
    return {
      orgUnitId: u.id,
      name: u.name,
      status: s?.status ?? 'missing',
      firstSubmittedOn: s?.first_submitted_on ?? null,
      onTime: s ? onTime(s.first_submitted_on, due) : null,
    }
  })
  const approved = units.filter((u) => u.status === 'approved').length
  const timely = units.filter((u) => u.status === 'approved' && u.onTime === true).length
  return {
    ledger: ledger.key,
    period: period.label,
    dueOn: due,
    expected: units.length,
    approved,
    onTime: timely,
    completeness: pct(approved, units.length),
    timeliness: pct(timely, units.length),
    units,
  }
}

export async function completeness(
  ctx: Ctx,
  key: string,
  q: { period: string; orgUnitId?: number | undefined },
) {
  authorize(ctx.actor, 'stats.read')
  let path = ctx.actor.scopePath
  if (q.orgUnitId !== undefined) {
    const u = (await unitsByIds(ctx.db, [q.orgUnitId])).get(q.orgUnitId)
    if (!u || !inScope(ctx.actor, u.path)) throw notFound()
    path = u.path
  }
  return ledgerCompleteness(ctx.db, key, q.period, path)
}
