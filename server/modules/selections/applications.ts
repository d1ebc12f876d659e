/**
 * Applications (申报). A unit user applies for his own unit (a county user also for a unit in his
 * county), only while the programme is open and its window runs, when the unit's kind is eligible,
 * once per programme (a withdrawn application frees the place). A draft is edited and its
 * materials attached until it is submitted; submitting checks every required material is there;
 * withdrawing is possible until the closing day.
 */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, notFound, staleVersion } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { attachmentsOf } from '../attachments/present.js'
import { findById } from '../org/repository.js'
import { addEvent, loadApplication, loadProgramme, today } from './access.js'
import { APPLICATION_FILES, type ApplicationView, getApplication, materialsOf } from './application-view.js'
import { applyWindowOpen } from './programme-view.js'
import {
  type ApplicationRow,
  insertApplication,
  liveApplicationOf,
  type ProgrammeRow,
  updateVersioned,
} from './repository.js'
import type { ApplyInput, UpdateApplicationInput } from './schema.js'

const MAX_FORM_CHARS = 20_000

/** 409 unless applications are accepted today. */
export function assertWindow(ctx: Ctx, p: ProgrammeRow) {
  if (!applyWindowOpen(p, today(ctx)))
    throw conflict('selection_not_open', { opens: p.opens_on, closes: p.closes_on })
}

function assertForm(form: Record<string, string> | undefined) {
  if (form && JSON.stringify(form).length > MAX_FORM_CHARS)
    throw badRequest('validation', {}, [{ field: 'form', key: 'too_long', params: { max: MAX_FORM_CHARS } }])
}

/** Writes an application (checks included, permission excluded): the use case and the demo share it. */
export async function writeApplication(
  trx: Tx,
  ctx: Ctx,
  p: ProgrammeRow,
  input: ApplyInput,
): Promise<number> {
  const unit = await findById(trx, input.unitId ?? ctx.actor.orgUnitId)
  if (!unit || unit.voided_at || !inScope(ctx.actor, unit.path) || !unit.path.startsWith(p.owner_path))
    throw badRequest('validation', {}, [{ field: 'unitId', key: 'selection_unit_out_of_scope' }])
  const kinds = JSON.parse(p.eligible_kinds_json) as string[]
  if (!kinds.includes(unit.kind))
    throw badRequest('validation', {}, [
      { field: 'unitId', key: 'selection_unit_not_eligible', params: { name: unit.name } },
    ])
  if (await liveApplicationOf(trx, p.id, unit.id))
    throw conflict('selection_already_applied', { name: unit.name })
  assertForm(input.form)
  const at = nowIso(ctx)
  const id = await insertApplication(trx, {
    programme_id: p.id,
    unit_id: unit.id,
    live_unit_id: unit.id,
    title: input.title,
    field: input.field || null,
    summary: input.summary,
    form_json: JSON.stringify(input.form),
    status: 'draft',
    submitted_at: null,
    withdrawn_at: null,
    withdraw_reason: null,
    version: 1,
    created_by: ctx.actor.id || null,
    created_by_name: ctx.actor.displayName,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
  })
  await addEvent(trx, ctx, p.id, 'apply', { unit: unit.name, title: input.title }, id)
  await recordAudit(trx, ctx, ctx.actor, {
    action: 'selection.application.create',
    entity: 'selection_application',
    entityId: id,
    before: null,
    after: { programmeId: p.id, unitId: unit.id, title: input.title, field: input.field ?? null },
  })
  return id
}

export async function apply(ctx: Ctx, programmeId: number, input: ApplyInput): Promise<ApplicationView> {
  authorize(ctx.actor, 'selection.apply')
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { p } = await loadProgramme(ctx, trx, programmeId)
    assertWindow(ctx, p)
    return writeApplication(trx, ctx, p, input)
  })
  return getApplication(ctx, id)
}

/** An application its unit may change: selection.apply (403), its own (404), a draft (409). */
export async function loadOwnApplication(ctx: Ctx, trx: Tx, id: number, version?: number) {
  authorize(ctx.actor, 'selection.apply')
  const { a, p } = await loadApplication(ctx, trx, id)
  if (!inScope(ctx.actor, a.unit_path)) throw notFound()
  if (version !== undefined && a.version !== version) throw staleVersion(a.version)
  return { a, p }
}

function assertDraft(a: ApplicationRow) {
  if (a.status !== 'draft') throw conflict('selection_application_not_draft')
}

export async function updateApplication(
  ctx: Ctx,
  id: number,
  input: UpdateApplicationInput,
): Promise<ApplicationView> {
  await ctx.db.transaction().execute(async (trx) => {
    const { a, p } = await loadOwnApplication(ctx, trx, id, input.version)
    assertDraft(a)
    assertWindow(ctx, p)
    assertForm(input.form)
    const patch = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.field !== undefined ? { field: input.field || null } : {}),
      ...(input.summary !== undefined ? { summary: input.summary } : {}),
      ...(input.form !== undefined ? { form_json: JSON.stringify(input.form) } : {}),
    }
    if (
      !(await updateVersioned(trx, 'selection_applications', id, input.version, {
        ...patch,
        updated_at: nowIso(ctx),
      }))
    )
      throw staleVersion(input.version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.application.update',
      entity: 'selection_application',
      entityId: id,
      before: { title: a.title, field: a.field, summary: a.summary, form: JSON.parse(a.form_json) },
      after: input,
    })
  })
  return getApplication(ctx, id)
}

/** Submits a complete draft: every required material needs at least one live file (400 naming each). */
export async function submitApplication(ctx: Ctx, id: number, version: number): Promise<ApplicationView> {
  await ctx.db.transaction().execute(async (trx) => {
    const { a, p } = await loadOwnApplication(ctx, trx, id, version)
    assertDraft(a)
    assertWindow(ctx, p)
    const required = JSON.parse(p.materials_json) as string[]
    const files = (await attachmentsOf(trx, APPLICATION_FILES, [id])).get(id) ?? []
    const { missing } = materialsOf(required, files)
    if (missing.length)
      throw badRequest(
        'selection_incomplete',
        { names: missing.join('、') },
        missing.map((name) => ({
          field: `materials.${required.indexOf(name)}`,
          key: 'selection_material_missing',
          params: { name },
        })),
      )
    const at = nowIso(ctx)
    if (
      !(await updateVersioned(trx, 'selection_applications', id, version, {
        status: 'submitted',
        submitted_at: at,
        updated_at: at,
      }))
    )
      throw staleVersion(version + 1)
    await addEvent(trx, ctx, p.id, 'submit', { unit: a.unit_name }, id)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.application.submit',
      entity: 'selection_application',
      entityId: id,
      before: { status: a.status },
      after: { status: 'submitted', files: files.filter((f) => !f.voidedAt).length },
    })
  })
  return getApplication(ctx, id)
}

/** Withdraws (撤回) a draft or submitted application until the closing day; the unit may apply again. */
export async function withdrawApplication(
  ctx: Ctx,
  id: number,
  version: number,
  reason: string,
): Promise<ApplicationView> {
  await ctx.db.transaction().execute(async (trx) => {
    const { a, p } = await loadOwnApplication(ctx, trx, id, version)
    if (a.status === 'withdrawn') throw conflict('selection_application_withdrawn')
    if (p.status !== 'open' || today(ctx) > p.closes_on)
      throw conflict('selection_withdraw_closed', { closes: p.closes_on })
    const at = nowIso(ctx)
    const ok = await updateVersioned(trx, 'selection_applications', id, version, {
      status: 'withdrawn',
      live_unit_id: null,
      withdrawn_at: at,
      withdraw_reason: reason,
      updated_at: at,
    })
    if (!ok) throw staleVersion(version + 1)
    await addEvent(trx, ctx, p.id, 'withdraw', { unit: a.unit_name, reason }, id)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.application.withdraw',
      entity: 'selection_application',
      entityId: id,
      before: { status: a.status },
      after: { status: 'withdrawn', reason },
    })
  })
  return getApplication(ctx, id)
}
