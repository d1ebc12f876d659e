/** Which unit a figure is for: one the actor may see (404 otherwise), by id or code; default his own. */
import { type Period, parsePeriod } from '../../../domain/indicators/periods.js'
import type { Ctx } from '../../context.js'
import { AppError, badRequest, notFound } from '../../http/errors.js'
import { assertInScope } from '../../policies/authorize.js'
import type { Indicator } from './definition.js'
import { findIndicator } from './registry.js'
import { rootUnit, unitByCode, unitById } from './repository.js'

export async function unitFor(ctx: Ctx, ref: { orgUnitId?: number | undefined; org?: string | undefined }) {
  const unit =
    ref.orgUnitId !== undefined
      ? await unitById(ctx.db, ref.orgUnitId)
      : ref.org !== undefined
        ? ((await unitByCode(ctx.db, ref.org)) ??
          (/^\d+$/.test(ref.org) ? await unitById(ctx.db, Number(ref.org)) : undefined))
        : ctx.actor.orgUnitId
          ? await unitById(ctx.db, ctx.actor.orgUnitId)
          : await rootUnit(ctx.db) // the command line's system actor: the whole tree
  if (!unit) throw notFound()
  assertInScope(ctx.actor, unit.path)
  return { ...unit, id: Number(unit.id) }
}

export function periodFrom(text: string, field = 'period'): Period {
  const p = parsePeriod(text)
  if (!p)
    throw badRequest('validation', {}, [
      { field, key: 'indicator_period_invalid', params: { value: text.slice(0, 40) } },
    ])
  return p
}

export async function indicatorOr404(ctx: Ctx, key: string): Promise<Indicator> {
  const ind = await findIndicator(ctx.db, key)
  if (!ind) throw new AppError(404, 'indicator_unknown', { key: key.slice(0, 80) })
  return ind
}
