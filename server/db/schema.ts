/**
 * The database's table types. Each module adds its own tables by augmenting `Database`
 * from its `tables.ts` (declaration merging), so adding a module never edits this file.
 *
 * Conventions shared by every table (see docs/ARCHITECTURE.md):
 * - timestamps are ISO-8601 UTC text, dates are `YYYY-MM-DD` text: identical on both databases;
 * - booleans are integers 0/1; money is integer fen; JSON is text;
 * - mutable rows carry `version` (optimistic concurrency) and `voided_at`/`void_reason` (never deleted).
 */
import type { ColumnType, Generated } from 'kysely'

export type Timestamp = string
export type Bool = number

export interface SchemaMigrationTable {
  name: string
  applied_at: Timestamp
}

export interface OrgUnitTable {
  id: Generated<number>
  parent_id: number | null
  /** Materialised path of ids, `/1/5/23/`: a subtree is a prefix, so scope checks need no recursion. */
  path: string
  depth: number
  kind: string
  name: string
  short_name: string
  code: string | null
  stage: string | null
  ownership: string | null
  inclusive: Bool
  rural: Bool
  tags: string
  sort_order: number
  version: number
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface UserTable {
  id: Generated<number>
  username: string
  display_name: string
  password_hash: string
  role: string
  org_unit_id: number
  locale: string
  phone: string | null
  must_change_password: Bool
  version: number
  created_at: Timestamp
  updated_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

export interface SessionTable {
  id_hash: string
  user_id: number
  csrf_token: string
  created_at: Timestamp
  last_seen_at: Timestamp
  expires_at: Timestamp
  ip: string | null
}

export interface AuthThrottleTable {
  key: string
  failures: number
  window_start: Timestamp
  locked_until: Timestamp | null
}

export interface AuditLogTable {
  id: number
  at: Timestamp
  actor_id: number | null
  actor_name: string
  action: string
  entity: string
  entity_id: string | null
  before_json: string | null
  after_json: string | null
  prev_hash: string
  hash: string
}

export interface AuditHeadTable {
  id: number
  last_id: number
  last_hash: string
}

export interface JobTable {
  id: Generated<number>
  kind: string
  status: string
  progress: number
  total: number
  message: string | null
  payload_json: string
  result_json: string | null
  error_json: string | null
  created_by: number | null
  created_at: Timestamp
  started_at: Timestamp | null
  finished_at: Timestamp | null
  /** Renewed while the job runs (migration 0018): a stale one means its process died. */
  heartbeat_at: Timestamp | null
}

export interface JobFileTable {
  id: Generated<number>
  job_id: number
  role: string
  filename: string
  content_type: string
  bytes: ColumnType<Buffer, Buffer, Buffer>
  created_at: Timestamp
}

export interface SettingTable {
  key: string
  value_json: string
  updated_at: Timestamp
}

export interface Database {
  schema_migrations: SchemaMigrationTable
  org_units: OrgUnitTable
  users: UserTable
  sessions: SessionTable
  auth_throttle: AuthThrottleTable
  audit_log: AuditLogTable
  audit_head: AuditHeadTable
  jobs: JobTable
  job_files: JobFileTable
  settings: SettingTable
}
