/** Edits a unit's fields (not its place: see move-org-unit). Stale versions get 409. */

import type { OrgKind } from '../../../domain/org/codes.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { presentOrgUnit } from './presenter.js'
import { findById } from './repository.js'
import { assertCodeFree, checkUnit, throwIfAny } from './rules.js'
import type { OrgUnit, UpdateOrgUnitInput } from './schema.js'
import { loadForWrite, saveVersioned } from './write-unit.js'

export async function updateOrgUnit(ctx: Ctx, id: number, input: UpdateOrgUnitInput): Promise<OrgUnit> {
  authorize(ctx.actor, 'org.write')
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadForWrite(ctx, trx, id, input.version)
    const parent = row.parent_id ? ((await findById(trx, row.parent_id)) ?? null) : null
    const code = input.code === undefined ? row.code : input.code?.trim() || null
    const stage = input.stage === undefined ? row.stage : input.stage
    throwIfAny(checkUnit({ kind: row.kind as OrgKind, code, stage }, parent))
    if (code !== row.code) await assertCodeFree(trx, code, row.id)
    const patch = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
      code,
      stage,
      ...(input.ownership !== undefined ? { ownership: input.ownership } : {}),
      ...(input.inclusive !== undefined ? { inclusive: input.inclusive ? 1 : 0 } : {}),
      ...(input.rural !== undefined ? { rural: input.rural ? 1 : 0 } : {}),
      ...(input.tags !== undefined ? { tags: JSON.stringify(input.tags) } : {}),
      ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
      updated_at: nowIso(ctx),
    }
    const after = await saveVersioned(trx, row, patch)
    const unit = presentOrgUnit(after)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'org.update',
      entity: 'org_unit',
      entityId: id,
      before: presentOrgUnit(row),
      after: unit,
    })
    return unit
  })
}
