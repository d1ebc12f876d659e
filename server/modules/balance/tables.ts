/** Table types of balance monitoring (see the module's migration for what each column means). */
import type { Generated } from 'kysely'
import type { Timestamp } from '../../db/schema.js'

export interface BalanceSchoolResourceTable {
  id: Generated<number>
  school_id: number
  year: number
  pupils_primary: number
  pupils_junior: number
  pupils_senior: number
  teachers_primary: number
  teachers_junior: number
  teachers_senior: number
  qualified_primary: number
  qualified_junior: number
  backbone_primary: number
  backbone_junior: number
  pe_art_primary: number
  pe_art_junior: number
  titled_primary: number
  titled_junior: number
  multimedia_rooms: number
  computers: number
  books: number
  floor_area: number
  sports_area: number
  equipment_fen: number
  exclusion: string | null
  note: string
  source: string
  version: number
  created_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface BalanceKindergartenEnrolmentTable {
  id: Generated<number>
  kindergarten_id: number
  year: number
  children: number
  new_inclusive_places: number
  note: string
  source: string
  version: number
  created_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface BalanceWarningProblemTable {
  id: Generated<number>
  county_id: number
  year: number
  stage: string
  problem_id: number
  composite: number
  previous: number
  created_by: number | null
  created_by_name: string
  created_at: Timestamp
}

declare module '../../db/schema.js' {
  interface Database {
    balance_school_resources: BalanceSchoolResourceTable
    balance_kindergarten_enrolment: BalanceKindergartenEnrolmentTable
    balance_warning_problems: BalanceWarningProblemTable
  }
}
