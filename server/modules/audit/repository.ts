import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { AuditQuery } from './module.js'

export async function listAudit(db: Kysely<Database>, f: AuditQuery) {
  let q = db.selectFrom('audit_log')
  if (f.entity) q = q.where('entity', '=', f.entity)
  if (f.entityId) q = q.where('entity_id', '=', f.entityId)
  if (f.action) q = q.where('action', 'like', `${f.action}%`)
  if (f.actor)
    q = /^\d+$/.test(f.actor)
      ? q.where('actor_id', '=', Number(f.actor))
      : q.where('actor_name', '=', f.actor)
  if (f.from) q = q.where('at', '>=', f.from)
  if (f.to) q = q.where('at', '<=', f.to)
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()
  return { rows, total: Number(total.n) }
}
