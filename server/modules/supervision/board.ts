/**
 * The supervision board (督办台): open tasks past or near their deadline, grouped by lead unit and
 * by responsible leader, each group with its worst delay and the escalation that delay calls for.
 */
import { addDays } from '../../../domain/calendar/calendar.js'
import { escalationLevel } from '../../../domain/supervision/due.js'
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { findById } from '../org/repository.js'
import { todayInChina } from './derive.js'
import { allTasks } from './read-tasks.js'
import type { TaskSummary } from './schema.js'
import { loadSettings, thresholdsOf } from './settings.js'

const LIMIT = 20_000

function group<K>(tasks: TaskSummary[], keyOf: (t: TaskSummary) => K) {
  const m = new Map<K, TaskSummary[]>()
  for (const t of tasks) m.set(keyOf(t), [...(m.get(keyOf(t)) ?? []), t])
  return m
}

export async function supervisionBoard(
  ctx: Ctx,
  q: { campaignId?: number | undefined; unitId?: number | undefined },
) {
  authorize(ctx.actor, 'task.read')
  const s = await loadSettings(ctx.db)
  const today = todayInChina(ctx.now())
  const th = thresholdsOf(s)
  const unit = q.unitId ? await findById(ctx.db, q.unitId) : undefined
  const tasks = await allTasks(
    ctx.db,
    ctx.dialect,
    ctx.actor,
    {
      campaignId: q.campaignId,
      open: true,
      // Past the deadline, or within the warning window.
      deadlineBefore: addDays(today, s.dueSoonDays + 1),
      ...(q.unitId ? { unitPath: unit?.path ?? '/nowhere/' } : {}),
    },
    today,
    s,
    LIMIT,
  )
  const summarise = (list: TaskSummary[]) => {
    const maxDaysOverdue = list.reduce((m, t) => Math.max(m, t.daysOverdue), 0)
    return {
      overdue: list.filter((t) => t.dueState === 'overdue').length,
      dueSoon: list.filter((t) => t.dueState === 'due_soon').length,
      maxDaysOverdue,
      escalation: escalationLevel(maxDaysOverdue, th),
      // Most overdue first.
      tasks: [...list].sort(
        (a, b) => b.daysOverdue - a.daysOverdue || a.deadline.localeCompare(b.deadline) || a.id - b.id,
      ),
    }
  }
  const order = (
    a: { maxDaysOverdue: number; overdue: number },
    b: { maxDaysOverdue: number; overdue: number },
  ) => b.overdue - a.overdue || b.maxDaysOverdue - a.maxDaysOverdue
  const byUnit = [...group(tasks, (t) => t.leadUnitId)].map(([unitId, list]) => ({
    unitId,
    unit: list[0]?.leadUnit ?? '',
    ...summarise(list),
  }))
  const byLeader = [...group(tasks, (t) => t.leader ?? '')].map(([leader, list]) => ({
    leader: leader || '（未指定）',
    ...summarise(list),
  }))
  return {
    today,
    dueSoonDays: s.dueSoonDays,
    thresholds: th,
    byUnit: byUnit.sort((a, b) => order(a, b) || a.unit.localeCompare(b.unit)),
    byLeader: byLeader.sort((a, b) => order(a, b) || a.leader.localeCompare(b.leader)),
  }
}
