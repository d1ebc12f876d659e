/**
 * Computing an indicator for a period and an org subtree, with a cache that is never stale: each
 * value is stored with the figure sources' version (a counter every committed write to a source
 * table moves, in commit order: migration 0020) and the time its source says its data last changed;
 * either moving makes it recompute. The time alone was not enough: writers commit out of the order
 * they took their times in, and two writes can share a millisecond. A value whose period runs
 * into today also depends on the day (open cases "as of" today), so today is part of its key.
 */
import type { Period } from '../../../domain/indicators/periods.js'
import { type Services, type Tx, todayInChina } from '../../context.js'
import { badRequest } from '../../http/errors.js'
import { aggregateLedger, ledgerChangedAt } from '../statistics/aggregate.js'
import type { Indicator } from './definition.js'
import { providerOf } from './provider.js'
import { findIndicator } from './registry.js'
import {
  ancestorsOf,
  cacheGet,
  cachePut,
  figureSourcesVersion,
  latestPeriodChange,
  periodRows,
} from './repository.js'
import { forgetSharedBefore } from './shared-compute.js'

export interface Unit {
  id: number
  path: string
}

export interface Figure {
  key: string
  value: number | null
  /** When the data behind the value last changed (null: never, or unknown to its source). */
  changedAt: string | null
  /** Records the value was computed from, when the source counts them. */
  rows: number | null
  computedAt: string
  cached: boolean
}

type S = Services & { db: Tx }
const MAX_DEPTH = 8

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b)

async function sourceChangedAt(s: S, ind: Indicator, depth: number): Promise<string | null> {
  if (depth > MAX_DEPTH) throw badRequest('indicator_cycle', { key: ind.key })
  const d = ind.definition
  if (!d) return (await providerOf(ind.key)?.changedAt(s)) ?? null
  if (d.kind === 'aggregate') return ledgerChangedAt(s.db, d.aggregate.ledger)
  if (d.kind === 'manual') return latestPeriodChange(s.db, 'indicator_values', ind.key)
  let at: string | null = null
  for (const key of d.expression.of) {
    const child = await findIndicator(s.db, key)
    if (child) at = later(at, await sourceChangedAt(s, child, depth + 1))
  }
  return at
}

async function compute(
  s: S,
  ind: Indicator,
  period: Period,
  unit: Unit,
  depth: number,
): Promise<Omit<Figure, 'computedAt' | 'cached' | 'key'>> {
  const d = ind.definition
  if (!d) {
    const provider = providerOf(ind.key)
    if (!provider) return { value: null, changedAt: null, rows: null }
    const r = await provider.compute(s, ind.key, {
      from: period.from,
      to: period.to,
      orgUnitId: unit.id,
      scopePath: unit.path,
    })
    return { value: r.value, changedAt: r.changedAt, rows: r.rows ?? null }
  }
  if (d.kind === 'aggregate') {
    const r = await aggregateLedger(s.db, {
      ...d.aggregate,
      from: period.from,
      to: period.to,
      scopePath: unit.path,
    })
    return { value: r.value, changedAt: await ledgerChangedAt(s.db, d.aggregate.ledger), rows: r.rows }
  }
  if (d.kind === 'manual') {
    // The unit's own value, else (inherit) the nearest ancestor's: a benchmark entered at the top.
    const ids = d.manual.inherit ? ancestorsOf(unit.path) : [unit.id]
    const rows = await periodRows(s.db, 'indicator_values', ind.key, period.from, period.to, ids)
    const best = ids.map((id) => rows.find((r) => r.org_unit_id === id)).find(Boolean)
    return {
      value: best ? Number(best.value) : null,
      changedAt: best?.updated_at ?? null,
      rows: best ? 1 : 0,
    }
  }
  const parts: Figure[] = []
  for (const key of d.expression.of) {
    const child = await findIndicator(s.db, key)
    if (!child) throw badRequest('indicator_unknown', { key })
    parts.push(await evaluateIndicator(s, child, period, unit, depth + 1))
  }
  const values = parts.map((p) => p.value)
  const changedAt = parts.reduce<string | null>((at, p) => later(at, p.changedAt), null)
  let value: number | null = null
  if (values.every((v): v is number => v !== null)) {
    const [a = 0, b = 0] = values
    if (d.expression.op === 'sum') value = values.reduce((x, y) => x + y, 0)
    else if (d.expression.op === 'difference') value = a - b
    else value = b === 0 ? null : (a / b) * (d.expression.factor ?? 100)
  }
  return { value, changedAt, rows: null }
}

/** One indicator for one period and subtree; cached as described above. */
export async function evaluateIndicator(
  s: S,
  ind: Indicator,
  period: Period,
  unit: Unit,
  depth = 0,
): Promise<Figure> {
  if (depth > MAX_DEPTH) throw badRequest('indicator_cycle', { key: ind.key })
  const today = todayInChina(s.now())
  const live = period.to >= today ? `|${today}` : ''
  const cacheKey = `${ind.key}@${ind.version ?? 0}|${period.from}|${period.to}|${unit.id}${live}`
  // The version first: whatever is computed after it is at least as new as what it names.
  const version = await figureSourcesVersion(s.db)
  forgetSharedBefore(version)
  const changedAt = await sourceChangedAt(s, ind, depth)
  const hit = await cacheGet(s.db, cacheKey)
  if (hit && hit.sources_version === version && hit.changed_at === changedAt) {
    return {
      key: ind.key,
      value: hit.value === null ? null : Number(hit.value),
      changedAt,
      rows: hit.row_count === null ? null : Number(hit.row_count),
      computedAt: hit.computed_at,
      cached: true,
    }
  }
  const r = await compute(s, ind, period, unit, depth)
  const computedAt = s.now().toISOString()
  // The source's own "last change" is what the next request compares with, even when the value's
  // rows changed earlier than the source as a whole.
  await cachePut(s.db, {
    cache_key: cacheKey,
    value: r.value,
    row_count: r.rows,
    changed_at: changedAt,
    computed_at: computedAt,
    sources_version: version,
  })
  return {
    key: ind.key,
    value: r.value,
    changedAt: changedAt ?? r.changedAt,
    rows: r.rows,
    computedAt,
    cached: false,
  }
}
