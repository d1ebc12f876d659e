/** The filtered audit log as .xlsx, for an auditor's working papers. */
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import type { AuditQuery } from './module.js'
import { listAudit } from './repository.js'

const MAX_ROWS = 100_000

export async function exportAudit(ctx: Ctx, q: AuditQuery): Promise<Buffer> {
  authorize(ctx.actor, 'audit.read')
  const { rows } = await listAudit(ctx.db, { ...q, page: 1, pageSize: MAX_ROWS })
  const en = ctx.locale === 'en'
  return writeXlsx([
    {
      name: en ? 'Audit log' : '审计日志',
      columns: [
        { header: en ? 'No.' : '序号', key: 'id', width: 8 },
        { header: en ? 'Time (UTC)' : '时间（UTC）', key: 'at', width: 24 },
        { header: en ? 'Actor' : '操作人', key: 'actor', width: 14 },
        { header: en ? 'Action' : '操作', key: 'action', width: 20 },
        { header: en ? 'Entity' : '对象类型', key: 'entity', width: 12 },
        { header: en ? 'Entity ID' : '对象编号', key: 'entityId', width: 10 },
        { header: en ? 'Before' : '修改前', key: 'before', width: 50 },
        { header: en ? 'After' : '修改后', key: 'after', width: 50 },
        { header: en ? 'Hash' : '哈希', key: 'hash', width: 20 },
      ],
      rows: rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor_name,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id ?? '',
        before: r.before_json ?? '',
        after: r.after_json ?? '',
        hash: r.hash,
      })),
    },
  ])
}
