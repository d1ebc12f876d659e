/** Table types of research topics (see the module's migration for what each column means). */
import type { Generated } from 'kysely'
import type { Timestamp } from '../../db/schema.js'

export interface ResearchTopicTable {
  id: Generated<number>
  code: string
  title: string
  campaign_id: number
  aspect_id: number
  owner_unit_id: number
  leader_name: string | null
  leader_user_id: number | null
  starts_on: string
  ends_on: string
  description: string
  status: string
  report_summary: string | null
  reported_on: string | null
  concluded_on: string | null
  source: string
  version: number
  created_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface ResearchTopicUnitTable {
  topic_id: number
  org_unit_id: number
  sort_order: number
}

export interface ResearchVisitTable {
  id: Generated<number>
  topic_id: number
  visited_on: string
  org_unit_id: number
  participants: string
  note: string
  created_by: number | null
  author_name: string
  created_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface ResearchFindingTable {
  id: Generated<number>
  topic_id: number
  text: string
  category_id: number
  responsible_unit_id: number
  found_on: string
  problem_id: number | null
  converted_at: Timestamp | null
  converted_by_name: string | null
  version: number
  created_by: number | null
  author_name: string
  created_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface ResearchTopicEventTable {
  id: Generated<number>
  topic_id: number
  at: Timestamp
  on_date: string
  action: string
  actor_id: number | null
  actor_name: string
  detail_json: string
}

declare module '../../db/schema.js' {
  interface Database {
    research_topics: ResearchTopicTable
    research_topic_units: ResearchTopicUnitTable
    research_visits: ResearchVisitTable
    research_findings: ResearchFindingTable
    research_topic_events: ResearchTopicEventTable
  }
}
