/** Voids a unit with a reason. Refused while live sub-units or users depend on it. */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { AppError, notFound, staleVersion } from '../../http/errors.js'
import { assertCanWriteUnder, authorize } from '../../policies/authorize.js'
import { presentOrgUnit } from './presenter.js'
import { countLiveChildren, countLiveUsers, findById, updateVersioned } from './repository.js'
import type { OrgUnit } from './schema.js'

export async function voidOrgUnit(ctx: Ctx, id: number, input: { version: number; reason: string }): Promise<OrgUnit> {
  authorize(ctx.actor, 'org.write')
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findById(trx, id)
    if (!row) throw notFound()
    assertCanWriteUnder(ctx.actor, row.path)
    if (row.version !== input.version) throw staleVersion(row.version)
    if (row.voided_at) return presentOrgUnit(row)
    const children = await countLiveChildren(trx, id)
    if (children > 0) throw new AppError(409, 'org_has_children', { count: children })
    const users = await countLiveUsers(trx, id)
    if (users > 0) throw new AppError(409, 'org_has_users', { count: users })
    const at = nowIso(ctx)
    if (!(await updateVersioned(trx, id, input.version, { voided_at: at, void_reason: input.reason, updated_at: at }))) {
      throw staleVersion(row.version + 1)
    }
    const after = await findById(trx, id)
    if (!after) throw notFound()
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
