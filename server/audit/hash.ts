/** The audit chain's hash: each row commits to its content and to the previous row's hash. */
import { createHash } from 'node:crypto'
import type { AuditLogTable } from '../db/schema.js'

export const GENESIS_HASH = '0'.repeat(64)

/** Every column of an audit row except the two hashes themselves. */
export type HashedFields = Omit<AuditLogTable, 'prev_hash' | 'hash'>

export function auditHash(prevHash: string, r: HashedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    r.id,
    r.at,
    r.actor_id,
    r.actor_name,
    r.action,
    r.entity,
    r.entity_id,
    r.before_json,
    r.after_json,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}
