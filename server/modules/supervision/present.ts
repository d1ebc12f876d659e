/** Stored rows → API views, with the due state and escalation of today. */
import { fromBasisPoints } from '../../../domain/supervision/progress.js'
import type { TaskStatus } from '../../../domain/supervision/workflow.js'
import { dueNow } from './derive.js'
import type { ExtensionRow, TaskListRow, TaskUnitRow } from './repository.js'
import type { ExtensionView, TaskSummary } from './schema.js'
import type { SupervisionSettings } from './settings.js'

export function presentTask(
  r: TaskListRow,
  units: readonly TaskUnitRow[],
  today: string,
  s: SupervisionSettings,
): TaskSummary {
  const due = dueNow(r, today, s)
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaign: r.campaign_name,
    aspectId: r.aspect_id,
    aspect: r.aspect_name,
    parentId: r.parent_id,
    title: r.title,
    leadUnitId: r.lead_unit_id,
    leadUnit: r.lead_unit_name,
    coUnits: units
      .filter((u) => u.task_id === r.id && u.role === 'co')
      .map((u) => ({ id: u.org_unit_id, name: u.name })),
    leader: r.leader,
    startsOn: r.starts_on,
    deadline: r.deadline,
    originalDeadline: r.original_deadline,
    status: r.status as TaskStatus,
    doneOn: r.done_on,
    progress: fromBasisPoints(r.progress_bp),
    weight: r.weight,
    dueState: r.voided_at ? 'cancelled' : due.state,
    daysLeft: due.daysLeft,
    daysOverdue: due.daysOverdue,
    escalation: due.escalation,
    recurring: r.recurrence !== null,
    version: r.version,
    voided: r.voided_at !== null,
  }
}

/** Presents many rows with their units (one query for all). */
export function groupUnits(units: readonly TaskUnitRow[]): Map<number, TaskUnitRow[]> {
  const m = new Map<number, TaskUnitRow[]>()
  for (const u of units) m.set(u.task_id, [...(m.get(u.task_id) ?? []), u])
  return m
}

export function presentExtension(
  e: ExtensionRow & { task_title: string; unit_name: string | null },
): ExtensionView {
  return {
    id: e.id,
    taskId: e.task_id,
    taskTitle: e.task_title,
    unitId: e.org_unit_id,
    unit: e.unit_name,
    oldDeadline: e.old_deadline,
    requestedDeadline: e.requested_deadline,
    reason: e.reason,
    status: e.status as ExtensionView['status'],
    requestedBy: e.requested_by_name,
    requestedAt: e.requested_at,
    decidedBy: e.decided_by_name,
    decidedAt: e.decided_at,
    approvedDeadline: e.approved_deadline,
    decisionReason: e.decision_reason,
  }
}
