/**
 * The pivot view (指标 × 单位 × 期间) and its .xlsx export. Cells are computed through the cache,
 * so a pivot of figures already seen is cheap; its size is bounded so that one request cannot
 * ask for a province's every school for ten years.
 */
import type { Period } from '../../../domain/indicators/periods.js'
import type { Ctx } from '../../context.js'
import { badRequest } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { type WriteColumn, writeXlsx } from '../../spreadsheet/write.js'
import type { Indicator } from './definition.js'
import { evaluateIndicator } from './evaluate.js'
import { childUnits } from './repository.js'
import { indicatorOr404, periodFrom, unitFor } from './scope.js'

export const MAX_PIVOT_CELLS = 2_000

export interface PivotQuery {
  keys: string[]
  periods: string[]
  /** Units: these ids; or the children of `parentId`; or the actor's own unit. */
  orgUnitIds?: number[] | undefined
  parentId?: number | undefined
}

export async function pivot(ctx: Ctx, q: PivotQuery) {
  authorize(ctx.actor, 'indicator.read')
  const indicators: Indicator[] = []
  for (const key of q.keys) indicators.push(await indicatorOr404(ctx, key))
  const periods: Period[] = q.periods.map((p, i) => periodFrom(p, `periods.${i}`))
  const units = q.orgUnitIds?.length
    ? await Promise.all(q.orgUnitIds.map((id) => unitFor(ctx, { orgUnitId: id })))
    : q.parentId !== undefined
      ? (await childUnits(ctx.db, (await unitFor(ctx, { orgUnitId: q.parentId })).id)).map((u) => ({
          ...u,
          id: Number(u.id),
        }))
      : [await unitFor(ctx, {})]
  const cells = indicators.length * periods.length * units.length
  if (cells > MAX_PIVOT_CELLS)
    throw badRequest('validation', {}, [
      { field: 'keys', key: 'indicator_pivot_too_big', params: { cells, max: MAX_PIVOT_CELLS } },
    ])
  const rows = []
  for (const unit of units)
    for (const period of periods) {
      const values: Record<string, number | null> = {}
      for (const ind of indicators) values[ind.key] = (await evaluateIndicator(ctx, ind, period, unit)).value
      rows.push({ unit: { id: unit.id, name: unit.name, code: unit.code }, period: period.label, values })
    }
  return {
    indicators: indicators.map((i) => ({ key: i.key, zh: i.zh, en: i.en, unit: i.unit, unitZh: i.unitZh })),
    periods: periods.map((p) => p.label),
    rows,
  }
}

/** Money is shown in 万元 in the sheet, as bureaus read it; the header says so. */
export async function exportPivot(ctx: Ctx, q: PivotQuery): Promise<Buffer> {
  const p = await pivot(ctx, q)
  const FORMAT: Record<string, string> = { fen: '#,##0.00', percent: '0.0', coefficient: '0.000' }
  const columns: WriteColumn[] = [
    { header: '单位', key: 'unit', width: 24 },
    { header: '期间', key: 'period', width: 14 },
    ...p.indicators.map((i) => {
      const numFmt = FORMAT[i.unit]
      return {
        header: `${i.zh}（${i.unit === 'fen' ? '万元' : i.unit === 'percent' ? '%' : i.unitZh}）`,
        key: i.key,
        ...(numFmt ? { numFmt } : {}),
      }
    }),
  ]
  const rows = p.rows.map((r) => {
    const out: Record<string, unknown> = { unit: r.unit.name, period: r.period }
    for (const i of p.indicators) {
      const v = r.values[i.key]
      out[i.key] = v === null || v === undefined ? null : i.unit === 'fen' ? v / 1_000_000 : v
    }
    return out
  })
  return writeXlsx([{ name: '指标透视', columns, rows }])
}
