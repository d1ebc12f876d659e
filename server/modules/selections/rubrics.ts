/**
 * Rubrics (评审细则). A rubric row never changes after it is written: revising one (the seed's
 * "修订…评估细则") writes a new rubric `based_on` it with `revision` n+1, so every programme keeps
 * scoring on the criteria it was opened with. Voiding only hides a rubric from new programmes.
 */
import { type Criterion, checkRubric, leaves } from '../../../domain/selections/rubric.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, type FieldError, notFound, staleVersion } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { findById } from '../org/repository.js'
import {
  findRubric,
  insertRubric,
  listRubrics,
  type RubricRow,
  rubricUsage,
  updateVersioned,
} from './repository.js'
import type { CreateRubricInput, ReviseRubricInput } from './schema.js'

const MAX_LEAVES = 200
const RUBRIC_PROBLEM_KEYS = {
  weights_sum: 'selection_rubric_weights_sum',
  max_missing: 'selection_rubric_max_missing',
  duplicate_key: 'selection_rubric_duplicate_key',
  weight_negative: 'selection_rubric_weight_negative',
} as const

export interface RubricView {
  id: number
  name: string
  basedOn: number | null
  revision: number
  total: number
  criteria: Criterion[]
  leafCount: number
  note: string
  ownerUnitId: number
  ownerUnit: string
  usedBy: number
  createdAt: string
  version: number
  voided: boolean
  voidReason: string | null
}

export function presentRubric(r: RubricRow, usedBy = 0): RubricView {
  const criteria = JSON.parse(r.criteria_json) as Criterion[]
  return {
    id: r.id,
    name: r.name,
    basedOn: r.based_on,
    revision: r.revision,
    total: r.total,
    criteria,
    leafCount: leaves(criteria).length,
    note: r.note,
    ownerUnitId: r.owner_unit_id,
    ownerUnit: r.owner_name,
    usedBy,
    createdAt: r.created_at,
    version: r.version,
    voided: r.voided_at !== null,
    voidReason: r.void_reason,
  }
}

/** 400 naming each problem's path (`criteria/conditions/space`), in the user's language. */
export function assertRubric(criteria: Criterion[], total: number) {
  const fields: FieldError[] = checkRubric(criteria, total).map((p) => ({
    field: p.path === '/' ? 'criteria' : `criteria${p.path}`,
    key: RUBRIC_PROBLEM_KEYS[p.problem],
    params: { path: p.path, expected: p.expected, actual: p.actual },
  }))
  if (leaves(criteria).length > MAX_LEAVES)
    fields.push({ field: 'criteria', key: 'selection_rubric_too_many', params: { max: MAX_LEAVES } })
  if (fields.length) throw badRequest('validation', {}, fields)
}

/** A rubric the actor may read: owned in his subtree or above it (published criteria). */
export async function loadRubric(ctx: Ctx, db: Tx, id: number): Promise<RubricRow> {
  const r = await findRubric(db, id)
  if (!r || !(inScope(ctx.actor, r.owner_path) || ctx.actor.scopePath.startsWith(r.owner_path)))
    throw notFound()
  return r
}

export async function writeRubric(
  trx: Tx,
  ctx: Ctx,
  input: { name: string; total: number; criteria: Criterion[]; note: string; ownerUnitId: number },
  basedOn: RubricRow | null,
): Promise<number> {
  assertRubric(input.criteria, input.total)
  const at = nowIso(ctx)
  const id = await insertRubric(trx, {
    name: input.name,
    based_on: basedOn?.id ?? null,
    revision: basedOn ? basedOn.revision + 1 : 1,
    total: input.total,
    criteria_json: JSON.stringify(input.criteria),
    note: input.note,
    owner_unit_id: input.ownerUnitId,
    version: 1,
    created_by: ctx.actor.id || null,
    created_by_name: ctx.actor.displayName,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
  })
  await recordAudit(trx, ctx, ctx.actor, {
    action: basedOn ? 'selection.rubric.revise' : 'selection.rubric.create',
    entity: 'selection_rubric',
    entityId: id,
    before: basedOn ? { id: basedOn.id, revision: basedOn.revision } : null,
    after: { name: input.name, total: input.total, leaves: leaves(input.criteria).length },
  })
  return id
}

export async function getRubric(ctx: Ctx, id: number): Promise<RubricView> {
  authorize(ctx.actor, 'selection.read')
  const r = await loadRubric(ctx, ctx.db, id)
  return presentRubric(r, (await rubricUsage(ctx.db, [id])).get(id) ?? 0)
}

export async function listRubricViews(ctx: Ctx, includeVoided: boolean): Promise<{ items: RubricView[] }> {
  authorize(ctx.actor, 'selection.read')
  const rows = await listRubrics(ctx.db, ctx.actor.scopePath, includeVoided)
  const usage = await rubricUsage(
    ctx.db,
    rows.map((r) => r.id),
  )
  return { items: rows.map((r) => presentRubric(r, usage.get(r.id) ?? 0)) }
}

export async function createRubric(ctx: Ctx, input: CreateRubricInput): Promise<RubricView> {
  authorize(ctx.actor, 'selection.manage')
  const id = await ctx.db.transaction().execute(async (trx) => {
    const ownerUnitId = input.ownerUnitId ?? ctx.actor.orgUnitId
    const owner = await findById(trx, ownerUnitId)
    if (!owner || owner.voided_at || !inScope(ctx.actor, owner.path))
      throw badRequest('validation', {}, [{ field: 'ownerUnitId', key: 'selection_unit_out_of_scope' }])
    return writeRubric(trx, ctx, { ...input, ownerUnitId }, null)
  })
  return getRubric(ctx, id)
}

/** Copy-and-revise: a new rubric based on this one; the old one stays as programmes used it. */
export async function reviseRubric(ctx: Ctx, id: number, input: ReviseRubricInput): Promise<RubricView> {
  authorize(ctx.actor, 'selection.manage')
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const base = await loadRubric(ctx, trx, id)
    if (base.voided_at) throw notFound()
    return writeRubric(
      trx,
      ctx,
      {
        name: input.name ?? base.name,
        total: base.total,
        criteria: input.criteria ?? (JSON.parse(base.criteria_json) as Criterion[]),
        note: input.note ?? base.note,
        // The revision belongs to whoever revises it, when the original came from above.
        ownerUnitId: inScope(ctx.actor, base.owner_path) ? base.owner_unit_id : ctx.actor.orgUnitId,
      },
      base,
    )
  })
  return getRubric(ctx, newId)
}

export async function voidRubric(ctx: Ctx, id: number, version: number, reason: string): Promise<RubricView> {
  authorize(ctx.actor, 'selection.manage')
  await ctx.db.transaction().execute(async (trx) => {
    const r = await findRubric(trx, id)
    if (!r || r.voided_at || !inScope(ctx.actor, r.owner_path)) throw notFound()
    if (r.version !== version) throw staleVersion(r.version)
    const at = nowIso(ctx)
    const ok = await updateVersioned(trx, 'selection_rubrics', id, version, {
      voided_at: at,
      void_reason: reason,
      updated_at: at,
    })
    if (!ok) throw staleVersion(version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.rubric.void',
      entity: 'selection_rubric',
      entityId: id,
      before: { name: r.name, revision: r.revision },
      after: { reason },
    })
  })
  return getRubric(ctx, id)
}
