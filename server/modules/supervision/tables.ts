/** Table types of supervision (see the module's migration for what each column means). */
import type { Generated } from 'kysely'
import type { Timestamp } from '../../db/schema.js'

export interface SupervisionCampaignTable {
  id: Generated<number>
  name: string
  kind: string
  org_unit_id: number
  starts_on: string
  ends_on: string
  description: string
  version: number
  created_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface SupervisionAspectTable {
  id: Generated<number>
  campaign_id: number
  name: string
  sort_order: number
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface SupervisionTaskTable {
  id: Generated<number>
  campaign_id: number
  aspect_id: number
  parent_id: number | null
  title: string
  description: string
  lead_unit_id: number
  leader: string | null
  starts_on: string
  deadline: string
  original_deadline: string
  weight: number
  status: string
  done_on: string | null
  progress_bp: number
  recurrence: string | null
  source: string
  version: number
  created_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface SupervisionTaskUnitTable {
  task_id: number
  org_unit_id: number
  role: string
  sort_order: number
}

export interface SupervisionMilestoneTable {
  id: Generated<number>
  task_id: number
  title: string
  due_on: string
  weight: number
  done_on: string | null
  sort_order: number
  version: number
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface SupervisionProgressNoteTable {
  id: Generated<number>
  task_id: number
  org_unit_id: number
  on_date: string
  text: string
  percent: number | null
  created_by: number | null
  author_name: string
  created_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface SupervisionExtensionTable {
  id: Generated<number>
  task_id: number
  org_unit_id: number | null
  old_deadline: string
  requested_deadline: string
  reason: string
  status: string
  requested_by: number | null
  requested_by_name: string
  requested_at: Timestamp
  decided_by: number | null
  decided_by_name: string | null
  decided_at: Timestamp | null
  approved_deadline: string | null
  decision_reason: string | null
  version: number
}

export interface SupervisionTaskEventTable {
  id: Generated<number>
  task_id: number
  at: Timestamp
  on_date: string
  action: string
  actor_id: number | null
  actor_name: string
  detail_json: string
}

export interface SupervisionNoticeTable {
  id: Generated<number>
  notice_no: string
  org_unit_id: number
  level: number
  title: string
  body: string
  tasks_json: string
  reply_by: string
  created_by: number | null
  created_by_name: string
  created_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

declare module '../../db/schema.js' {
  interface Database {
    supervision_campaigns: SupervisionCampaignTable
    supervision_aspects: SupervisionAspectTable
    supervision_tasks: SupervisionTaskTable
    supervision_task_units: SupervisionTaskUnitTable
    supervision_milestones: SupervisionMilestoneTable
    supervision_progress_notes: SupervisionProgressNoteTable
    supervision_extensions: SupervisionExtensionTable
    supervision_task_events: SupervisionTaskEventTable
    supervision_notices: SupervisionNoticeTable
  }
}
