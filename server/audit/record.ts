/**
 * Appends to the audit log inside the caller's transaction, so a change and its audit row
 * commit or fail together. Personal fields named in `redact` are masked before they are stored:
 * the audit log is a log, and personal data never reaches logs.
 */
import type { Actor, Services, Tx } from '../context.js'
import { lockAuditChain } from '../db/dialect.js'
import { auditHash, GENESIS_HASH } from './hash.js'

export interface AuditEntry {
  action: string
  entity: string
  entityId: string | number | null
  before?: unknown
  after?: unknown
  redact?: readonly string[]
}

function serialise(value: unknown, redact: readonly string[] = []): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'object') return JSON.stringify(value)
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) }
  for (const k of redact) if (k in copy && copy[k] != null) copy[k] = '***'
  delete copy.password_hash
  delete copy.passwordHash
  return JSON.stringify(copy)
}

export async function recordAudit(
  trx: Tx,
  services: Pick<Services, 'dialect' | 'now'>,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await lockAuditChain(trx, services.dialect)
  const head = await trx.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst()
  const prevHash = head?.last_hash ?? GENESIS_HASH
  const row = {
    id: (head?.last_id ?? 0) + 1,
    at: services.now().toISOString(),
    actor_id: actor.id || null,
    actor_name: actor.username,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId === null ? null : String(entry.entityId),
    before_json: serialise(entry.before, entry.redact),
    after_json: serialise(entry.after, entry.redact),
  }
  const hash = auditHash(prevHash, row)
  await trx
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prevHash, hash })
    .execute()
  if (head) {
    await trx
      .updateTable('audit_head')
      .set({ last_id: row.id, last_hash: hash })
      .where('id', '=', 1)
      .execute()
  } else {
    await trx.insertInto('audit_head').values({ id: 1, last_id: row.id, last_hash: hash }).execute()
  }
}
