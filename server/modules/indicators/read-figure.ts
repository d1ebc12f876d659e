/**
 * One indicator for one period and unit, as a report or a dashboard card asks for it: the value,
 * when its data last changed, the comparisons asked for (同比 `yoy`, 环比 `prev`), the target and
 * how far it has come, and optionally a trail of earlier periods for a sparkline.
 */
import { type Comparison, compare } from '../../../domain/indicators/compare.js'
import { type Period, previousPeriod, sameLastYear } from '../../../domain/indicators/periods.js'
import { type TargetStatus, targetStatus } from '../../../domain/indicators/targets.js'
import { type Ctx, todayInChina } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import type { Indicator } from './definition.js'
import { evaluateIndicator, type Figure, type Unit } from './evaluate.js'
import { ancestorsOf, periodRows } from './repository.js'
import { indicatorOr404, periodFrom, unitFor } from './scope.js'

export interface FigureRequest {
  key: string
  period: string
  orgUnitId?: number | undefined
  org?: string | undefined
  compare?: ('yoy' | 'prev')[] | undefined
  /** How many earlier periods of the same kind to add (a sparkline), 0–24. */
  trail?: number | undefined
}

const DECIMALS: Record<string, number> = {
  count: 0,
  people: 0,
  fen: 0,
  percent: 1,
  coefficient: 3,
  number: 2,
}

export interface Compared {
  period: Period
  figure: Figure
  comparison: Comparison
}

/** The target set for the unit (or, failing that, its nearest ancestor) and period, with its status. */
export async function targetFor(ctx: Ctx, ind: Indicator, period: Period, unit: Unit, value: number | null) {
  const ids = ancestorsOf(unit.path)
  const rows = await periodRows(ctx.db, 'indicator_targets', ind.key, period.from, period.to, ids)
  const row = ids.map((id) => rows.find((r) => r.org_unit_id === id)).find(Boolean)
  if (!row) return null
  const today = todayInChina(ctx.now())
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as text (Math.min would give NaN)
  const asOf = today < period.to ? today : period.to
  const status: TargetStatus = targetStatus(
    value,
    Number(row.target),
    row.better === 'lower' ? 'lower' : 'higher',
    asOf,
    period.to,
    row.yellow_from === null ? {} : { yellowFrom: Number(row.yellow_from) },
  )
  return {
    ...status,
    orgUnitId: Number(row.org_unit_id),
    inherited: Number(row.org_unit_id) !== unit.id,
    better: row.better,
  }
}

export async function readFigure(ctx: Ctx, req: FigureRequest) {
  authorize(ctx.actor, 'indicator.read')
  const ind = await indicatorOr404(ctx, req.key)
  const period = periodFrom(req.period)
  const unit = await unitFor(ctx, req)
  const figure = await evaluateIndicator(ctx, ind, period, unit)
  const decimals = DECIMALS[ind.unit] ?? 2
  const comparisons: Partial<Record<'yoy' | 'prev', Compared>> = {}
  for (const c of new Set(req.compare ?? [])) {
    const other = c === 'yoy' ? sameLastYear(period) : previousPeriod(period)
    const f = await evaluateIndicator(ctx, ind, other, unit)
    comparisons[c] = { period: other, figure: f, comparison: compare(figure.value, f.value, decimals) }
  }
  const trail: { period: Period; value: number | null }[] = []
  let p = period
  for (let i = 0; i < Math.min(req.trail ?? 0, 24); i++) {
    p = previousPeriod(p)
    trail.unshift({ period: p, value: (await evaluateIndicator(ctx, ind, p, unit)).value })
  }
  return {
    indicator: ind,
    period,
    unit: { id: unit.id, name: unit.name, code: unit.code, kind: unit.kind },
    figure,
    comparisons,
    target: await targetFor(ctx, ind, period, unit, figure.value),
    trail,
  }
}
