/** Table types of problems, rectification and teacher-ethics cases (see the module's migration). */
import type { ColumnType, Generated } from 'kysely'
import type { Bool, Timestamp } from '../../db/schema.js'

export interface RectificationCategoryTable {
  id: Generated<number>
  name: string
  sort_order: number
  version: number
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface RectificationProblemTable {
  id: Generated<number>
  code: string
  description: string
  source: string
  category_id: number
  campaign: string
  campaign_id: number | null
  responsible_unit_id: number
  scope_path: string
  responsible_leader: string | null
  responsible_user_id: number | null
  found_on: string
  fix_at_once: Bool
  status: string
  rectified_on: string | null
  signed_off_at: Timestamp | null
  signed_off_by: number | null
  signed_off_by_name: string | null
  signoff_comment: string | null
  reopen_count: number
  /** manual | import | demo */
  origin: string
  version: number
  created_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface RectificationMeasureTable {
  id: Generated<number>
  problem_id: number
  seq: number
  content: string
  owner: string
  owner_unit_id: number | null
  deadline: string | null
  status: string
  done_on: string | null
  version: number
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface RectificationEvidenceTable {
  id: Generated<number>
  problem_id: number
  measure_id: number | null
  filename: string
  content_type: string
  file_type: string
  size_bytes: number
  sha256: string
  bytes: ColumnType<Buffer, Buffer, Buffer>
  note: string
  uploaded_by: number | null
  uploaded_by_name: string
  created_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface RectificationEventTable {
  id: Generated<number>
  problem_id: number
  at: Timestamp
  action: string
  actor_id: number | null
  actor_name: string
  detail_json: string
}

export interface EthicsViolationTypeTable {
  id: Generated<number>
  name: string
  sort_order: number
  version: number
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface EthicsCaseTable {
  id: Generated<number>
  case_no: string
  school_unit_id: number
  scope_path: string
  teacher_name_enc: string | null
  teacher_name_mask: string
  teacher_public_name: string
  teacher_id_enc: string | null
  teacher_id_mask: string | null
  teacher_id_hash: string | null
  /** Keyed hash of the teacher's name, for finding it in a text without decrypting. */
  teacher_name_hash: string | null
  occurred_on: string
  violation_type_id: number
  finding_enc: string | null
  finding_mask: string
  handling: string
  handling_detail: string
  handled_on: string | null
  published: Bool
  published_on: string | null
  public_summary: string
  version: number
  created_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

declare module '../../db/schema.js' {
  interface Database {
    rectification_categories: RectificationCategoryTable
    rectification_problems: RectificationProblemTable
    rectification_measures: RectificationMeasureTable
    rectification_evidence: RectificationEvidenceTable
    rectification_events: RectificationEventTable
    ethics_violation_types: EthicsViolationTypeTable
    ethics_cases: EthicsCaseTable
  }
}
