/**
 * Walks the chain and reports every row whose hash no longer matches, every gap (a removed row)
 * and a head that disagrees with the last row (the newest rows removed).
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { auditHash, GENESIS_HASH } from './hash.js'

export interface VerifyResult {
  ok: boolean
  checked: number
  problems: { id: number; reason: 'hash_mismatch' | 'missing_row' | 'head_mismatch' | 'link_broken' }[]
}

export async function verifyAuditChain(db: Kysely<Database>): Promise<VerifyResult> {
  const problems: VerifyResult['problems'] = []
  let prev = GENESIS_HASH
  let expectedId = 1
  let checked = 0
  const pageSize = 5000
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>=', expectedId)
      .orderBy('id')
      .limit(pageSize)
      .execute()
    for (const r of rows) {
      if (r.id !== expectedId) {
        for (let m = expectedId; m < r.id && problems.length < 100; m++)
          problems.push({ id: m, reason: 'missing_row' })
      }
      if (r.prev_hash !== prev) problems.push({ id: r.id, reason: 'link_broken' })
      if (auditHash(r.prev_hash, r) !== r.hash) problems.push({ id: r.id, reason: 'hash_mismatch' })
      prev = r.hash
      expectedId = r.id + 1
      checked++
    }
    if (rows.length < pageSize) break
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst()
  if (head && (head.last_id !== expectedId - 1 || head.last_hash !== prev)) {
    problems.push({ id: head.last_id, reason: 'head_mismatch' })
  }
  return { ok: problems.length === 0, checked, problems }
}
