/** Browsing and verifying the audit log (admins and auditors). */
import { z } from 'zod'
import { verifyAuditChain } from '../../audit/verify.js'
import { defineModule } from '../../http/module.js'
import { ctxOf, sendFile, XLSX } from '../../http/request.js'
import { authorize } from '../../policies/authorize.js'
import { exportAudit } from './export-audit.js'
import { listAudit } from './repository.js'

export const AuditQuery = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  actor: z.string().max(50).optional(),
  action: z.string().max(50).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})
export type AuditQuery = z.infer<typeof AuditQuery>

const AuditItem = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
})

export default defineModule({
  key: 'audit',
  menu: [
    {
      key: 'audit',
      path: '/audit',
      titleZh: '审计日志',
      titleEn: 'Audit log',
      icon: 'AuditOutlined',
      roles: ['admin', 'auditor'],
      order: 90,
    },
  ],
  routes(app) {
    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          querystring: AuditQuery,
          response: { 200: z.object({ items: z.array(AuditItem), total: z.number() }) },
        },
      },
      async (req) => {
        const ctx = ctxOf(req)
        authorize(ctx.actor, 'audit.read')
        const { rows, total } = await listAudit(ctx.db, req.query)
        return {
          total,
          items: rows.map((r) => ({
            id: r.id,
            at: r.at,
            actorId: r.actor_id,
            actorName: r.actor_name,
            action: r.action,
            entity: r.entity,
            entityId: r.entity_id,
            before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
            after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
          })),
        }
      },
    )
    app.get(
      '/api/audit/export.xlsx',
      { schema: { tags: ['audit'], querystring: AuditQuery } },
      async (req, reply) => sendFile(reply, '审计日志.xlsx', await exportAudit(ctxOf(req), req.query), XLSX),
    )
    app.get('/api/audit/verify', { schema: { tags: ['audit'] } }, async (req) => {
      const ctx = ctxOf(req)
      authorize(ctx.actor, 'audit.read')
      return verifyAuditChain(ctx.db)
    })
  },
})
