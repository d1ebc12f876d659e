/** Table types of the report module (see its migration for what each column means). */
import type { Generated } from 'kysely'
import type { Timestamp } from '../../db/schema.js'

export interface ReportTemplateTable {
  id: Generated<number>
  key: string
  title: string
  description: string
  period_kind: string
  builtin: number
  current_version: number
  version: number
  created_by: number | null
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface ReportTemplateVersionTable {
  id: Generated<number>
  template_id: number
  version_no: number
  source: string
  note: string
  created_by: number | null
  created_at: Timestamp
}

export interface ReportSnapshotTable {
  id: Generated<number>
  template_id: number
  template_version: number
  title: string
  period_label: string
  period_from: string
  period_to: string
  org_unit_id: number
  text: string
  figures_json: string
  public_text: string
  terms_json: string
  created_by: number | null
  created_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface RedactionTermTable {
  id: Generated<number>
  term: string
  kind: string
  note: string
  version: number
  created_by: number | null
  created_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

declare module '../../db/schema.js' {
  interface Database {
    report_templates: ReportTemplateTable
    report_template_versions: ReportTemplateVersionTable
    report_snapshots: ReportSnapshotTable
    redaction_terms: RedactionTermTable
  }
}
