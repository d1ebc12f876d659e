/** Programmes as the API shows them: rules, status, what the viewer may do next, the notice. */
import { mayFinalise, noticeState } from '../../../domain/selections/notice.js'
import type { Ctx, Tx } from '../../context.js'
import { authorize } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { loadProgramme, type ProgrammeRole, roleIn, today } from './access.js'
import {
  findRubric,
  listApplications,
  listObjections,
  listProgrammes,
  type ObjectionRow,
  type ProgrammeRow,
} from './repository.js'
import type { ListProgrammesQuery, ProgrammeAction, ProgrammeStatus } from './schema.js'

export interface ObjectionView {
  id: number
  applicationId: number | null
  text: string
  lodgedBy: string
  lodgedOn: string
  answer: string | null
  upheld: boolean | null
  answeredBy: string | null
  answeredAt: string | null
  version: number
}

export interface ProgrammeView {
  id: number
  name: string
  kind: 'selection' | 'accreditation'
  batch: string
  description: string
  quota: number | null
  passMark: number | null
  eligibleKinds: string[]
  opensOn: string
  closesOn: string
  materials: string[]
  rubric: { id: number; name: string; revision: number; total: number }
  expertsPerApplication: number
  aggregation: 'mean' | 'trimmed_mean'
  dispersionMargin: number
  blind: boolean
  noticeDays: number
  ownerUnitId: number
  ownerUnit: string
  status: ProgrammeStatus
  assignSeed: number | null
  decisionNo: number
  decidedAt: string | null
  approvedOn: string | null
  approvedBy: string | null
  returnReason: string | null
  notice: { publishedOn: string | null; endsOn: string | null; state: 'not_published' | 'open' | 'closed' }
  finalisedOn: string | null
  /** How the viewer sees it: the whole programme, or as a unit that may apply. */
  viewerRole: ProgrammeRole
  /** Submitted and draft applications (overseers only; null for applicants). */
  applications: { submitted: number; draft: number } | null
  /** Objections: all for overseers; an applicant sees those he lodged. */
  objections: ObjectionView[]
  allowedActions: ProgrammeAction[]
  canApply: boolean
  source: string
  version: number
  voided: boolean
  voidReason: string | null
}

export function presentObjection(o: ObjectionRow): ObjectionView {
  return {
    id: o.id,
    applicationId: o.application_id,
    text: o.text,
    lodgedBy: o.lodged_by_name,
    lodgedOn: o.lodged_on,
    answer: o.answer,
    upheld: o.upheld === null ? null : o.upheld === 1,
    answeredBy: o.answered_by_name,
    answeredAt: o.answered_at,
    version: o.version,
  }
}

/** The next steps open to this viewer (the use cases check the same rules again). */
export function allowedActions(
  ctx: Pick<Ctx, 'actor'>,
  p: ProgrammeRow,
  role: ProgrammeRole,
  day: string,
  openObjections: number,
): ProgrammeAction[] {
  if (role !== 'overseer' || p.voided_at) return []
  const manage = hasPermission(ctx.actor.role, 'selection.manage')
  const approve = hasPermission(ctx.actor.role, 'selection.approve')
  const out: ProgrammeAction[] = []
  if (manage && p.status === 'draft') out.push('open')
  if (manage && p.status === 'open') out.push('close')
  if (manage && p.status === 'scored') out.push('decide')
  if (approve && p.status === 'decided') out.push('approve', 'return')
  if (manage && p.status === 'approved') out.push('publish')
  const state = noticeState(day, p.notice_published_on, p.notice_ends_on)
  if (manage && p.status === 'notice' && mayFinalise(state, openObjections)) out.push('finalise')
  return out
}

export function applyWindowOpen(p: ProgrammeRow, day: string): boolean {
  return p.status === 'open' && !p.voided_at && p.opens_on <= day && day <= p.closes_on
}

export async function presentProgramme(
  ctx: Ctx,
  db: Tx,
  p: ProgrammeRow,
  role: ProgrammeRole,
): Promise<ProgrammeView> {
  const rubric = await findRubric(db, p.rubric_id)
  const objections = (await listObjections(db, p.id)).filter(
    (o) => role === 'overseer' || o.lodged_by === ctx.actor.id,
  )
  const all = role === 'overseer' ? await listApplications(db, { programmeId: p.id }) : null
  const day = today(ctx)
  const open = objections.filter((o) => o.answer === null).length
  return {
    id: p.id,
    name: p.name,
    kind: p.kind as ProgrammeView['kind'],
    batch: p.batch,
    description: p.description,
    quota: p.quota,
    passMark: p.pass_mark,
    eligibleKinds: JSON.parse(p.eligible_kinds_json),
    opensOn: p.opens_on,
    closesOn: p.closes_on,
    materials: JSON.parse(p.materials_json),
    rubric: {
      id: p.rubric_id,
      name: rubric?.name ?? '',
      revision: rubric?.revision ?? 1,
      total: rubric?.total ?? 100,
    },
    expertsPerApplication: p.experts_per_application,
    aggregation: p.aggregation as ProgrammeView['aggregation'],
    dispersionMargin: p.dispersion_margin,
    blind: p.blind === 1,
    noticeDays: p.notice_days,
    ownerUnitId: p.owner_unit_id,
    ownerUnit: p.owner_name,
    status: p.status as ProgrammeStatus,
    assignSeed: role === 'overseer' ? p.assign_seed : null,
    decisionNo: p.decision_no,
    decidedAt: p.decided_at,
    approvedOn: p.approved_on,
    approvedBy: p.approved_by_name,
    returnReason: role === 'overseer' ? p.return_reason : null,
    notice: {
      publishedOn: p.notice_published_on,
      endsOn: p.notice_ends_on,
      state: noticeState(day, p.notice_published_on, p.notice_ends_on),
    },
    finalisedOn: p.finalised_on,
    viewerRole: role,
    applications: all
      ? {
          submitted: all.filter((a) => a.status === 'submitted').length,
          draft: all.filter((a) => a.status === 'draft').length,
        }
      : null,
    objections: objections.map(presentObjection),
    allowedActions: allowedActions(ctx, p, role, day, open),
    canApply: hasPermission(ctx.actor.role, 'selection.apply') && applyWindowOpen(p, day),
    source: p.source,
    version: p.version,
    voided: p.voided_at !== null,
    voidReason: p.void_reason,
  }
}

export async function getProgramme(
  ctx: Ctx,
  id: number,
  opts: { allowVoided?: boolean } = {},
): Promise<ProgrammeView> {
  const { p, role } = await loadProgramme(ctx, ctx.db, id, opts)
  return presentProgramme(ctx, ctx.db, p, role)
}

export async function listProgrammeViews(
  ctx: Ctx,
  q: ListProgrammesQuery,
): Promise<{ items: ProgrammeView[] }> {
  authorize(ctx.actor, 'selection.read')
  const rows = await listProgrammes(ctx.db, ctx.actor.scopePath, {
    status: q.status,
    kind: q.kind,
    includeVoided: q.includeVoided === 'true',
  })
  const items: ProgrammeView[] = []
  for (const p of rows) {
    const role = roleIn(ctx, p)
    if (role) items.push(await presentProgramme(ctx, ctx.db, p, role))
  }
  return { items }
}
