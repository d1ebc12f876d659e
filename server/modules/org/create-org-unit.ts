/** Adds a unit under a parent the actor may write in. */
import { shortName as deriveShortName } from '../../../domain/org/short-name.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { fieldError } from '../../http/errors.js'
import { assertInScope, authorize } from '../../policies/authorize.js'
import { presentOrgUnit } from './presenter.js'
import { findById, insert } from './repository.js'
import { assertCodeFree, checkUnit, throwIfAny } from './rules.js'
import type { CreateOrgUnitInput, OrgUnit } from './schema.js'

export async function createOrgUnit(ctx: Ctx, input: CreateOrgUnitInput): Promise<OrgUnit> {
  authorize(ctx.actor, 'org.write')
  return ctx.db.transaction().execute(async (trx) => {
    const parent = await findById(trx, input.parentId)
    if (!parent) throw fieldError('parentId', 'not_found')
    assertInScope(ctx.actor, parent.path)
    if (parent.voided_at) throw fieldError('parentId', 'org_voided')
    const code = input.code?.trim() || null
    throwIfAny(checkUnit({ kind: input.kind, code, stage: input.stage ?? null }, parent))
    await assertCodeFree(trx, code)
    const at = nowIso(ctx)
    const row = await insert(trx, {
      parent_id: parent.id,
      parentPath: parent.path,
      depth: parent.depth + 1,
      kind: input.kind,
      name: input.name,
      short_name: input.shortName?.trim() || deriveShortName(input.name, input.kind),
      code,
      stage: input.stage ?? null,
      ownership: input.ownership ?? null,
      inclusive: input.inclusive ? 1 : 0,
      rural: input.rural ? 1 : 0,
      tags: JSON.stringify(input.tags ?? []),
      sort_order: input.sortOrder ?? 0,
      version: 1,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    })
    const unit = presentOrgUnit(row)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'org.create',
      entity: 'org_unit',
      entityId: row.id,
      after: unit,
    })
    return unit
  })
}
