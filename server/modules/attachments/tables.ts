/** Table type of attachments (see the module's migration). */
import type { Generated } from 'kysely'
import type { Timestamp } from '../../db/schema.js'

export interface AttachmentTable {
  id: Generated<number>
  /** Which kind of record owns the file, as registered in registry.ts (e.g. `supervision_progress`). */
  owner_type: string
  owner_id: number
  filename: string
  content_type: string
  file_type: string
  size_bytes: number
  sha256: string
  bytes: Buffer
  note: string
  uploaded_by: number | null
  uploaded_by_name: string
  created_at: Timestamp
  voided_at: Timestamp | null
  void_reason: string | null
}

declare module '../../db/schema.js' {
  interface Database {
    attachments: AttachmentTable
  }
}
