/** Voids a unit with a reason. Refused while live sub-units or users depend on it. */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { AppError } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { presentOrgUnit } from './presenter.js'
import { countLiveChildren, countLiveUsers } from './repository.js'
import type { OrgUnit } from './schema.js'
import { loadForWrite, saveVersioned } from './write-unit.js'

export async function voidOrgUnit(
  ctx: Ctx,
  id: number,
  input: { version: number; reason: string },
): Promise<OrgUnit> {
  authorize(ctx.actor, 'org.write')
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadForWrite(ctx, trx, id, input.version)
    if (row.voided_at) return presentOrgUnit(row)
    const children = await countLiveChildren(trx, id)
    if (children > 0) throw new AppError(409, 'org_has_children', { count: children })
    const users = await countLiveUsers(trx, id)
    if (users > 0) throw new AppError(409, 'org_has_users', { count: users })
    const at = nowIso(ctx)
    const after = await saveVersioned(trx, row, { voided_at: at, void_reason: input.reason, updated_at: at })
    const unit = presentOrgUnit(after)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'org.void',
      entity: 'org_unit',
      entityId: id,
      before: presentOrgUnit(row),
      after: unit,
    })
    return unit
  })
}
