/**
 * The named figures of supervision, for reports ("围绕*个方面制定**项重点工作任务…按期完成率**%"),
 * over the tasks the user sees, optionally of one campaign:
 *
 * - tasks: live top-level key tasks (项重点工作任务), whatever their status (a cancelled task was
 *   still set); sub-tasks are parts of a task and are counted apart (subTasks). Every other figure
 *   counts top-level tasks too.
 * - aspects: the campaign's live aspects (个方面); without a campaign, the aspects the tasks fall
 *   under. aspectsWithTasks: aspects having at least one task.
 * - byStatus, byAspect (in the campaign's order), byUnit (lead unit: tasks, done, overdue).
 * - done = doneOnTime + doneLate, against the deadline in force (an approved extension counts).
 * - dueByToday: tasks that should be finished by today (done, or open past the deadline),
 *   cancelled left out. onTimeCompletionRate (按期完成率) = doneOnTime / dueByToday, null when 0:
 *   an open overdue task counts against the rate as much as a late one.
 * - overdueNow, dueSoon: open tasks past the deadline / within the warning window today.
 * - overdueTrend: overdue top-level tasks at the end of each of the last 13 weeks, the deadline in
 *   force on each day rebuilt from the timeline's deadline moves (domain/supervision/trend.ts).
 */
import { dueOf } from '../../../domain/supervision/due.js'
import { type DeadlineMove, overdueTrend, trendDays } from '../../../domain/supervision/trend.js'
import type { TaskStatus } from '../../../domain/supervision/workflow.js'
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { loadVisibleCampaign } from './campaigns.js'
import { todayInChina } from './derive.js'
import { deadlineMoveRows, figureRows, listAspects } from './repository.js'
import type { FiguresView } from './schema.js'
import { loadSettings } from './settings.js'

/** A quarter of weekly points: enough to see a campaign's backlog grow or shrink. */
const TREND_WEEKS = 13

export async function supervisionFigures(
  ctx: Ctx,
  q: { campaignId?: number | undefined },
): Promise<FiguresView> {
  authorize(ctx.actor, 'task.read')
  const campaign = q.campaignId ? await loadVisibleCampaign(ctx.db, ctx.actor, q.campaignId) : null
  const s = await loadSettings(ctx.db)
  const today = todayInChina(ctx.now())
  const rows = await figureRows(ctx.db, ctx.actor, campaign?.id)
  const top = rows.filter((r) => r.parent_id === null)

  const byStatus = { not_started: 0, in_progress: 0, done: 0, cancelled: 0 }
  const aspects = new Map<number, { label: string; order: number; value: number }>()
  if (campaign)
    for (const a of await listAspects(ctx.db, [campaign.id]))
      aspects.set(a.id, { label: a.name, order: a.sort_order, value: 0 })
  const units = new Map<number, { label: string; value: number; done: number; overdue: number }>()
  let doneOnTime = 0
  let doneLate = 0
  let dueByToday = 0
  let overdueNow = 0
  let dueSoon = 0
  for (const r of top) {
    const status = r.status as TaskStatus
    byStatus[status] = (byStatus[status] ?? 0) + 1
    const a = aspects.get(r.aspect_id) ?? { label: r.aspect_name, order: r.aspect_order, value: 0 }
    a.value++
    aspects.set(r.aspect_id, a)
    const u = units.get(r.lead_unit_id) ?? { label: r.unit_name, value: 0, done: 0, overdue: 0 }
    u.value++
    const due = dueOf({ status, deadline: r.deadline, doneOn: r.done_on }, today, s.dueSoonDays)
    if (due.state === 'done') doneOnTime++
    if (due.state === 'done_late') doneLate++
    if (due.state === 'done' || due.state === 'done_late') {
      u.done++
      dueByToday++
    }
    if (due.state === 'overdue') {
      overdueNow++
      dueByToday++
      u.overdue++
    }
    if (due.state === 'due_soon') dueSoon++
    units.set(r.lead_unit_id, u)
  }
  const moves = new Map<number, DeadlineMove[]>()
  for (const m of await deadlineMoveRows(ctx.db, ctx.actor, campaign?.id)) {
    const from = (JSON.parse(m.detail_json) as { from?: unknown }).from
    if (typeof from === 'string')
      moves.set(m.task_id, [...(moves.get(m.task_id) ?? []), { on: m.on_date, from }])
  }
  const trend = overdueTrend(
    top.map((r) => ({
      status: r.status as TaskStatus,
      startsOn: r.starts_on,
      deadline: r.deadline,
      doneOn: r.done_on,
      moves: moves.get(r.id) ?? [],
    })),
    trendDays(today, TREND_WEEKS, 7),
  )
  const byAspect = [...aspects]
    .sort(([ia, a], [ib, b]) => a.order - b.order || ia - ib)
    .map(([id, a]) => ({ key: String(id), label: a.label, value: a.value }))
  return {
    campaignId: campaign?.id ?? null,
    campaign: campaign?.name ?? null,
    asOf: today,
    tasks: top.length,
    subTasks: rows.length - top.length,
    aspects: aspects.size,
    aspectsWithTasks: byAspect.filter((a) => a.value > 0).length,
    byAspect,
    byStatus,
    done: doneOnTime + doneLate,
    doneOnTime,
    doneLate,
    dueByToday,
    onTimeCompletionRate: dueByToday === 0 ? null : doneOnTime / dueByToday,
    overdueNow,
    dueSoon,
    byUnit: [...units]
      .map(([id, u]) => ({
        key: String(id),
        label: u.label,
        value: u.value,
        done: u.done,
        overdue: u.overdue,
      }))
      .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)),
    overdueTrend: trend,
  }
}
