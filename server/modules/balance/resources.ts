/**
 * The school resource ledger (学校办学条件台账): one row per school per year, entered by form,
 * checked (stages the school does not teach hold 0; a stage's sub-counts of teachers never exceed
 * its teachers), edited with a version, voided with a reason.
 */
import { allStagesOf } from '../../../domain/balance/school.js'
import type { SchoolStage } from '../../../domain/org/codes.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, type FieldError, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { assertRowVisible, checkYear, filterPath, stageOf, unitForEntry } from './access.js'
import {
  columnsOf,
  RESOURCE_FIELDS,
  type ResourceValues,
  STAGE_FIELDS,
  SUB_COUNTS,
  valuesOfRow,
} from './fields.js'
import { presentResource } from './present.js'
import {
  findLiveResource,
  findResource,
  insertResource,
  listResources as listRows,
  type RegionRow,
  unitsByIds,
  updateResourceVersioned,
} from './repository.js'
import type { CreateResourceInput, ListQuery, ResourceView, UpdateResourceInput } from './schema.js'

/** What is wrong with a school's numbers, by field (empty: nothing). */
export function checkResourceValues(stage: SchoolStage | null, v: ResourceValues): FieldError[] {
  const problems: FieldError[] = []
  const taught = allStagesOf(stage)
  for (const s of ['primary', 'junior', 'senior'] as const)
    if (!taught.includes(s))
      for (const field of STAGE_FIELDS[s])
        if (v[field] !== 0) problems.push({ field, key: 'balance_stage_mismatch' })
  for (const [sub, total] of SUB_COUNTS)
    if (v[sub] > v[total] && !problems.some((p) => p.field === sub))
      problems.push({ field: sub, key: 'balance_more_than_teachers', params: { max: v[total] } })
  return problems
}

export async function parentsOf(db: Tx, rows: readonly { unit_parent_id: number | null }[]) {
  const ids = [...new Set(rows.map((r) => r.unit_parent_id).filter((x): x is number => x !== null))]
  return new Map<number, RegionRow>((await unitsByIds(db, ids)).map((u) => [u.id, u]))
}

export async function getResource(ctx: Ctx, id: number): Promise<ResourceView> {
  authorize(ctx.actor, 'balance.read')
  const row = await findResource(ctx.db, id)
  assertRowVisible(ctx.actor, row)
  return presentResource(row, await parentsOf(ctx.db, [row]))
}

export async function createResource(ctx: Ctx, input: CreateResourceInput): Promise<ResourceView> {
  authorize(ctx.actor, 'balance.write')
  checkYear(input.year, ctx.now)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const school = await unitForEntry(trx, ctx.actor, input.schoolId, 'school', 'schoolId')
    const { schoolId, year, exclusion, note, ...numbers } = input
    const problems = checkResourceValues(stageOf(school.stage), numbers)
    if (!school.stage) problems.unshift({ field: 'schoolId', key: 'balance_school_without_stage' })
    if (problems.length) throw badRequest('validation', {}, problems)
    if (await findLiveResource(trx, schoolId, year))
      throw conflict('balance_row_exists', { school: school.name, year })
    const at = nowIso(ctx)
    const id = await insertResource(trx, {
      school_id: schoolId,
      year,
      ...columnsOf(numbers),
      exclusion,
      note,
      source: 'manual',
      version: 1,
      created_by: ctx.actor.id || null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'balance.resource.create',
      entity: 'balance_school_resource',
      entityId: id,
      before: null,
      after: input,
    })
    return id
  })
  return getResource(ctx, id)
}

export async function updateResource(
  ctx: Ctx,
  id: number,
  input: UpdateResourceInput,
): Promise<ResourceView> {
  authorize(ctx.actor, 'balance.write')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findResource(trx, id)
    assertRowVisible(ctx.actor, row)
    if (row.voided_at) throw conflict('balance_row_voided')
    if (row.version !== input.version) throw staleVersion(row.version)
    const old = valuesOfRow(row)
    const next: ResourceValues = { ...old }
    for (const f of RESOURCE_FIELDS) {
      const v = input[f.field]
      if (v !== undefined) next[f.field] = v
    }
    const problems = checkResourceValues(stageOf(row.unit_stage), next)
    if (problems.length) throw badRequest('validation', {}, problems)
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    for (const f of RESOURCE_FIELDS)
      if (next[f.field] !== old[f.field]) {
        before[f.field] = old[f.field]
        after[f.field] = next[f.field]
      }
    if (input.exclusion !== undefined && input.exclusion !== row.exclusion) {
      before.exclusion = row.exclusion
      after.exclusion = input.exclusion
    }
    if (input.note !== undefined && input.note !== row.note) {
      before.note = row.note
      after.note = input.note
    }
    if (Object.keys(after).length === 0) return
    const ok = await updateResourceVersioned(trx, id, row.version, {
      ...columnsOf(next),
      ...(input.exclusion !== undefined ? { exclusion: input.exclusion } : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      updated_at: nowIso(ctx),
    })
    if (!ok) throw staleVersion(row.version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'balance.resource.update',
      entity: 'balance_school_resource',
      entityId: id,
      before,
      after,
    })
  })
  return getResource(ctx, id)
}

export async function voidResource(
  ctx: Ctx,
  id: number,
  version: number,
  reason: string,
): Promise<ResourceView> {
  authorize(ctx.actor, 'balance.write')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findResource(trx, id)
    assertRowVisible(ctx.actor, row)
    if (row.voided_at) throw conflict('balance_row_voided')
    if (row.version !== version) throw staleVersion(row.version)
    const at = nowIso(ctx)
    if (
      !(await updateResourceVersioned(trx, id, version, {
        voided_at: at,
        void_reason: reason,
        updated_at: at,
      }))
    )
      throw staleVersion(version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'balance.resource.void',
      entity: 'balance_school_resource',
      entityId: id,
      before: { school: row.unit_name, year: row.year },
      after: { reason },
    })
  })
  return getResource(ctx, id)
}

export async function listResources(
  ctx: Ctx,
  q: ListQuery,
): Promise<{ items: ResourceView[]; total: number }> {
  authorize(ctx.actor, 'balance.read')
  const scopePath = await filterPath(ctx.db, ctx.actor, q.orgUnitId)
  const { rows, total } = await listRows(
    ctx.db,
    ctx.dialect,
    { scopePath, year: q.year, q: q.q, includeVoided: q.includeVoided === 'true' },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  )
  const parents = await parentsOf(ctx.db, rows)
  return { items: rows.map((r) => presentResource(r, parents)), total }
}
