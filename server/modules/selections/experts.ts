/**
 * The expert pool (评审专家库), kept by a department with `selection.manage` under its unit: each
 * entry is an expert account (role expert), his name, unit (a unit of the tree, so conflicts follow
 * the tree, or just a name for an outside one), fields of expertise and declared conflicts (unit
 * ids). Programmes draw from the pools of their owning unit and above. Only managers read the pool.
 */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, type FieldError, notFound, staleVersion } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { findById } from '../org/repository.js'
import { type ExpertRow, expertsIn, findExpert, insertExpert, updateVersioned } from './repository.js'
import type { ExpertInput, UpdateExpertInput } from './schema.js'

export interface ExpertView {
  id: number
  userId: number
  name: string
  unitId: number | null
  unit: string
  title: string
  fields: string[]
  conflictUnitIds: number[]
  note: string
  ownerUnitId: number
  version: number
  voided: boolean
  voidReason: string | null
}

export function presentExpert(e: ExpertRow): ExpertView {
  return {
    id: e.id,
    userId: e.user_id,
    name: e.name,
    unitId: e.unit_id,
    unit: e.tree_unit_name ?? e.unit_name,
    title: e.title,
    fields: JSON.parse(e.fields_json),
    conflictUnitIds: JSON.parse(e.conflicts_json),
    note: e.note,
    ownerUnitId: e.owner_unit_id,
    version: e.version,
    voided: e.voided_at !== null,
    voidReason: e.void_reason,
  }
}

async function checkRefs(trx: Tx, input: { unitId?: number | null; conflictUnitIds?: number[] }) {
  const fields: FieldError[] = []
  if (input.unitId) {
    const u = await findById(trx, input.unitId)
    if (!u || u.voided_at) fields.push({ field: 'unitId', key: 'not_found' })
  }
  for (const [i, id] of (input.conflictUnitIds ?? []).entries()) {
    const u = await findById(trx, id)
    if (!u) fields.push({ field: `conflictUnitIds.${i}`, key: 'not_found' })
  }
  if (fields.length) throw badRequest('validation', {}, fields)
}

/** A live expert account, or 400 on `userId`. */
async function expertUser(trx: Tx, userId: number) {
  const u = await trx
    .selectFrom('users')
    .select(['id', 'role'])
    .where('id', '=', userId)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
  if (u?.role !== 'expert')
    throw badRequest('validation', {}, [{ field: 'userId', key: 'selection_not_expert_user' }])
}

async function loadManagedExpert(ctx: Ctx, trx: Tx, id: number): Promise<ExpertRow> {
  authorize(ctx.actor, 'selection.manage')
  const e = await findExpert(trx, id)
  if (!e || e.voided_at || !inScope(ctx.actor, e.owner_path)) throw notFound()
  return e
}

export async function listExperts(ctx: Ctx, includeVoided: boolean): Promise<{ items: ExpertView[] }> {
  authorize(ctx.actor, 'selection.manage')
  return { items: (await expertsIn(ctx.db, ctx.actor.scopePath, includeVoided)).map(presentExpert) }
}

/** Writes a pool entry (checks included, permission excluded): the use case and the demo share it. */
export async function writeExpert(trx: Tx, ctx: Ctx, input: ExpertInput): Promise<number> {
  const ownerUnitId = input.ownerUnitId ?? ctx.actor.orgUnitId
  const owner = await findById(trx, ownerUnitId)
  if (!owner || owner.voided_at || !inScope(ctx.actor, owner.path))
    throw badRequest('validation', {}, [{ field: 'ownerUnitId', key: 'selection_unit_out_of_scope' }])
  await expertUser(trx, input.userId)
  await checkRefs(trx, input)
  const taken = await trx
    .selectFrom('selection_experts')
    .select('id')
    .where('owner_unit_id', '=', ownerUnitId)
    .where('user_id', '=', input.userId)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
  if (taken) throw conflict('selection_expert_exists')
  const at = nowIso(ctx)
  const id = await insertExpert(trx, {
    owner_unit_id: ownerUnitId,
    user_id: input.userId,
    name: input.name,
    unit_id: input.unitId ?? null,
    unit_name: input.unitName,
    title: input.title,
    fields_json: JSON.stringify([...new Set(input.fields)]),
    conflicts_json: JSON.stringify([...new Set(input.conflictUnitIds)]),
    note: input.note,
    version: 1,
    created_by: ctx.actor.id || null,
    created_by_name: ctx.actor.displayName,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
  })
  await recordAudit(trx, ctx, ctx.actor, {
    action: 'selection.expert.create',
    entity: 'selection_expert',
    entityId: id,
    before: null,
    after: { ...input, ownerUnitId },
  })
  return id
}

export async function createExpert(ctx: Ctx, input: ExpertInput): Promise<ExpertView> {
  authorize(ctx.actor, 'selection.manage')
  const id = await ctx.db.transaction().execute((trx) => writeExpert(trx, ctx, input))
  return presentExpert((await findExpert(ctx.db, id)) as ExpertRow)
}

export async function updateExpert(ctx: Ctx, id: number, input: UpdateExpertInput): Promise<ExpertView> {
  await ctx.db.transaction().execute(async (trx) => {
    const e = await loadManagedExpert(ctx, trx, id)
    if (e.version !== input.version) throw staleVersion(e.version)
    await checkRefs(trx, input)
    const patch = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.unitId !== undefined ? { unit_id: input.unitId } : {}),
      ...(input.unitName !== undefined ? { unit_name: input.unitName } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.fields ? { fields_json: JSON.stringify([...new Set(input.fields)]) } : {}),
      ...(input.conflictUnitIds
        ? { conflicts_json: JSON.stringify([...new Set(input.conflictUnitIds)]) }
        : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
    }
    if (
      !(await updateVersioned(trx, 'selection_experts', id, input.version, {
        ...patch,
        updated_at: nowIso(ctx),
      }))
    )
      throw staleVersion(input.version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.expert.update',
      entity: 'selection_expert',
      entityId: id,
      before: presentExpert(e),
      after: input,
    })
  })
  return presentExpert((await findExpert(ctx.db, id)) as ExpertRow)
}

/** Leaves the pool; assignments already made stay (a manager removes them by hand). */
export async function voidExpert(ctx: Ctx, id: number, version: number, reason: string): Promise<ExpertView> {
  await ctx.db.transaction().execute(async (trx) => {
    const e = await loadManagedExpert(ctx, trx, id)
    if (e.version !== version) throw staleVersion(e.version)
    const at = nowIso(ctx)
    if (
      !(await updateVersioned(trx, 'selection_experts', id, version, {
        voided_at: at,
        void_reason: reason,
        updated_at: at,
      }))
    )
      throw staleVersion(version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.expert.void',
      entity: 'selection_expert',
      entityId: id,
      before: { name: e.name },
      after: { reason },
    })
  })
  return presentExpert((await findExpert(ctx.db, id)) as ExpertRow)
}
