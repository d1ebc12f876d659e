/**
 * Hand-entered rows per indicator, unit and period: the values of manual indicators (national
 * benchmarks, figures from outside) and the targets of any indicator. One live row per key, unit
 * and period: entering again updates it (with the version the user saw), and a row is voided with
 * a reason, never deleted.
 */
import { z } from 'zod'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { badRequest, notFound, staleVersion } from '../../http/errors.js'
import { assertInScope, authorize } from '../../policies/authorize.js'
import { periodRowById, periodRows, rowsOfKey, unitById } from './repository.js'
import { indicatorOr404, periodFrom } from './scope.js'

export type EntryTable = 'indicator_values' | 'indicator_targets'

const Common = {
  orgUnitId: z.number().int().positive().max(2_147_483_647),
  period: z.string().trim().min(4).max(40),
  note: z.string().trim().max(500).default(''),
  /** The version of the live row being replaced, when there is one. */
  version: z.number().int().positive().optional(),
}
const Amount = z.number().finite().min(-1e15).max(1e15)
export const PutValueBody = z.strictObject({
  ...Common,
  value: Amount,
  source: z.string().trim().max(200).default(''),
})
export const PutTargetBody = z.strictObject({
  ...Common,
  target: Amount,
  better: z.enum(['higher', 'lower']).optional(),
  yellowFrom: z.number().min(0).max(100).nullable().optional(),
})

type AnyRow = { [k: string]: unknown } & Awaited<ReturnType<typeof rowsOfKey>>[number]
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

const presentRow = (r: AnyRow) => ({
  id: Number(r.id),
  orgUnitId: Number(r.org_unit_id),
  unitName: r.unit_name,
  period: r.period_label,
  from: r.period_from,
  to: r.period_to,
  ...('value' in r ? { value: num(r.value), source: String(r.source ?? '') } : {}),
  ...('target' in r
    ? { target: num(r.target), better: String(r.better), yellowFrom: num(r.yellow_from) }
    : {}),
  note: r.note,
  version: r.version,
  updatedAt: r.updated_at,
})

/** Rows the actor may see: his subtree's, and his ancestors' (a benchmark set above him applies to him). */
export async function listEntries(ctx: Ctx, table: EntryTable, key: string) {
  authorize(ctx.actor, 'indicator.read')
  await indicatorOr404(ctx, key)
  const rows = await rowsOfKey(ctx.db, table, key)
  const visible = rows.filter(
    (r) => r.unit_path.startsWith(ctx.actor.scopePath) || ctx.actor.scopePath.startsWith(r.unit_path),
  )
  return { items: visible.map((r) => presentRow(r as AnyRow)) }
}

export async function putEntry(
  ctx: Ctx,
  table: EntryTable,
  key: string,
  body: z.infer<typeof PutValueBody> | z.infer<typeof PutTargetBody>,
) {
  authorize(ctx.actor, 'indicator.config')
  const ind = await indicatorOr404(ctx, key)
  if (table === 'indicator_values' && ind.source !== 'manual')
    throw badRequest('validation', {}, [{ field: 'value', key: 'indicator_not_manual', params: { key } }])
  const period = periodFrom(body.period)
  const unit = await unitById(ctx.db, body.orgUnitId)
  if (!unit) throw badRequest('validation', {}, [{ field: 'orgUnitId', key: 'indicator_unit_unknown' }])
  assertInScope(ctx.actor, unit.path)
  const at = nowIso(ctx)
  const fields =
    'value' in body
      ? { value: body.value, source: body.source }
      : {
          target: body.target,
          better: body.better ?? ind.better ?? 'higher',
          yellow_from: body.yellowFrom ?? null,
        }
  return ctx.db.transaction().execute(async (trx) => {
    const [live] = await periodRows(trx, table, key, period.from, period.to, [Number(unit.id)])
    if (live) {
      if (body.version !== live.version) throw staleVersion(live.version)
      const r = await trx
        .updateTable(table)
        .set({
          ...fields,
          note: body.note,
          version: live.version + 1,
          entered_by: ctx.actor.id || null,
          updated_at: at,
        })
        .where('id', '=', live.id)
        .where('version', '=', live.version)
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) !== 1) throw staleVersion(live.version + 1)
    } else {
      await trx
        .insertInto(table)
        .values({
          indicator_key: key,
          org_unit_id: Number(unit.id),
          period_label: period.label,
          period_from: period.from,
          period_to: period.to,
          ...fields,
          note: body.note,
          version: 1,
          entered_by: ctx.actor.id || null,
          created_at: at,
          updated_at: at,
          voided_at: null,
          void_reason: null,
        } as never)
        .execute()
    }
    await recordAudit(trx, ctx, ctx.actor, {
      action: table === 'indicator_values' ? 'indicator.value.put' : 'indicator.target.put',
      entity: 'indicator',
      entityId: null,
      before: live
        ? { ...fieldsOf(live as unknown as Record<string, unknown>), version: live.version }
        : null,
      after: { key, orgUnitId: Number(unit.id), period: period.label, ...fields },
    })
    const [now] = await periodRows(trx, table, key, period.from, period.to, [Number(unit.id)])
    return { id: Number(now?.id), version: now?.version ?? 1, period: period.label }
  })
}

const fieldsOf = (r: Record<string, unknown>) => ('value' in r ? { value: r.value } : { target: r.target })

export async function voidEntry(
  ctx: Ctx,
  table: EntryTable,
  id: number,
  body: { version: number; reason: string },
) {
  authorize(ctx.actor, 'indicator.config')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await periodRowById(trx, table, id)
    const unit = row && !row.voided_at ? await unitById(trx, row.org_unit_id) : undefined
    if (!row || !unit) throw notFound()
    assertInScope(ctx.actor, unit.path)
    if (row.version !== body.version) throw staleVersion(row.version)
    const at = nowIso(ctx)
    await trx
      .updateTable(table)
      .set({ voided_at: at, void_reason: body.reason, updated_at: at, version: row.version + 1 })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, ctx, ctx.actor, {
      action: table === 'indicator_values' ? 'indicator.value.void' : 'indicator.target.void',
      entity: 'indicator',
      entityId: id,
      before: { key: row.indicator_key, period: row.period_label, orgUnitId: row.org_unit_id },
      after: { reason: body.reason },
    })
  })
}
