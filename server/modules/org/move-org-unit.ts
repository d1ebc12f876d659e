/** Moves a unit (and its subtree) under another parent; refuses cycles. */
import type { OrgKind } from '../../../domain/org/codes.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, fieldError } from '../../http/errors.js'
import { assertInScope, authorize } from '../../policies/authorize.js'
import { presentOrgUnit } from './presenter.js'
import { findById, rewriteSubtreePaths } from './repository.js'
import { checkUnit, throwIfAny } from './rules.js'
import type { OrgUnit } from './schema.js'
import { loadForWrite, saveVersioned } from './write-unit.js'

export async function moveOrgUnit(
  ctx: Ctx,
  id: number,
  input: { version: number; parentId: number },
): Promise<OrgUnit> {
  authorize(ctx.actor, 'org.write')
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadForWrite(ctx, trx, id, input.version)
    const parent = await findById(trx, input.parentId)
    if (!parent) throw fieldError('parentId', 'not_found')
    assertInScope(ctx.actor, parent.path)
    if (parent.path.startsWith(row.path))
      throw badRequest('validation', {}, [{ field: 'parentId', key: 'org_move_cycle' }])
    if (parent.voided_at) throw fieldError('parentId', 'org_voided')
    throwIfAny(checkUnit({ kind: row.kind as OrgKind, code: row.code, stage: row.stage }, parent))
    const at = nowIso(ctx)
    const newPath = `${parent.path}${row.id}/`
    const delta = parent.depth + 1 - row.depth
    const after = await saveVersioned(trx, row, {
      parent_id: parent.id,
      path: newPath,
      depth: row.depth + delta,
      updated_at: at,
    })
    await rewriteSubtreePaths(trx, row.path, newPath, delta, at)
    const unit = presentOrgUnit(after)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'org.move',
      entity: 'org_unit',
      entityId: id,
      before: { parentId: row.parent_id, path: row.path },
      after: { parentId: unit.parentId, path: unit.path },
    })
    return unit
  })
}
