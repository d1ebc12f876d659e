/**
 * Programmes (遴选 / 评估认定项目): written by a department with `selection.manage` under its own
 * unit, edited only while a draft (once open, units apply against its rules), voided with a reason.
 */
import type { Criterion } from '../../../domain/selections/rubric.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, type FieldError, staleVersion } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { findById } from '../org/repository.js'
import { addEvent, assertStatus, loadManagedProgramme } from './access.js'
import { getProgramme, type ProgrammeView } from './programme-view.js'
import { findRubric, insertProgramme, type ProgrammeRow, updateVersioned } from './repository.js'
import type { CreateProgrammeInput, UpdateProgrammeInput } from './schema.js'

type Rules = Omit<CreateProgrammeInput, 'ownerUnitId'>

/** The rules checked together, each problem naming its field. */
async function checkRules(trx: Tx, ctx: Ctx, r: Rules): Promise<void> {
  const fields: FieldError[] = []
  if (r.closesOn < r.opensOn)
    fields.push({ field: 'closesOn', key: 'selection_closes_before_opens', params: { opens: r.opensOn } })
  if (r.kind === 'selection' && !r.quota) fields.push({ field: 'quota', key: 'selection_quota_required' })
  const rubric = await findRubric(trx, r.rubricId)
  const readable =
    rubric &&
    !rubric.voided_at &&
    (inScope(ctx.actor, rubric.owner_path) || ctx.actor.scopePath.startsWith(rubric.owner_path))
  if (!readable) fields.push({ field: 'rubricId', key: 'not_found' })
  if (r.kind === 'accreditation') {
    if (r.passMark === null || r.passMark === undefined)
      fields.push({ field: 'passMark', key: 'selection_pass_mark_required' })
    else if (rubric && r.passMark > rubric.total)
      fields.push({
        field: 'passMark',
        key: 'selection_pass_mark_above_total',
        params: { total: rubric.total },
      })
  }
  const seen = new Set<string>()
  r.materials.forEach((m, i) => {
    if (seen.has(m))
      fields.push({ field: `materials.${i}`, key: 'selection_material_duplicate', params: { name: m } })
    seen.add(m)
  })
  if (fields.length) throw badRequest('validation', {}, fields)
}

const columns = (r: Rules) => ({
  name: r.name,
  kind: r.kind,
  batch: r.batch,
  description: r.description,
  quota: r.kind === 'selection' ? (r.quota ?? null) : null,
  pass_mark: r.kind === 'accreditation' ? (r.passMark ?? null) : null,
  eligible_kinds_json: JSON.stringify([...new Set(r.eligibleKinds)]),
  opens_on: r.opensOn,
  closes_on: r.closesOn,
  materials_json: JSON.stringify(r.materials),
  rubric_id: r.rubricId,
  experts_per_application: r.expertsPerApplication,
  aggregation: r.aggregation,
  dispersion_margin: r.dispersionMargin,
  blind: r.blind ? 1 : 0,
  notice_days: r.noticeDays,
})

/** Writes a programme (checks included, permission excluded): the use case and the demo share it. */
export async function writeProgramme(
  trx: Tx,
  ctx: Ctx,
  input: CreateProgrammeInput,
  source: 'manual' | 'demo' = 'manual',
): Promise<number> {
  const ownerUnitId = input.ownerUnitId ?? ctx.actor.orgUnitId
  const owner = await findById(trx, ownerUnitId)
  if (!owner || owner.voided_at || !inScope(ctx.actor, owner.path))
    throw badRequest('validation', {}, [{ field: 'ownerUnitId', key: 'selection_unit_out_of_scope' }])
  await checkRules(trx, ctx, input)
  const at = nowIso(ctx)
  const id = await insertProgramme(trx, {
    ...columns(input),
    owner_unit_id: ownerUnitId,
    status: 'draft',
    assign_seed: null,
    decision_no: 0,
    decided_at: null,
    approved_on: null,
    approved_by_name: null,
    return_reason: null,
    notice_published_on: null,
    notice_ends_on: null,
    finalised_on: null,
    source,
    version: 1,
    created_by: ctx.actor.id || null,
    created_by_name: ctx.actor.displayName,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
  })
  await addEvent(trx, ctx, id, 'create', { name: input.name, source })
  await recordAudit(trx, ctx, ctx.actor, {
    action: 'selection.programme.create',
    entity: 'selection_programme',
    entityId: id,
    before: null,
    after: { ...input, ownerUnitId, source },
  })
  return id
}

export async function createProgramme(ctx: Ctx, input: CreateProgrammeInput): Promise<ProgrammeView> {
  authorize(ctx.actor, 'selection.manage')
  const id = await ctx.db.transaction().execute((trx) => writeProgramme(trx, ctx, input))
  return getProgramme(ctx, id)
}

const rulesOf = (p: ProgrammeRow): Rules => ({
  name: p.name,
  kind: p.kind as Rules['kind'],
  batch: p.batch,
  description: p.description,
  quota: p.quota,
  passMark: p.pass_mark,
  eligibleKinds: JSON.parse(p.eligible_kinds_json),
  opensOn: p.opens_on,
  closesOn: p.closes_on,
  materials: JSON.parse(p.materials_json),
  rubricId: p.rubric_id,
  expertsPerApplication: p.experts_per_application,
  aggregation: p.aggregation as Rules['aggregation'],
  dispersionMargin: p.dispersion_margin,
  blind: p.blind === 1,
  noticeDays: p.notice_days,
})

export async function updateProgramme(
  ctx: Ctx,
  id: number,
  input: UpdateProgrammeInput,
): Promise<ProgrammeView> {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await loadManagedProgramme(ctx, trx, id)
    assertStatus(p, 'draft')
    if (p.version !== input.version) throw staleVersion(p.version)
    const before = rulesOf(p)
    const { version, ...patch } = input
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
    const after: Rules = { ...before, ...defined }
    await checkRules(trx, ctx, after)
    const ok = await updateVersioned(trx, 'selection_programmes', id, version, {
      ...columns(after),
      updated_at: nowIso(ctx),
    })
    if (!ok) throw staleVersion(version + 1)
    await addEvent(trx, ctx, id, 'update', { fields: Object.keys(defined) })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.programme.update',
      entity: 'selection_programme',
      entityId: id,
      before,
      after,
    })
  })
  return getProgramme(ctx, id)
}

export async function voidProgramme(
  ctx: Ctx,
  id: number,
  version: number,
  reason: string,
): Promise<ProgrammeView> {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await loadManagedProgramme(ctx, trx, id)
    // A final list is a public record: it is corrected by a new programme, never voided away.
    assertStatus(p, 'draft', 'open', 'reviewing', 'scored', 'decided')
    if (p.version !== version) throw staleVersion(p.version)
    const at = nowIso(ctx)
    if (
      !(await updateVersioned(trx, 'selection_programmes', id, version, {
        voided_at: at,
        void_reason: reason,
        updated_at: at,
      }))
    )
      throw staleVersion(version + 1)
    await addEvent(trx, ctx, id, 'void', { reason })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.programme.void',
      entity: 'selection_programme',
      entityId: id,
      before: { name: p.name, status: p.status },
      after: { reason },
    })
  })
  return getProgramme(ctx, id, { allowVoided: true })
}

export const criteriaOf = (json: string) => JSON.parse(json) as Criterion[]
