/**
 * What stands behind a figure, as a list of names a report can loop over: the labs counted by
 * an aggregate (its rows' values in a column), or what a module lists for its own indicator (the
 * counties whose coefficient rose). Distinct values, in the ledger's order, at most `limit`.
 */
import type { Period } from '../../../domain/indicators/periods.js'
import type { Services, Tx } from '../../context.js'
import { aggregateLedgerBy } from '../statistics/aggregate.js'
import type { Indicator } from './definition.js'
import type { Unit } from './evaluate.js'
import { providerOf } from './provider.js'

export async function indicatorItems(
  s: Services & { db: Tx },
  ind: Indicator,
  period: Period,
  unit: Unit,
  column: string | undefined,
  limit = 200,
): Promise<string[] | undefined> {
  const d = ind.definition
  if (d?.kind === 'aggregate') {
    // Grouping by a column gives each distinct value once; without a column, the units (`org`).
    const groups = await aggregateLedgerBy(
      s.db,
      { ...d.aggregate, from: period.from, to: period.to, scopePath: unit.path },
      column ?? 'org',
    )
    return groups
      .filter((g) => g.rows > 0 && g.label !== '')
      .map((g) => g.label)
      .slice(0, limit)
  }
  if (d) return undefined
  const p = providerOf(ind.key)
  const items = await p?.items?.(s, ind.key, {
    from: period.from,
    to: period.to,
    orgUnitId: unit.id,
    scopePath: unit.path,
  })
  return items?.slice(0, limit)
}
