/** Table types of selections (see the module's migration for what each column means). */
import type { Generated } from 'kysely'
import type { Bool, Timestamp } from '../../db/schema.js'

interface Audited {
  id: Generated<number>
  version: number
  created_by: number | null
  created_by_name: string
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface SelectionRubricTable extends Audited {
  name: string
  based_on: number | null
  revision: number
  total: number
  criteria_json: string
  note: string
  owner_unit_id: number
}

export interface SelectionProgrammeTable extends Audited {
  name: string
  kind: string
  batch: string
  description: string
  quota: number | null
  pass_mark: number | null
  eligible_kinds_json: string
  opens_on: string
  closes_on: string
  materials_json: string
  rubric_id: number
  experts_per_application: number
  aggregation: string
  dispersion_margin: number
  blind: Bool
  notice_days: number
  owner_unit_id: number
  status: string
  assign_seed: number | null
  decision_no: number
  decided_at: Timestamp | null
  approved_on: string | null
  approved_by_name: string | null
  return_reason: string | null
  notice_published_on: string | null
  notice_ends_on: string | null
  finalised_on: string | null
  source: string
}

export interface SelectionApplicationTable extends Audited {
  programme_id: number
  unit_id: number
  live_unit_id: number | null
  title: string
  field: string | null
  summary: string
  form_json: string
  status: string
  submitted_at: Timestamp | null
  withdrawn_at: Timestamp | null
  withdraw_reason: string | null
}

export interface SelectionExpertTable extends Audited {
  owner_unit_id: number
  user_id: number
  name: string
  unit_id: number | null
  unit_name: string
  title: string
  fields_json: string
  conflicts_json: string
  note: string
}

export interface SelectionAssignmentTable extends Audited {
  programme_id: number
  application_id: number
  expert_id: number
  how: string
  seed: number | null
  status: string
  scores_json: string
  comments_json: string
  comment: string
  total: number | null
  by_top_json: string
  submitted_at: Timestamp | null
}

export interface SelectionExclusionTable {
  id: Generated<number>
  programme_id: number
  application_id: number
  expert_id: number
  reason: string
  source: string
  created_by_name: string
  created_at: Timestamp
}

export interface SelectionResultTable {
  id: Generated<number>
  programme_id: number
  decision_no: number
  application_id: number
  rank: number
  outcome: string
  final_outcome: string | null
  score: number | null
  heaviest: number | null
  median: number | null
  method: string
  spread: number | null
  dispersed: Bool
  experts: number
}

export interface SelectionObjectionTable {
  id: Generated<number>
  programme_id: number
  application_id: number | null
  text: string
  lodged_by: number | null
  lodged_by_name: string
  lodged_on: string
  answer: string | null
  upheld: Bool | null
  answered_by_name: string | null
  answered_at: Timestamp | null
  version: number
  created_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface SelectionEventTable {
  id: Generated<number>
  programme_id: number
  application_id: number | null
  at: Timestamp
  on_date: string
  action: string
  actor_id: number | null
  actor_name: string
  detail_json: string
}

declare module '../../db/schema.js' {
  interface Database {
    selection_rubrics: SelectionRubricTable
    selection_programmes: SelectionProgrammeTable
    selection_applications: SelectionApplicationTable
    selection_experts: SelectionExpertTable
    selection_assignments: SelectionAssignmentTable
    selection_exclusions: SelectionExclusionTable
    selection_results: SelectionResultTable
    selection_objections: SelectionObjectionTable
    selection_events: SelectionEventTable
  }
}
