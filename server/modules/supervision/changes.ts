/**
 * "What changed since date X" (自某日以来的变化), read from the task timeline: tasks created,
 * completed, whose deadline moved (approved extension or edit before start), and progress notes
 * added, among the tasks the user sees. X is a China calendar day: changes recorded from its
 * 00:00 Shanghai on.
 */
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { startOfChinaDay } from './derive.js'
import { eventsSince } from './repository.js'

const LIMIT = 5_000
const KIND: Record<string, 'created' | 'completed' | 'deadlineMoved' | 'progress'> = {
  create: 'created',
  complete: 'completed',
  deadline: 'deadlineMoved',
  progress: 'progress',
}

export async function changesSince(ctx: Ctx, since: string) {
  authorize(ctx.actor, 'task.read')
  const rows = await eventsSince(ctx.db, ctx.actor, startOfChinaDay(since), Object.keys(KIND), LIMIT)
  const out = {
    since,
    created: [] as Change[],
    completed: [] as Change[],
    deadlineMoved: [] as Change[],
    progress: [] as Change[],
  }
  for (const r of rows) {
    const kind = KIND[r.action]
    if (!kind) continue
    out[kind].push({
      taskId: r.task_id,
      title: r.task_title,
      at: r.at,
      on: r.on_date,
      actor: r.actor_name,
      detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    })
  }
  return out
}

interface Change {
  taskId: number
  title: string
  at: string
  on: string
  actor: string
  detail: Record<string, unknown>
}
