/** The audit chain's hash: each row commits to its content and to the previous row's hash. */
import { createHash } from 'node:crypto'

export const GENESIS_HASH = '0'.repeat(64)

export interface HashedFields {
  id: number
  at: string
  actor_id: number | null
  actor_name: string
  action: string
  entity: string
  entity_id: string | null
  before_json: string | null
  after_json: string | null
}

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
