/**
 * A recurring duty's record per unit: each month's occurrence up to today (or the deadline),
 * whether the unit filed a progress note that month, and whether by the due day; completeness
 * and timeliness rates. The maths is domain/supervision/recurrence.ts.
 */
import { judge, occurrences, parseRule, rates } from '../../../domain/supervision/recurrence.js'
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { loadVisibleTask, taskUnits } from './access.js'
import { todayInChina } from './derive.js'
import { noteDatesByUnit } from './repository.js'

export async function taskOccurrences(ctx: Ctx, taskId: number) {
  authorize(ctx.actor, 'task.read')
  const task = await loadVisibleTask(ctx.db, ctx.actor, taskId, { allowVoided: true })
  const today = todayInChina(ctx.now())
  const rule = parseRule(task.recurrence)
  // The earlier of the deadline and today (ISO dates sort as text).
  const asOf = [task.deadline, today].sort()[0] ?? today
  if (!rule) return { taskId, recurrence: null, asOf, units: [] }
  const occ = occurrences(rule, task.starts_on, asOf)
  const notes = await noteDatesByUnit(ctx.db, taskId)
  const units = await taskUnits(ctx.db, taskId)
  return {
    taskId,
    recurrence: rule,
    asOf,
    units: units.map((u) => {
      const judged = judge(
        occ,
        notes.filter((n) => n.org_unit_id === u.org_unit_id).map((n) => n.on_date),
      )
      const r = rates(judged)
      return {
        unitId: u.org_unit_id,
        unit: u.name,
        role: u.role === 'lead' ? ('lead' as const) : ('co' as const),
        due: r.due,
        complete: r.complete,
        onTime: r.onTime,
        completenessRate: r.completeness,
        timelinessRate: r.timeliness,
        occurrences: judged.map((j) => ({
          month: j.month,
          dueOn: j.dueOn,
          complete: j.complete,
          onTime: j.onTime,
          noteOn: j.noteOn,
        })),
      }
    }),
  }
}
