/**
 * Keeps the stored progress (progress_bp) equal to what the domain computes from the task's
 * milestones, sub-tasks and latest note, up the parent chain: called inside the transaction of
 * every change that can move it.
 */
import { taskProgress, toBasisPoints } from '../../../domain/supervision/progress.js'
import type { TaskStatus } from '../../../domain/supervision/workflow.js'
import type { Tx } from '../../context.js'
import { findTask, latestNotePercent, liveChildren, liveMilestones, setTaskProgress } from './repository.js'

export async function recomputeProgress(trx: Tx, taskId: number | null): Promise<void> {
  const seen = new Set<number>()
  let id = taskId
  while (id !== null && !seen.has(id)) {
    seen.add(id)
    const t = await findTask(trx, id)
    if (!t) return
    const milestones = await liveMilestones(trx, id)
    const children = await liveChildren(trx, id)
    const bp = toBasisPoints(
      taskProgress({
        status: t.status as TaskStatus,
        milestones: milestones.map((m) => ({ weight: m.weight, done: m.done_on !== null })),
        children: children.map((c) => ({
          weight: c.weight,
          progress: c.progress_bp / 100,
          status: c.status as TaskStatus,
        })),
        latestPercent: await latestNotePercent(trx, id),
      }),
    )
    if (bp !== t.progress_bp) await setTaskProgress(trx, id, bp)
    id = t.parent_id
  }
}
