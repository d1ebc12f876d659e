/**
 * Re-planning a task (title, aspect, units, dates, weight, parent, monthly duty). The deadline may
 * be edited only before work starts; afterwards it moves by an approved extension, so the record
 * of who granted more time is never bypassed.
 */
import { formatRule } from '../../../domain/supervision/recurrence.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, conflict, staleVersion } from '../../http/errors.js'
import { checkTaskUnits, loadEditableTask, loadVisibleTask } from './access.js'
import { checkAspect, checkDates } from './create-task.js'
import { getTask } from './read-tasks.js'
import { recomputeProgress } from './recompute.js'
import { ancestorIds, replaceTaskUnits, type TaskRow, updateTaskVersioned } from './repository.js'
import type { TaskDetail, UpdateTaskInput } from './schema.js'
import { addEvent } from './timeline.js'

export async function updateTask(ctx: Ctx, id: number, input: UpdateTaskInput): Promise<TaskDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const { row, units } = await loadEditableTask(ctx, trx, id)
    if (row.version !== input.version) throw staleVersion(row.version)
    const patch: Partial<Omit<TaskRow, 'id' | 'version'>> = {}
    const changed: Record<string, unknown> = {}
    const set = <K extends keyof TaskRow>(key: K, value: TaskRow[K], field: string) => {
      if (row[key] === value) return
      ;(patch as Record<string, unknown>)[key] = value
      changed[field] = { from: row[key], to: value }
    }
    if (input.title !== undefined) set('title', input.title, 'title')
    if (input.description !== undefined) set('description', input.description, 'description')
    if (input.leader !== undefined) set('leader', input.leader || null, 'leader')
    if (input.weight !== undefined) set('weight', input.weight, 'weight')
    if (input.aspectId !== undefined && input.aspectId !== row.aspect_id) {
      await checkAspect(trx, row.campaign_id, input.aspectId)
      set('aspect_id', input.aspectId, 'aspectId')
    }
    if (input.recurrence !== undefined)
      set('recurrence', input.recurrence ? formatRule(input.recurrence) : null, 'recurrence')
    if (input.startsOn !== undefined) set('starts_on', input.startsOn, 'startsOn')
    if (input.deadline !== undefined && input.deadline !== row.deadline) {
      if (row.status !== 'not_started') throw conflict('supervision_deadline_locked')
      set('deadline', input.deadline, 'deadline')
      patch.original_deadline = input.deadline
    }
    const problems = checkDates(patch.starts_on ?? row.starts_on, patch.deadline ?? row.deadline)
    if (problems.length) throw badRequest('validation', {}, problems)
    const oldParent = row.parent_id
    if (input.parentId !== undefined && input.parentId !== row.parent_id) {
      if (input.parentId !== null) {
        const parent = await loadVisibleTask(trx, ctx.actor, input.parentId).catch(() => null)
        const above = parent ? await ancestorIds(trx, parent.id) : []
        if (!parent || parent.campaign_id !== row.campaign_id || parent.id === id || above.includes(id))
          throw badRequest('validation', {}, [{ field: 'parentId', key: 'supervision_parent_invalid' }])
      }
      set('parent_id', input.parentId, 'parentId')
    }
    const lead = units.find((u) => u.role === 'lead')
    const oldCo = units.filter((u) => u.role === 'co').map((u) => u.org_unit_id)
    if (input.leadUnitId !== undefined || input.coUnitIds !== undefined) {
      const checked = await checkTaskUnits(
        trx,
        ctx.actor,
        input.leadUnitId ?? row.lead_unit_id,
        input.coUnitIds ?? oldCo,
      )
      const newCo = checked.co.map((u) => u.id)
      if (checked.lead.id !== lead?.org_unit_id || newCo.join(',') !== oldCo.join(',')) {
        await replaceTaskUnits(trx, id, checked.lead.id, newCo)
        set('lead_unit_id', checked.lead.id, 'leadUnitId')
        changed.coUnitIds = { from: oldCo, to: newCo }
      }
    }
    if (Object.keys(changed).length === 0) return
    patch.updated_at = nowIso(ctx)
    if (!(await updateTaskVersioned(trx, id, row.version, patch))) throw staleVersion(row.version + 1)
    await addEvent(trx, ctx, id, 'update', { fields: Object.keys(changed) })
    if (patch.deadline !== undefined)
      await addEvent(trx, ctx, id, 'deadline', { from: row.deadline, to: patch.deadline, via: 'edit' })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'supervision.task.update',
      entity: 'supervision_task',
      entityId: id,
      before: Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, (v as { from: unknown }).from])),
      after: Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, (v as { to: unknown }).to])),
    })
    await recomputeProgress(trx, id)
    if (oldParent !== null && oldParent !== (patch.parent_id ?? row.parent_id))
      await recomputeProgress(trx, oldParent)
  })
  return getTask(ctx, id)
}
