/**
 * Assigning experts (专家分配) once applications close. The draw (domain assignExperts) takes the
 * pools of the programme's unit and above, leaves out conflicts of interest (same unit, a unit
 * above or below, declared) and records each exclusion with its reason, then draws within the
 * application's field, least loaded first, by lot from a seed kept in the programme and in every
 * assignment. By hand, a manager adds or removes one expert; a conflicted expert is refused with
 * the reason, and the refusal is recorded too.
 */
import { randomInt } from 'node:crypto'
import {
  type ApplicationInfo,
  assignExperts,
  conflictOf,
  type ExpertInfo,
} from '../../../domain/selections/assignment.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { addEvent, assertStatus, loadManagedProgramme } from './access.js'
import { refreshScored } from './programme-actions.js'
import {
  type ApplicationRow,
  type ExpertRow,
  expertsAbove,
  findApplication,
  findAssignment,
  findExpert,
  insertAssignments,
  insertExclusions,
  listApplications,
  liveAssignments,
  updateVersioned,
} from './repository.js'
import { getRoundSummary } from './round-views.js'

const expertInfo = (e: ExpertRow): ExpertInfo => ({
  id: e.id,
  unitPath: e.tree_unit_path,
  fields: JSON.parse(e.fields_json),
  conflicts: JSON.parse(e.conflicts_json),
})
const appInfo = (a: ApplicationRow): ApplicationInfo => ({
  id: a.id,
  unitId: a.unit_id,
  unitPath: a.unit_path,
  field: a.field,
})

function assignmentRow(
  ctx: Ctx,
  programmeId: number,
  applicationId: number,
  expertId: number,
  how: string,
  seed: number | null,
) {
  const at = nowIso(ctx)
  return {
    programme_id: programmeId,
    application_id: applicationId,
    expert_id: expertId,
    how,
    seed,
    status: 'assigned',
    scores_json: '{}',
    comments_json: '{}',
    comment: '',
    total: null,
    by_top_json: '{}',
    submitted_at: null,
    version: 1,
    created_by: ctx.actor.id || null,
    created_by_name: ctx.actor.displayName,
    created_at: at,
    updated_at: at,
    voided_at: null,
    void_reason: null,
  }
}

/** The draw for every submitted application short of its panel (the demo calls it too). */
export async function drawPanels(
  trx: Tx,
  ctx: Ctx,
  programmeId: number,
  ownerPath: string,
  per: number,
  seed: number,
) {
  const apps = await listApplications(trx, { programmeId, status: 'submitted' })
  const pool = (await expertsAbove(trx, ownerPath)).map(expertInfo)
  const live = await liveAssignments(trx, { programmeId })
  const load = new Map<number, number>()
  const have = new Map<number, number[]>()
  for (const s of live) {
    load.set(s.expert_id, (load.get(s.expert_id) ?? 0) + 1)
    have.set(s.application_id, [...(have.get(s.application_id) ?? []), s.expert_id])
  }
  const fresh = apps.filter((a) => !have.has(a.id))
  const partial = apps.filter((a) => (have.get(a.id)?.length ?? 0) > 0 && (have.get(a.id)?.length ?? 0) < per)
  const drawn = assignExperts(fresh.map(appInfo), pool, per, seed, load)
  for (const a of partial) {
    const mine = have.get(a.id) ?? []
    const others = pool.filter((e) => !mine.includes(e.id))
    drawn.push(...assignExperts([appInfo(a)], others, per - mine.length, seed + a.id, load))
  }
  const at = nowIso(ctx)
  await insertExclusions(
    trx,
    drawn.flatMap((d) =>
      d.excluded.map((x) => ({
        programme_id: programmeId,
        application_id: d.applicationId,
        expert_id: x.expertId,
        reason: x.reason,
        source: 'random',
        created_by_name: ctx.actor.displayName,
        created_at: at,
      })),
    ),
  )
  await insertAssignments(
    trx,
    drawn.flatMap((d) =>
      d.expertIds.map((e) => assignmentRow(ctx, programmeId, d.applicationId, e, 'random', seed)),
    ),
  )
  return drawn
}

export async function assignRandom(
  ctx: Ctx,
  programmeId: number,
  input: { version: number; seed?: number | undefined },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const p = await loadManagedProgramme(ctx, trx, programmeId)
    assertStatus(p, 'reviewing', 'scored')
    if (p.version !== input.version) throw staleVersion(p.version)
    const seed = input.seed ?? randomInt(0, 2_147_483_647)
    const drawn = await drawPanels(trx, ctx, p.id, p.owner_path, p.experts_per_application, seed)
    if (
      !(await updateVersioned(trx, 'selection_programmes', p.id, input.version, {
        assign_seed: seed,
        updated_at: nowIso(ctx),
      }))
    )
      throw staleVersion(input.version + 1)
    const detail = {
      seed,
      assigned: drawn.reduce((n, d) => n + d.expertIds.length, 0),
      excluded: drawn.reduce((n, d) => n + d.excluded.length, 0),
      short: drawn.filter((d) => d.short).map((d) => d.applicationId),
    }
    await addEvent(trx, ctx, p.id, 'assign', detail)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.assign',
      entity: 'selection_programme',
      entityId: p.id,
      before: null,
      after: detail,
    })
    await refreshScored(trx, ctx, p.id)
  })
  return getRoundSummary(ctx, programmeId)
}

const CONFLICT_KEYS = {
  same_unit: 'selection_conflict_same_unit',
  related_unit: 'selection_conflict_related_unit',
  declared: 'selection_conflict_declared',
} as const

export async function assignByHand(ctx: Ctx, applicationId: number, expertId: number) {
  authorize(ctx.actor, 'selection.manage')
  const a = await findApplication(ctx.db, applicationId)
  if (!a || a.voided_at) throw notFound()
  const refusal = await ctx.db.transaction().execute(async (trx) => {
    const p = await loadManagedProgramme(ctx, trx, a.programme_id)
    assertStatus(p, 'reviewing', 'scored')
    if (a.status !== 'submitted') throw conflict('selection_application_not_submitted')
    const e = await findExpert(trx, expertId)
    if (!e || e.voided_at || !p.owner_path.startsWith(e.owner_path))
      throw badRequest('validation', {}, [{ field: 'expertId', key: 'not_found' }])
    const reason = conflictOf(expertInfo(e), appInfo(a))
    if (reason) {
      // Recorded, and refused: the record says who was kept out of which application, and why.
      await insertExclusions(trx, [
        {
          programme_id: p.id,
          application_id: a.id,
          expert_id: e.id,
          reason,
          source: 'manual',
          created_by_name: ctx.actor.displayName,
          created_at: nowIso(ctx),
        },
      ])
      await addEvent(trx, ctx, p.id, 'assign_refused', { expert: e.name, reason }, a.id)
      return reason
    }
    if ((await liveAssignments(trx, { applicationId })).some((s) => s.expert_id === e.id))
      throw conflict('selection_expert_already_assigned', { name: e.name })
    await insertAssignments(trx, [assignmentRow(ctx, p.id, a.id, e.id, 'manual', null)])
    await addEvent(trx, ctx, p.id, 'assign_manual', { expert: e.name }, a.id)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.assign.manual',
      entity: 'selection_application',
      entityId: a.id,
      before: null,
      after: { expertId: e.id, expert: e.name },
    })
    await refreshScored(trx, ctx, p.id)
    return null
  })
  if (refusal) {
    throw badRequest('validation', {}, [{ field: 'expertId', key: CONFLICT_KEYS[refusal] }])
  }
  return getRoundSummary(ctx, a.programme_id)
}

/** Removes one expert from one application (voided with a reason; his scores stay in history). */
export async function removeAssignment(ctx: Ctx, assignmentId: number, reason: string) {
  authorize(ctx.actor, 'selection.manage')
  const s = await findAssignment(ctx.db, assignmentId)
  if (!s || s.voided_at) throw notFound()
  await ctx.db.transaction().execute(async (trx) => {
    const p = await loadManagedProgramme(ctx, trx, s.programme_id)
    assertStatus(p, 'reviewing', 'scored')
    const at = nowIso(ctx)
    if (
      !(await updateVersioned(trx, 'selection_assignments', s.id, s.version, {
        voided_at: at,
        void_reason: reason,
        updated_at: at,
      }))
    )
      throw staleVersion(s.version + 1)
    await addEvent(trx, ctx, p.id, 'unassign', { expert: s.expert_name, reason }, s.application_id)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.assign.remove',
      entity: 'selection_application',
      entityId: s.application_id,
      before: { expertId: s.expert_id, status: s.status, total: s.total },
      after: { reason },
    })
    await refreshScored(trx, ctx, p.id)
  })
  return getRoundSummary(ctx, s.programme_id)
}
