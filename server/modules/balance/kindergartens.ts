/**
 * Kindergarten enrolment (幼儿园在园幼儿): one row per kindergarten per year, the children enrolled
 * and the new inclusive places (新增普惠学位). Ownership and the inclusive (普惠) flag are the
 * kindergarten's own, in org_units. Same rules as the school ledger: scope, version, void, audit.
 */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { conflict, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { assertRowVisible, checkYear, filterPath, unitForEntry } from './access.js'
import {
  findEnrolment,
  findLiveEnrolment,
  insertEnrolment,
  listEnrolments as listRows,
  updateEnrolmentVersioned,
} from './kindergarten-repository.js'
import { presentEnrolment } from './present.js'
import { parentsOf } from './resources.js'
import type { CreateEnrolmentInput, EnrolmentView, ListQuery, UpdateEnrolmentInput } from './schema.js'

export async function getEnrolment(ctx: Ctx, id: number): Promise<EnrolmentView> {
  authorize(ctx.actor, 'balance.read')
  const row = await findEnrolment(ctx.db, id)
  assertRowVisible(ctx.actor, row)
  return presentEnrolment(row, await parentsOf(ctx.db, [row]))
}

export async function createEnrolment(ctx: Ctx, input: CreateEnrolmentInput): Promise<EnrolmentView> {
  authorize(ctx.actor, 'balance.write')
  checkYear(input.year, ctx.now)
  const id = await ctx.db.transaction().execute(async (trx) => {
    const kg = await unitForEntry(trx, ctx.actor, input.kindergartenId, 'kindergarten', 'kindergartenId')
    if (await findLiveEnrolment(trx, kg.id, input.year))
      throw conflict('balance_row_exists', { school: kg.name, year: input.year })
    const at = nowIso(ctx)
    const id = await insertEnrolment(trx, {
      kindergarten_id: kg.id,
      year: input.year,
      children: input.children,
      new_inclusive_places: input.newInclusivePlaces,
      note: input.note,
      source: 'manual',
      version: 1,
      created_by: ctx.actor.id || null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'balance.enrolment.create',
      entity: 'balance_kindergarten_enrolment',
      entityId: id,
      before: null,
      after: input,
    })
    return id
  })
  return getEnrolment(ctx, id)
}

export async function updateEnrolment(
  ctx: Ctx,
  id: number,
  input: UpdateEnrolmentInput,
): Promise<EnrolmentView> {
  authorize(ctx.actor, 'balance.write')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findEnrolment(trx, id)
    assertRowVisible(ctx.actor, row)
    if (row.voided_at) throw conflict('balance_row_voided')
    if (row.version !== input.version) throw staleVersion(row.version)
    const patch = {
      ...(input.children !== undefined && input.children !== row.children
        ? { children: input.children }
        : {}),
      ...(input.newInclusivePlaces !== undefined && input.newInclusivePlaces !== row.new_inclusive_places
        ? { new_inclusive_places: input.newInclusivePlaces }
        : {}),
      ...(input.note !== undefined && input.note !== row.note ? { note: input.note } : {}),
    }
    if (Object.keys(patch).length === 0) return
    if (!(await updateEnrolmentVersioned(trx, id, row.version, { ...patch, updated_at: nowIso(ctx) })))
      throw staleVersion(row.version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'balance.enrolment.update',
      entity: 'balance_kindergarten_enrolment',
      entityId: id,
      before: {
        children: row.children,
        new_inclusive_places: row.new_inclusive_places,
        note: row.note,
      },
      after: patch,
    })
  })
  return getEnrolment(ctx, id)
}

export async function voidEnrolment(
  ctx: Ctx,
  id: number,
  version: number,
  reason: string,
): Promise<EnrolmentView> {
  authorize(ctx.actor, 'balance.write')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findEnrolment(trx, id)
    assertRowVisible(ctx.actor, row)
    if (row.voided_at) throw conflict('balance_row_voided')
    if (row.version !== version) throw staleVersion(row.version)
    const at = nowIso(ctx)
    if (
      !(await updateEnrolmentVersioned(trx, id, version, {
        voided_at: at,
        void_reason: reason,
        updated_at: at,
      }))
    )
      throw staleVersion(version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'balance.enrolment.void',
      entity: 'balance_kindergarten_enrolment',
      entityId: id,
      before: { kindergarten: row.unit_name, year: row.year, children: row.children },
      after: { reason },
    })
  })
  return getEnrolment(ctx, id)
}

export async function listEnrolments(
  ctx: Ctx,
  q: ListQuery,
): Promise<{ items: EnrolmentView[]; total: number }> {
  authorize(ctx.actor, 'balance.read')
  const scopePath = await filterPath(ctx.db, ctx.actor, q.orgUnitId)
  const { rows, total } = await listRows(
    ctx.db,
    ctx.dialect,
    { scopePath, year: q.year, q: q.q, includeVoided: q.includeVoided === 'true' },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
  )
  const parents = await parentsOf(ctx.db, rows)
  return { items: rows.map((r) => presentEnrolment(r, parents)), total }
}
