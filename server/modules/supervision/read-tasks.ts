/** Reading tasks: a filtered page, and one task with its milestones, notes, extensions and timeline. */

import { addDays } from '../../../domain/calendar/calendar.js'
import { fromBasisPoints } from '../../../domain/supervision/progress.js'
import { parseRule } from '../../../domain/supervision/recurrence.js'
import { allowedTaskActions, type TaskStatus } from '../../../domain/supervision/workflow.js'
import type { Actor, Ctx, Tx } from '../../context.js'
import type { DialectName } from '../../db/dialect.js'
import { notFound } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { findById } from '../org/repository.js'
import { canEdit, canReport, loadVisibleTask, taskUnits } from './access.js'
import { noteAttachments } from './attachments.js'
import { todayInChina } from './derive.js'
import { groupUnits, presentExtension, presentTask } from './present.js'
import {
  extensionsOfTask,
  findTaskWithNames,
  listAllTaskRows,
  listEvents,
  listTaskRows,
  liveChildren,
  liveMilestones,
  liveNotes,
  type TaskFilter,
  type TaskListRow,
  unitsOfTasks,
} from './repository.js'
import type { ListTasksQuery, TaskDetail, TaskSummary } from './schema.js'
import { loadSettings, type SupervisionSettings } from './settings.js'

/** The query's filter (visibility is applied on top of it, whatever `unitId` names). */
export async function toFilter(db: Tx, q: ListTasksQuery, today: string, dueSoonDays: number) {
  let unitPath: string | undefined
  if (q.unitId !== undefined) {
    const u = await findById(db, q.unitId)
    unitPath = u ? u.path : '/nowhere/'
  }
  const f: TaskFilter = {
    campaignId: q.campaignId,
    aspectId: q.aspectId,
    status: q.status,
    unitPath,
    leader: q.leader,
    q: q.q,
    topLevel: q.topLevel === 'true',
    parentId: q.parentId,
    includeVoided: q.includeVoided === 'true',
  }
  if (q.dueState === 'open') f.open = true
  if (q.dueState === 'overdue') Object.assign(f, { open: true, deadlineBefore: today })
  if (q.dueState === 'due_soon')
    Object.assign(f, { open: true, deadlineBetween: [today, addDays(today, dueSoonDays)] })
  return f
}

/** Rows → summaries, fetching every row's units in one go. */
export async function presentRows(
  db: Tx,
  rows: TaskListRow[],
  today: string,
  s: SupervisionSettings,
): Promise<TaskSummary[]> {
  const units = groupUnits(
    await unitsOfTasks(
      db,
      rows.map((r) => r.id),
    ),
  )
  return rows.map((r) => presentTask(r, units.get(r.id) ?? [], today, s))
}

export async function listTasks(ctx: Ctx, q: ListTasksQuery) {
  authorize(ctx.actor, 'task.read')
  const s = await loadSettings(ctx.db)
  const today = todayInChina(ctx.now())
  const f = await toFilter(ctx.db, q, today, s.dueSoonDays)
  const { items, total } = await listTaskRows(ctx.db, ctx.dialect, ctx.actor, f, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  })
  return { items: await presentRows(ctx.db, items, today, s), total }
}

/** Every visible task of a filter (boards, digests), presented. */
export async function allTasks(
  db: Tx,
  dialect: DialectName,
  actor: Actor,
  f: TaskFilter,
  today: string,
  s: SupervisionSettings,
  limit = 10_000,
) {
  return presentRows(db, await listAllTaskRows(db, dialect, actor, f, limit), today, s)
}

export async function getTask(ctx: Ctx, id: number): Promise<TaskDetail> {
  authorize(ctx.actor, 'task.read')
  await loadVisibleTask(ctx.db, ctx.actor, id, { allowVoided: true })
  const row = await findTaskWithNames(ctx.db, id)
  if (!row) throw notFound()
  const s = await loadSettings(ctx.db)
  const today = todayInChina(ctx.now())
  const units = await taskUnits(ctx.db, id)
  const [milestones, notes, extensions, children, events] = [
    await liveMilestones(ctx.db, id),
    await liveNotes(ctx.db, id),
    await extensionsOfTask(ctx.db, id),
    await liveChildren(ctx.db, id),
    await listEvents(ctx.db, id),
  ]
  const files = await noteAttachments(
    ctx.db,
    notes.map((n) => n.id),
  )
  const live = row.voided_at === null
  return {
    ...presentTask(row, units, today, s),
    description: row.description,
    recurrence: parseRule(row.recurrence),
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: m.due_on,
      weight: m.weight,
      doneOn: m.done_on,
      overdue: m.done_on === null && m.due_on < today,
      version: m.version,
    })),
    notes: notes.map((n) => ({
      id: n.id,
      unitId: n.org_unit_id,
      unit: n.unit_name,
      on: n.on_date,
      text: n.text,
      percent: n.percent,
      author: n.author_name,
      at: n.created_at,
      attachments: files.get(n.id) ?? [],
    })),
    extensions: extensions.map(presentExtension),
    children: children.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status as TaskStatus,
      weight: c.weight,
      progress: fromBasisPoints(c.progress_bp),
    })),
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      on: e.on_date,
      action: e.action,
      actor: e.actor_name,
      detail: JSON.parse(e.detail_json) as Record<string, unknown>,
    })),
    allowedActions: live && canEdit(ctx.actor, units) ? allowedTaskActions(row.status as TaskStatus) : [],
    canEdit: live && canEdit(ctx.actor, units),
    canReport: live && canReport(ctx.actor, units),
    canApprove: live && hasPermission(ctx.actor.role, 'task.approve'),
  }
}
