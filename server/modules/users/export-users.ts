/** The user list as .xlsx; phones are masked because an export leaves the system. */
import { maskPhone } from '../../../domain/privacy/mask.js'
import type { Ctx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { ROLE_LABELS, type Role } from '../../policies/roles.js'
import { writeXlsx } from '../../spreadsheet/write.js'
import { listUsers } from './repository.js'
import type { ListUsersQuery } from './schema.js'

export async function exportUsers(ctx: Ctx, q: ListUsersQuery): Promise<Buffer> {
  authorize(ctx.actor, 'user.read')
  const { rows } = await listUsers(ctx.db, ctx.dialect, ctx.actor.scopePath, {
    ...q,
    page: 1,
    pageSize: 1_000_000,
  })
  const en = ctx.locale === 'en'
  return writeXlsx([
    {
      name: en ? 'Users' : '用户',
      columns: [
        { header: en ? 'Username' : '用户名', key: 'username', width: 16 },
        { header: en ? 'Name' : '姓名', key: 'displayName', width: 14 },
        { header: en ? 'Role' : '角色', key: 'role', width: 12 },
        { header: en ? 'Scope' : '管辖范围', key: 'scope', width: 28 },
        { header: en ? 'Phone' : '手机', key: 'phone', width: 14 },
        { header: en ? 'Status' : '状态', key: 'status', width: 10 },
      ],
      rows: rows.map((r) => ({
        username: r.username,
        displayName: r.display_name,
        role: en ? ROLE_LABELS[r.role as Role].en : ROLE_LABELS[r.role as Role].zh,
        scope: r.org_unit_name,
        phone: r.phone ? maskPhone(r.phone) : '',
        status: r.voided_at ? (en ? 'voided' : '已作废') : en ? 'active' : '有效',
      })),
    },
  ])
}
