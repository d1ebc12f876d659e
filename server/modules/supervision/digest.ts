/**
 * The signed-in user's in-app digest (今日提醒): in his scope, tasks starting today, due today,
 * overdue and due soon; for leaders, extension requests waiting for a decision.
 */
import { addDays } from '../../../domain/calendar/calendar.js'
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { todayInChina } from './derive.js'
import { presentExtension } from './present.js'
import { allTasks } from './read-tasks.js'
import { countPendingExtensions, countTasks, listExtensionRows, type TaskFilter } from './repository.js'
import { loadSettings } from './settings.js'

/** Each list shows the first ones; the counts are complete. */
const SHOWN = 50

export async function digest(ctx: Ctx) {
  authorize(ctx.actor, 'task.read')
  const s = await loadSettings(ctx.db)
  const today = todayInChina(ctx.now())
  const lists: Record<'startingToday' | 'dueToday' | 'overdue' | 'dueSoon', TaskFilter> = {
    startingToday: { open: true, startsOn: today },
    dueToday: { open: true, deadlineBetween: [today, today] },
    overdue: { open: true, deadlineBefore: today },
    dueSoon: { open: true, deadlineBetween: [addDays(today, 1), addDays(today, s.dueSoonDays)] },
  }
  const out: Record<string, unknown> = { today }
  const counts: Record<string, number> = {}
  for (const [key, f] of Object.entries(lists)) {
    out[key] = await allTasks(ctx.db, ctx.dialect, ctx.actor, f, today, s, SHOWN)
    counts[key] = await countTasks(ctx.db, ctx.dialect, ctx.actor, f)
  }
  const approver = hasPermission(ctx.actor.role, 'task.approve')
  out.pendingExtensions = approver
    ? (await listExtensionRows(ctx.db, ctx.actor, 'pending', SHOWN)).map(presentExtension)
    : []
  counts.pendingExtensions = approver ? await countPendingExtensions(ctx.db, ctx.actor) : 0
  return { ...out, counts } as {
    today: string
    startingToday: Awaited<ReturnType<typeof allTasks>>
    dueToday: Awaited<ReturnType<typeof allTasks>>
    overdue: Awaited<ReturnType<typeof allTasks>>
    dueSoon: Awaited<ReturnType<typeof allTasks>>
    pendingExtensions: ReturnType<typeof presentExtension>[]
    counts: {
      startingToday: number
      dueToday: number
      overdue: number
      dueSoon: number
      pendingExtensions: number
    }
  }
}
