/**
 * Staff define indicators (indicator.config): an aggregate over a ledger, an expression over other
 * indicators, or a manual one. A definition that names a ledger, column or indicator that does not
 * exist, or whose expression would loop, is refused when saved, naming the field: a report must
 * never meet it later as an empty slot. Keys are stable: a voided indicator keeps its key.
 */
import { z } from 'zod'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, type FieldError, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { checkAggregate } from '../statistics/aggregate.js'
import { Definition, definitionJson, INDICATOR_UNITS, type Indicator, IndicatorKey } from './definition.js'
import { findIndicator, reservedPrefixes } from './registry.js'
import { defRowByKey, insertDef, updateDefVersioned } from './repository.js'

const Names = {
  zh: z.string().trim().min(1).max(100),
  en: z.string().trim().min(1).max(150),
  unit: z.enum(INDICATOR_UNITS),
  unitZh: z.string().trim().min(1).max(10),
  descriptionZh: z.string().trim().max(1000).default(''),
  descriptionEn: z.string().trim().max(1000).default(''),
  better: z.enum(['higher', 'lower']).nullable().optional(),
}

export const CreateIndicatorBody = z.strictObject({ key: IndicatorKey, ...Names, definition: Definition })
export const UpdateIndicatorBody = z.strictObject({
  version: z.number().int().positive(),
  zh: Names.zh.optional(),
  en: Names.en.optional(),
  unitZh: Names.unitZh.optional(),
  descriptionZh: z.string().trim().max(1000).optional(),
  descriptionEn: z.string().trim().max(1000).optional(),
  better: Names.better,
  definition: Definition.optional(),
})

/** Problems of a definition, as field errors under `definition.…`. */
async function problemsOf(db: Tx, key: string, d: Definition): Promise<FieldError[]> {
  if (d.kind === 'manual') return []
  if (d.kind === 'aggregate')
    return (await checkAggregate(db, d.aggregate)).map((p) => ({
      field: `definition.aggregate.${p.field}`,
      key: p.key,
      params: p.params,
    }))
  const out: FieldError[] = []
  const e = d.expression
  if ((e.op === 'ratio' || e.op === 'difference') && e.of.length !== 2)
    out.push({ field: 'definition.expression.of', key: 'indicator_expression_two', params: { op: e.op } })
  for (const [i, ref] of e.of.entries()) {
    if (ref === key)
      out.push({ field: `definition.expression.of.${i}`, key: 'indicator_cycle', params: { key } })
    else if (!(await findIndicator(db, ref)))
      out.push({ field: `definition.expression.of.${i}`, key: 'indicator_unknown', params: { key: ref } })
  }
  if (out.length === 0 && (await reaches(db, e.of, key, 0)))
    out.push({ field: 'definition.expression.of', key: 'indicator_cycle', params: { key } })
  return out
}

/** Whether following expressions from `refs` ever comes back to `key`. */
async function reaches(db: Tx, refs: string[], key: string, depth: number): Promise<boolean> {
  if (depth > 8) return true
  for (const ref of refs) {
    if (ref === key) return true
    const ind = await findIndicator(db, ref)
    if (
      ind?.definition?.kind === 'expression' &&
      (await reaches(db, ind.definition.expression.of, key, depth + 1))
    )
      return true
  }
  return false
}

export async function createIndicator(
  ctx: Ctx,
  body: z.infer<typeof CreateIndicatorBody>,
): Promise<Indicator> {
  authorize(ctx.actor, 'indicator.config')
  const prefix = body.key.slice(0, body.key.indexOf('.'))
  if (reservedPrefixes().has(prefix))
    throw badRequest('validation', {}, [{ field: 'key', key: 'indicator_key_reserved', params: { prefix } }])
  await ctx.db.transaction().execute(async (trx) => {
    if (await defRowByKey(trx, body.key)) throw conflict('indicator_key_taken', { key: body.key })
    const problems = await problemsOf(trx, body.key, body.definition)
    if (problems.length) throw badRequest('validation', {}, problems)
    const at = nowIso(ctx)
    const id = await insertDef(trx, {
      key: body.key,
      zh: body.zh,
      en: body.en,
      unit: body.unit,
      unit_zh: body.unitZh,
      description_zh: body.descriptionZh,
      description_en: body.descriptionEn,
      better: body.better ?? null,
      kind: body.definition.kind,
      definition_json: definitionJson(body.definition),
      version: 1,
      created_by: ctx.actor.id || null,
      created_at: at,
      updated_at: at,
      voided_at: null,
      void_reason: null,
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'indicator.define',
      entity: 'indicator',
      entityId: id,
      after: { key: body.key, zh: body.zh, definition: body.definition },
    })
  })
  return (await findIndicator(ctx.db, body.key)) as Indicator
}

async function loadOwn(trx: Tx, key: string) {
  const row = await defRowByKey(trx, key)
  // Module indicators are code: they are not edited here, and answer as unknown to this route.
  if (!row || row.voided_at) throw notFound('indicator_unknown')
  return row
}

export async function updateIndicator(
  ctx: Ctx,
  key: string,
  body: z.infer<typeof UpdateIndicatorBody>,
): Promise<Indicator> {
  authorize(ctx.actor, 'indicator.config')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOwn(trx, key)
    if (row.version !== body.version) throw staleVersion(row.version)
    if (body.definition) {
      const problems = await problemsOf(trx, key, body.definition)
      if (problems.length) throw badRequest('validation', {}, problems)
    }
    const patch = {
      ...(body.zh !== undefined ? { zh: body.zh } : {}),
      ...(body.en !== undefined ? { en: body.en } : {}),
      ...(body.unitZh !== undefined ? { unit_zh: body.unitZh } : {}),
      ...(body.descriptionZh !== undefined ? { description_zh: body.descriptionZh } : {}),
      ...(body.descriptionEn !== undefined ? { description_en: body.descriptionEn } : {}),
      ...(body.better !== undefined ? { better: body.better } : {}),
      ...(body.definition
        ? { kind: body.definition.kind, definition_json: definitionJson(body.definition) }
        : {}),
      updated_at: nowIso(ctx),
    }
    if (!(await updateDefVersioned(trx, Number(row.id), row.version, patch)))
      throw staleVersion(row.version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'indicator.update',
      entity: 'indicator',
      entityId: Number(row.id),
      before: {
        zh: row.zh,
        kind: row.kind,
        definition: JSON.parse(row.definition_json),
        version: row.version,
      },
      after: { ...body },
    })
  })
  return (await findIndicator(ctx.db, key)) as Indicator
}

export async function voidIndicator(ctx: Ctx, key: string, body: { version: number; reason: string }) {
  authorize(ctx.actor, 'indicator.config')
  await ctx.db.transaction().execute(async (trx) => {
    const row = await loadOwn(trx, key)
    if (row.version !== body.version) throw staleVersion(row.version)
    // An expression that uses it would lose its meaning: name the first one.
    const users = await trx
      .selectFrom('indicator_defs')
      .select(['key', 'definition_json'])
      .where('kind', '=', 'expression')
      .where('voided_at', 'is', null)
      .execute()
    const user = users.find((u) =>
      (JSON.parse(u.definition_json) as { expression?: { of?: string[] } }).expression?.of?.includes(key),
    )
    if (user) throw conflict('indicator_in_use', { key, by: user.key })
    const at = nowIso(ctx)
    if (
      !(await updateDefVersioned(trx, Number(row.id), row.version, {
        voided_at: at,
        void_reason: body.reason,
        updated_at: at,
      }))
    )
      throw staleVersion(row.version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'indicator.void',
      entity: 'indicator',
      entityId: Number(row.id),
      before: { key, version: row.version },
      after: { reason: body.reason },
    })
  })
}
