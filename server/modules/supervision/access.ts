/**
 * Who may see and change a task. Seeing: the task's lead unit or a co-unit lies in the actor's
 * scope (else 404, never 403: a county cannot learn another county's task exists). Reporting
 * (progress notes, extension requests): task.write and a unit of the task in scope. Editing the
 * task itself (its fields, status, milestones, voiding): task.write and the lead unit in scope;
 * a co-unit reports on its share but does not re-plan the lead unit's task (403).
 */
import type { Actor, Ctx, Tx } from '../../context.js'
import { badRequest, forbidden, notFound } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { findById, type OrgUnitRow } from '../org/repository.js'
import { findTask, isTaskVisible, type TaskRow, type TaskUnitRow, unitsOfTasks } from './repository.js'

/** A live (unless `allowVoided`) task the actor may see, or 404. */
export async function loadVisibleTask(
  db: Tx,
  actor: Actor,
  id: number,
  opts: { allowVoided?: boolean } = {},
): Promise<TaskRow> {
  if (!(await isTaskVisible(db, actor, id))) throw notFound()
  const row = await findTask(db, id)
  if (!row || (row.voided_at && !opts.allowVoided)) throw notFound()
  return row
}

export async function taskUnits(db: Tx, taskId: number): Promise<TaskUnitRow[]> {
  return unitsOfTasks(db, [taskId])
}

export function canEdit(actor: Actor, units: readonly TaskUnitRow[]): boolean {
  const lead = units.find((u) => u.role === 'lead')
  return hasPermission(actor.role, 'task.write') && lead !== undefined && inScope(actor, lead.path)
}

export function canReport(actor: Actor, units: readonly TaskUnitRow[]): boolean {
  return hasPermission(actor.role, 'task.write') && units.some((u) => inScope(actor, u.path))
}

/** For edits of the task itself: task.write (403), visible (404), lead unit in scope (403). */
export async function loadEditableTask(ctx: Ctx, db: Tx, id: number) {
  authorize(ctx.actor, 'task.write')
  const row = await loadVisibleTask(db, ctx.actor, id)
  const units = await taskUnits(db, id)
  if (!canEdit(ctx.actor, units)) throw forbidden('supervision_lead_only')
  return { row, units }
}

/** A live unit in the actor's scope, or a 400 on `field`. */
export async function unitInScope(db: Tx, actor: Actor, id: number, field: string): Promise<OrgUnitRow> {
  const u = await findById(db, id)
  if (!u || u.voided_at) throw badRequest('validation', {}, [{ field, key: 'not_found' }])
  if (!inScope(actor, u.path))
    throw badRequest('validation', {}, [{ field, key: 'supervision_unit_out_of_scope' }])
  return u
}

/** The lead and co-units of a task input, checked; co-units deduplicated, the lead left out of them. */
export async function checkTaskUnits(db: Tx, actor: Actor, leadUnitId: number, coUnitIds: readonly number[]) {
  const lead = await unitInScope(db, actor, leadUnitId, 'leadUnitId')
  const co: OrgUnitRow[] = []
  const seen = new Set([lead.id])
  for (const [i, id] of coUnitIds.entries()) {
    if (seen.has(id)) continue
    seen.add(id)
    co.push(await unitInScope(db, actor, id, `coUnitIds.${i}`))
  }
  return { lead, co }
}
