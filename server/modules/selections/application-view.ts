/** Applications as units and overseers see them: form, materials present and missing, result. */
import type { Ctx, Tx } from '../../context.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { attachmentsOf } from '../attachments/present.js'
import type { AttachmentView } from '../attachments/schema.js'
import { loadApplication, loadProgramme, type ProgrammeRole, today } from './access.js'
import { applyWindowOpen } from './programme-view.js'
import { type ApplicationRow, listApplications, listResults, type ProgrammeRow } from './repository.js'
import type { ListApplicationsQuery } from './schema.js'

export const APPLICATION_FILES = 'selection_application'

export interface MaterialView {
  name: string
  present: boolean
  files: AttachmentView[]
}

export interface ApplicationView {
  id: number
  programmeId: number
  programme: string
  unitId: number
  unit: string
  unitKind: string
  title: string
  field: string | null
  summary: string
  form: Record<string, string>
  status: 'draft' | 'submitted' | 'withdrawn'
  submittedAt: string | null
  withdrawnAt: string | null
  withdrawReason: string | null
  materials: MaterialView[]
  /** Files not filed under a required material. */
  otherFiles: AttachmentView[]
  missingMaterials: string[]
  canEdit: boolean
  /** The frozen outcome: overseers once decided, the unit once the notice is published. */
  result: { rank: number; score: number | null; outcome: string } | null
  createdBy: string
  createdAt: string
  version: number
}

/** Required materials with their live files (a file's note names the material it is filed under). */
export function materialsOf(required: readonly string[], files: readonly AttachmentView[]) {
  const live = files.filter((f) => f.voidedAt === null)
  const materials = required.map((name) => {
    const mine = live.filter((f) => f.note === name)
    return { name, present: mine.length > 0, files: mine }
  })
  return {
    materials,
    otherFiles: live.filter((f) => !required.includes(f.note)),
    missing: materials.filter((m) => !m.present).map((m) => m.name),
  }
}

async function resultsFor(db: Tx, p: ProgrammeRow, role: ProgrammeRole) {
  const visible = (
    role === 'overseer' ? ['decided', 'approved', 'notice', 'final'] : ['notice', 'final']
  ).includes(p.status)
  if (!visible) return new Map<number, ApplicationView['result']>()
  const rows = await listResults(db, p.id, p.decision_no)
  return new Map(
    rows.map((r) => [
      r.application_id,
      { rank: r.rank, score: r.score, outcome: r.final_outcome ?? r.outcome },
    ]),
  )
}

export async function presentApplications(
  ctx: Ctx,
  db: Tx,
  p: ProgrammeRow,
  role: ProgrammeRole,
  rows: ApplicationRow[],
): Promise<ApplicationView[]> {
  const files = await attachmentsOf(
    db,
    APPLICATION_FILES,
    rows.map((a) => a.id),
  )
  const results = await resultsFor(db, p, role)
  const required = JSON.parse(p.materials_json) as string[]
  const open = applyWindowOpen(p, today(ctx))
  return rows.map((a) => {
    const m = materialsOf(required, files.get(a.id) ?? [])
    return {
      id: a.id,
      programmeId: p.id,
      programme: p.name,
      unitId: a.unit_id,
      unit: a.unit_name,
      unitKind: a.unit_kind,
      title: a.title,
      field: a.field,
      summary: a.summary,
      form: JSON.parse(a.form_json),
      status: a.status as ApplicationView['status'],
      submittedAt: a.submitted_at,
      withdrawnAt: a.withdrawn_at,
      withdrawReason: a.withdraw_reason,
      materials: m.materials,
      otherFiles: m.otherFiles,
      missingMaterials: m.missing,
      canEdit:
        open &&
        a.status === 'draft' &&
        hasPermission(ctx.actor.role, 'selection.apply') &&
        inScope(ctx.actor, a.unit_path),
      result: results.get(a.id) ?? null,
      createdBy: a.created_by_name,
      createdAt: a.created_at,
      version: a.version,
    }
  })
}

export async function getApplication(ctx: Ctx, id: number): Promise<ApplicationView> {
  const { a, p, role } = await loadApplication(ctx, ctx.db, id)
  return (await presentApplications(ctx, ctx.db, p, role, [a]))[0] as ApplicationView
}

/**
 * Applications the actor may see: overseers every one of a programme they oversee, a unit its own
 * (a county its subtree's). Without `programmeId`, a unit's own applications across programmes.
 */
export async function listApplicationViews(
  ctx: Ctx,
  q: ListApplicationsQuery,
): Promise<{ items: ApplicationView[] }> {
  authorize(ctx.actor, 'selection.read')
  if (q.programmeId) {
    const { p, role } = await loadProgramme(ctx, ctx.db, q.programmeId)
    const rows = await listApplications(ctx.db, {
      programmeId: p.id,
      status: q.status,
      ...(role === 'applicant' ? { unitPathPrefix: ctx.actor.scopePath } : {}),
    })
    return { items: await presentApplications(ctx, ctx.db, p, role, rows) }
  }
  const rows = await listApplications(ctx.db, { status: q.status, unitPathPrefix: ctx.actor.scopePath })
  const items: ApplicationView[] = []
  const byProgramme = new Map<number, ApplicationRow[]>()
  for (const a of rows) byProgramme.set(a.programme_id, [...(byProgramme.get(a.programme_id) ?? []), a])
  for (const [pid, list] of byProgramme) {
    const seen = await loadProgramme(ctx, ctx.db, pid).catch(() => null)
    if (seen) items.push(...(await presentApplications(ctx, ctx.db, seen.p, seen.role, list)))
  }
  return { items }
}
