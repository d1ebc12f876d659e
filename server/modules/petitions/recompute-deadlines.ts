/**
 * When the calendar changes (a late State Council notice, an admin correction), every open
 * deadline that could fall on or after the changed day is recomputed in the same transaction.
 * A deadline moves only by such a correction; the timeline says so.
 */
import type { Status } from '../../../domain/petitions/lifecycle.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { listLiveOverrides } from '../calendar/repository.js'
import { buildCalendar } from '../calendar/work-calendar.js'
import { derived } from './derive.js'
import { insertEvent, listOpenCasesForRecompute, updateCaseDerived } from './repository.js'

export async function recomputeOpenDeadlines(trx: Tx, ctx: Ctx, change: { from: string }): Promise<number> {
  // Read the overrides through this transaction: the change is not committed yet.
  const cal = buildCalendar(await listLiveOverrides(trx))
  // A due date at most ~100 days after the change can move (60 + 30 days and the rest-day rule);
  // earlier ones cannot, so start from a little before the changed day.
  const from = new Date(Date.parse(change.from) - 100 * 86_400_000).toISOString().slice(0, 10)
  let moved = 0
  for (const row of await listOpenCasesForRecompute(trx, from)) {
    const next = derived(cal, row.status as Status, row)
    if (
      next.current_due === row.current_due &&
      next.notice_due === row.notice_due &&
      next.handling_due === row.handling_due
    )
      continue
    await updateCaseDerived(trx, row.id, next)
    await insertEvent(trx, {
      case_id: row.id,
      at: nowIso(ctx),
      on_date: nowIso(ctx).slice(0, 10),
      action: 'deadline_recomputed',
      actor_id: ctx.actor.id || null,
      actor_name: ctx.actor.displayName,
      detail_json: JSON.stringify({ from: row.current_due, to: next.current_due, calendarDay: change.from }),
    })
    moved++
  }
  return moved
}
