/** Table types of the petition ledger (see the module's migration for what each column means). */
import type { Generated } from 'kysely'
import type { Timestamp } from '../../db/schema.js'

export interface PetitionCategoryTable {
  id: Generated<number>
  parent_id: number | null
  name: string
  /** JSON array of other spellings seen in imported ledgers ('教师待遇' for '教师待遇类'). */
  synonyms: string
  sort_order: number
  version: number
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface PetitionCaseTable {
  id: Generated<number>
  case_no: string
  received_on: string
  channel: string
  kind: string
  group_size: number | null
  category_id: number
  demand_id: number
  summary: string
  tokens: string
  org_unit_id: number
  county_id: number | null
  level: string
  responsible_unit_id: number
  scope_path: string
  responsible_leader: string | null
  region_leader: string | null
  accused_unit_id: number | null
  accused_path: string | null
  accused_user_id: number | null
  petitioner_mask: string
  people_count: number
  status: string
  forwarded_on: string | null
  forwarded_to_unit_id: number | null
  accepted_on: string | null
  extension_days: number
  replied_on: string | null
  outcome: string | null
  review_requested_on: string | null
  review_decided_on: string | null
  rereview_requested_on: string | null
  rereview_decided_on: string | null
  closed_on: string | null
  satisfaction: string | null
  visited_on: string | null
  notice_due: string | null
  handling_due: string | null
  current_stage: string | null
  current_due: string | null
  duplicate_of: number | null
  source: string
  import_hash: string | null
  personal_erased_at: Timestamp | null
  version: number
  created_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface PetitionPersonTable {
  id: Generated<number>
  case_id: number
  seq: number
  role: string
  name_enc: string | null
  name_mask: string
  /** Keyed hash of the name (`nameHash`), for finding names in a text without decrypting. */
  name_hash: string | null
  id_enc: string | null
  id_mask: string | null
  id_hash: string | null
  id_untrusted: number
  phone_enc: string | null
  phone_mask: string | null
  phone_hash: string | null
  address_enc: string | null
}

export interface PetitionEventTable {
  id: Generated<number>
  case_id: number
  at: Timestamp
  on_date: string
  action: string
  actor_id: number | null
  actor_name: string
  detail_json: string
}

export interface PetitionCampaignTable {
  id: Generated<number>
  name: string
  cutoff_on: string
  ends_on: string | null
  goal: string
  version: number
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface PetitionCampaignCaseTable {
  campaign_id: number
  case_id: number
  tagged_at: Timestamp
}

export interface PetitionPlanTable {
  id: Generated<number>
  category_id: number
  demand_id: number | null
  title: string
  owner: string
  measures: string
  status: string
  due_on: string | null
  version: number
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

declare module '../../db/schema.js' {
  interface Database {
    petition_categories: PetitionCategoryTable
    petition_cases: PetitionCaseTable
    petition_people: PetitionPersonTable
    petition_events: PetitionEventTable
    petition_campaigns: PetitionCampaignTable
    petition_campaign_cases: PetitionCampaignCaseTable
    petition_plans: PetitionPlanTable
  }
}
