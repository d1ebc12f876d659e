/**
 * Who sees what of a programme. Two ways in, both with `selection.read`:
 * - an **overseer** is in scope of the owning unit (the department that runs it, its leader, the
 *   auditor, the admin): every application, the round summary, the ranking;
 * - an **applicant** sits below the owning unit (a school or county of the city), and sees the
 *   programme once opened, only his own unit's applications (his subtree's, for a county), and the
 *   list once the public notice is published.
 * Experts have no `selection.read`: they reach only their assignments (reviews.ts). Anything else
 * is 404, never 403, so no one learns that another unit applied.
 */
import { type Ctx, nowIso, type Tx, todayInChina } from '../../context.js'
import { conflict, notFound } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import {
  type ApplicationRow,
  findApplication,
  findProgramme,
  insertEvents,
  type ProgrammeRow,
} from './repository.js'
import type { ProgrammeStatus } from './schema.js'

export type ProgrammeRole = 'overseer' | 'applicant'

export function roleIn(
  ctx: Pick<Ctx, 'actor'>,
  p: Pick<ProgrammeRow, 'owner_path' | 'status'>,
): ProgrammeRole | null {
  if (!hasPermission(ctx.actor.role, 'selection.read')) return null
  if (inScope(ctx.actor, p.owner_path)) return 'overseer'
  if (p.status !== 'draft' && ctx.actor.scopePath.startsWith(p.owner_path)) return 'applicant'
  return null
}

/** A programme the actor may see (live unless `allowVoided`), with how he sees it; else 404. */
export async function loadProgramme(
  ctx: Ctx,
  db: Tx,
  id: number,
  opts: { allowVoided?: boolean } = {},
): Promise<{ p: ProgrammeRow; role: ProgrammeRole }> {
  authorize(ctx.actor, 'selection.read')
  const p = await findProgramme(db, id)
  const role = p ? roleIn(ctx, p) : null
  if (!p || !role || (p.voided_at && !opts.allowVoided)) throw notFound()
  return { p, role }
}

/** For a manager's change: selection.manage (403), then a live programme he oversees (404). */
export async function loadManagedProgramme(ctx: Ctx, db: Tx, id: number): Promise<ProgrammeRow> {
  authorize(ctx.actor, 'selection.manage')
  const { p, role } = await loadProgramme(ctx, db, id)
  if (role !== 'overseer') throw notFound()
  return p
}

/** The programme seen as an overseer (summary, ranking, exclusions), else 404. */
export async function loadOverseenProgramme(ctx: Ctx, db: Tx, id: number): Promise<ProgrammeRow> {
  const { p, role } = await loadProgramme(ctx, db, id)
  if (role !== 'overseer') throw notFound()
  return p
}

/** 409 unless the programme is in one of the statuses. */
export function assertStatus(p: Pick<ProgrammeRow, 'status'>, ...allowed: ProgrammeStatus[]) {
  if (!allowed.includes(p.status as ProgrammeStatus))
    throw conflict('selection_wrong_status', statusParams(p.status))
}

export const STATUS_LABELS: Record<ProgrammeStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  open: { zh: '申报中', en: 'open for applications' },
  reviewing: { zh: '评审中', en: 'in review' },
  scored: { zh: '评分完成', en: 'scored' },
  decided: { zh: '待审定', en: 'awaiting approval' },
  approved: { zh: '已审定', en: 'approved' },
  notice: { zh: '公示中', en: 'under public notice' },
  final: { zh: '已确定', en: 'final' },
}

export function statusParams(status: string) {
  const l = STATUS_LABELS[status as ProgrammeStatus] ?? { zh: status, en: status }
  return { statusZh: l.zh, statusEn: l.en }
}

/** An application the actor may see through its programme, with the programme; else 404. */
export async function loadApplication(
  ctx: Ctx,
  db: Tx,
  id: number,
): Promise<{ a: ApplicationRow; p: ProgrammeRow; role: ProgrammeRole }> {
  authorize(ctx.actor, 'selection.read')
  const a = await findApplication(db, id)
  if (!a || a.voided_at) throw notFound()
  const { p, role } = await loadProgramme(ctx, db, a.programme_id)
  if (role === 'applicant' && !inScope(ctx.actor, a.unit_path)) throw notFound()
  return { a, p, role }
}

export const today = (ctx: Pick<Ctx, 'now'>) => todayInChina(ctx.now())

/** Appends to the programme's timeline (and moves the figures' "changed at"). */
export function addEvent(
  trx: Tx,
  ctx: Pick<Ctx, 'actor' | 'now'>,
  programmeId: number,
  action: string,
  detail: Record<string, unknown> = {},
  applicationId: number | null = null,
) {
  return insertEvents(trx, [
    {
      programme_id: programmeId,
      application_id: applicationId,
      at: nowIso(ctx),
      on_date: today(ctx),
      action,
      actor_id: ctx.actor.id || null,
      actor_name: ctx.actor.displayName,
      detail_json: JSON.stringify(detail),
    },
  ])
}
