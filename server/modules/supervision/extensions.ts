/**
 * Deadline extensions (延期申请): a unit of the task asks for a later deadline with a reason; a
 * leader (task.approve) approves, possibly granting less, or refuses with a reason. Approval
 * moves the deadline; every request and decision stays on record.
 */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, conflict, forbidden, notFound, staleVersion } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { loadVisibleTask, taskUnits } from './access.js'
import { STATUS_ZH } from './labels.js'
import { presentExtension } from './present.js'
import {
  findExtension,
  insertExtension,
  isTaskVisible,
  listExtensionRows,
  pendingExtensionOf,
  updateExtensionVersioned,
  updateTaskVersioned,
} from './repository.js'
import type { DecideInput, ExtensionView } from './schema.js'
import { addEvent } from './timeline.js'

const OPEN = new Set(['not_started', 'in_progress'])

export async function requestExtension(
  ctx: Ctx,
  taskId: number,
  input: { requestedDeadline: string; reason: string },
): Promise<ExtensionView> {
  authorize(ctx.actor, 'task.write')
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await loadVisibleTask(trx, ctx.actor, taskId)
    const mine = (await taskUnits(trx, taskId)).filter((u) => inScope(ctx.actor, u.path))
    if (mine.length === 0) throw forbidden()
    if (!OPEN.has(row.status))
      throw conflict('supervision_task_closed', { status: row.status, statusZh: STATUS_ZH[row.status] })
    if (input.requestedDeadline <= row.deadline)
      throw badRequest('validation', {}, [
        {
          field: 'requestedDeadline',
          key: 'supervision_extension_not_later',
          params: { deadline: row.deadline },
        },
      ])
    if (await pendingExtensionOf(trx, taskId)) throw conflict('supervision_extension_pending')
    const at = nowIso(ctx)
    const id = await insertExtension(trx, {
      task_id: taskId,
      org_unit_id: mine[0]?.org_unit_id ?? null,
      old_deadline: row.deadline,
      requested_deadline: input.requestedDeadline,
      reason: input.reason,
      status: 'pending',
      requested_by: ctx.actor.id || null,
      requested_by_name: ctx.actor.displayName,
      requested_at: at,
      decided_by: null,
      decided_by_name: null,
      decided_at: null,
      approved_deadline: null,
      decision_reason: null,
      version: 1,
    })
    await addEvent(trx, ctx, taskId, 'extension_request', {
      extensionId: id,
      from: row.deadline,
      to: input.requestedDeadline,
      reason: input.reason,
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'supervision.extension.request',
      entity: 'supervision_extension',
      entityId: id,
      before: null,
      after: {
        taskId,
        oldDeadline: row.deadline,
        requestedDeadline: input.requestedDeadline,
        reason: input.reason,
      },
    })
    return id
  })
  return presentOne(ctx, id)
}

async function presentOne(ctx: Ctx, id: number): Promise<ExtensionView> {
  const e = await findExtension(ctx.db, id)
  if (!e) throw notFound()
  return presentExtension(e)
}

export async function decideExtension(ctx: Ctx, id: number, input: DecideInput): Promise<ExtensionView> {
  authorize(ctx.actor, 'task.approve')
  await ctx.db.transaction().execute(async (trx) => {
    const e = await findExtension(trx, id)
    if (!e || !(await isTaskVisible(trx, ctx.actor, e.task_id))) throw notFound()
    const task = await loadVisibleTask(trx, ctx.actor, e.task_id)
    if (e.status !== 'pending') throw conflict('supervision_extension_decided', { status: e.status })
    const at = nowIso(ctx)
    if (input.decision === 'refuse') {
      if (!input.reason)
        throw badRequest('validation', {}, [{ field: 'reason', key: 'supervision_reason_required' }])
      if (
        !(await updateExtensionVersioned(trx, id, e.version, {
          status: 'refused',
          decided_by: ctx.actor.id || null,
          decided_by_name: ctx.actor.displayName,
          decided_at: at,
          decision_reason: input.reason,
        }))
      )
        throw staleVersion(e.version + 1)
      await addEvent(trx, ctx, task.id, 'extension_refuse', { extensionId: id, reason: input.reason })
      await recordAudit(trx, ctx, ctx.actor, {
        action: 'supervision.extension.refuse',
        entity: 'supervision_extension',
        entityId: id,
        before: { status: 'pending' },
        after: { status: 'refused', reason: input.reason },
      })
      return
    }
    if (!OPEN.has(task.status))
      throw conflict('supervision_task_closed', { status: task.status, statusZh: STATUS_ZH[task.status] })
    const to = input.deadline ?? e.requested_deadline
    if (to <= task.deadline)
      throw badRequest('validation', {}, [
        { field: 'deadline', key: 'supervision_extension_not_later', params: { deadline: task.deadline } },
      ])
    if (!(await updateTaskVersioned(trx, task.id, task.version, { deadline: to, updated_at: at })))
      throw staleVersion(task.version + 1)
    if (
      !(await updateExtensionVersioned(trx, id, e.version, {
        status: 'approved',
        decided_by: ctx.actor.id || null,
        decided_by_name: ctx.actor.displayName,
        decided_at: at,
        approved_deadline: to,
        decision_reason: input.reason ?? null,
      }))
    )
      throw staleVersion(e.version + 1)
    await addEvent(trx, ctx, task.id, 'extension_approve', {
      extensionId: id,
      to,
      reason: input.reason ?? null,
    })
    await addEvent(trx, ctx, task.id, 'deadline', {
      from: task.deadline,
      to,
      via: 'extension',
      extensionId: id,
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'supervision.extension.approve',
      entity: 'supervision_extension',
      entityId: id,
      before: { status: 'pending', taskId: task.id, deadline: task.deadline },
      after: { status: 'approved', taskId: task.id, deadline: to, reason: input.reason ?? null },
    })
  })
  return presentOne(ctx, id)
}

export async function listExtensions(ctx: Ctx, status: 'pending' | 'approved' | 'refused' | undefined) {
  authorize(ctx.actor, 'task.read')
  const rows = await listExtensionRows(ctx.db, ctx.actor, status, 500)
  return { items: rows.map(presentExtension) }
}
