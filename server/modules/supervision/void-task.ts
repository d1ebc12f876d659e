/** A task entered in error is voided with a reason, never deleted; its sub-tasks go first. */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { conflict, staleVersion } from '../../http/errors.js'
import { loadEditableTask } from './access.js'
import { getTask } from './read-tasks.js'
import { recomputeProgress } from './recompute.js'
import { closePendingExtensions, liveChildren, updateTaskVersioned } from './repository.js'
import type { TaskDetail } from './schema.js'
import { addEvent } from './timeline.js'

export async function voidTask(ctx: Ctx, id: number, version: number, reason: string): Promise<TaskDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadEditableTask(ctx, trx, id)
    if (row.version !== version) throw staleVersion(row.version)
    const children = await liveChildren(trx, id)
    if (children.length > 0) throw conflict('supervision_has_children', { count: children.length })
    const at = nowIso(ctx)
    if (
      !(await updateTaskVersioned(trx, id, version, { voided_at: at, void_reason: reason, updated_at: at }))
    )
      throw staleVersion(version + 1)
    await closePendingExtensions(trx, id, at, reason)
    await addEvent(trx, ctx, id, 'void', { reason })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'supervision.task.void',
      entity: 'supervision_task',
      entityId: id,
      before: { title: row.title, status: row.status },
      after: { reason },
    })
    await recomputeProgress(trx, row.parent_id)
  })
  return getTask(ctx, id)
}
