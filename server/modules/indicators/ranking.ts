/**
 * A ranking of units by an indicator (县区排名): the units directly under a parent (by default the
 * actor's own unit), each with its value, rank (shared on ties, see domain/indicators/targets) and
 * target light.
 */
import { rank } from '../../../domain/indicators/targets.js'
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { evaluateIndicator } from './evaluate.js'
import { targetFor } from './read-figure.js'
import { childUnits } from './repository.js'
import { indicatorOr404, periodFrom, unitFor } from './scope.js'

export async function rankUnits(
  ctx: Ctx,
  q: { key: string; period: string; parentId?: number | undefined; kinds?: string[] | undefined },
) {
  authorize(ctx.actor, 'indicator.read')
  const ind = await indicatorOr404(ctx, q.key)
  const period = periodFrom(q.period)
  const parent = await unitFor(ctx, { orgUnitId: q.parentId })
  const units = await childUnits(ctx.db, parent.id, q.kinds)
  const rows = []
  for (const u of units) {
    const unit = { ...u, id: Number(u.id) }
    const f = await evaluateIndicator(ctx, ind, period, unit)
    rows.push({
      item: { unit, figure: f, target: await targetFor(ctx, ind, period, unit, f.value) },
      value: f.value,
    })
  }
  const better = ind.better ?? 'higher'
  return {
    indicator: ind,
    period,
    parent: { id: parent.id, name: parent.name },
    better,
    items: rank(rows, better).map((r) => ({
      rank: r.rank,
      unit: { id: r.item.unit.id, name: r.item.unit.name, code: r.item.unit.code, kind: r.item.unit.kind },
      value: r.value,
      changedAt: r.item.figure.changedAt,
      target: r.item.target,
    })),
  }
}
