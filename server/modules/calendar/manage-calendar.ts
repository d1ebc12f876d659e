/** Reading the calendar of a year, and admin corrections (which recompute open deadlines). */
import { isIsoDate } from '../../../domain/calendar/calendar.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { publish } from '../../events.js'
import { fieldError, notFound } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import {
  findLiveOverride,
  findOverride,
  insertOverride,
  listLiveOverrides,
  voidOverride,
} from './repository.js'
import type { CalendarDay, OverrideBody } from './schema.js'
import { builtinDays, forgetCalendar } from './work-calendar.js'

export async function readCalendar(ctx: Ctx, year: number) {
  const d = builtinDays()
  const prefix = `${year}-`
  const days = new Map<string, CalendarDay>()
  const add = (src: Record<string, string>, kind: 'holiday' | 'workday') => {
    for (const [date, raw] of Object.entries(src)) {
      if (date.startsWith(prefix))
        days.set(date, { date, kind, name: raw.split(',')[1] ?? null, source: 'builtin', overrideId: null })
    }
  }
  add(d.holidays, 'holiday')
  add(d.workdays, 'workday')
  const published = days.size > 0
  for (const o of await listLiveOverrides(ctx.db)) {
    if (o.date.startsWith(prefix))
      days.set(o.date, { date: o.date, kind: o.kind, name: o.name, source: 'override', overrideId: o.id })
  }
  return { year, published, days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) }
}

export async function putOverride(ctx: Ctx, input: OverrideBody) {
  authorize(ctx.actor, 'calendar.write')
  if (!isIsoDate(input.date)) throw fieldError('date', 'date')
  await ctx.db.transaction().execute(async (trx) => {
    const at = nowIso(ctx)
    const old = await findLiveOverride(trx, input.date)
    if (old) await voidOverride(trx, old.id, at, 'replaced')
    const id = await insertOverride(trx, {
      date: input.date,
      kind: input.kind,
      name: input.name ?? null,
      created_by: ctx.actor.id,
      created_at: at,
      voided_at: null,
      void_reason: null,
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'calendar.override',
      entity: 'calendar_override',
      entityId: id,
      before: old ? { date: old.date, kind: old.kind, name: old.name } : null,
      after: { date: input.date, kind: input.kind, name: input.name ?? null },
    })
    await publish(trx, ctx, 'calendar.changed', { from: input.date, to: input.date })
  })
  forgetCalendar(ctx.db)
  return readCalendar(ctx, Number(input.date.slice(0, 4)))
}

export async function removeOverride(ctx: Ctx, id: number, reason: string) {
  authorize(ctx.actor, 'calendar.write')
  const date = await ctx.db.transaction().execute(async (trx) => {
    const row = await findOverride(trx, id)
    if (!row || row.voided_at) throw notFound()
    await voidOverride(trx, id, nowIso(ctx), reason)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'calendar.void',
      entity: 'calendar_override',
      entityId: id,
      before: { date: row.date, kind: row.kind, name: row.name },
      after: null,
    })
    await publish(trx, ctx, 'calendar.changed', { from: row.date, to: row.date })
    return row.date
  })
  forgetCalendar(ctx.db)
  return readCalendar(ctx, Number(date.slice(0, 4)))
}
