/**
 * The expert's side (评审): his assignments and nothing else (any other id is 404), the rubric,
 * the application (with blind review, without the applicant's unit and without file names), his
 * own scores per leaf criterion with comments and the running total. Saving keeps a draft; submit
 * needs every leaf scored and freezes his sheet. No view here ever holds another expert's scores.
 */
import { type Criterion, leaves, scoreSheet } from '../../../domain/selections/rubric.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso, type Tx } from '../../context.js'
import { badRequest, conflict, type FieldError, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { attachmentsOf } from '../attachments/present.js'
import { addEvent, assertStatus } from './access.js'
import { APPLICATION_FILES, materialsOf } from './application-view.js'
import { refreshScored } from './programme-actions.js'
import { criteriaOf } from './programmes.js'
import {
  type AssignmentRow,
  findApplication,
  findAssignment,
  findProgramme,
  findRubric,
  liveAssignments,
  updateVersioned,
} from './repository.js'
import type { SaveScoresInput } from './schema.js'

async function loadMine(ctx: Ctx, db: Tx, id: number) {
  authorize(ctx.actor, 'selection.review')
  const s = await findAssignment(db, id)
  if (!s || s.voided_at || s.user_id !== ctx.actor.id) throw notFound()
  const a = await findApplication(db, s.application_id)
  const p = await findProgramme(db, s.programme_id)
  if (!a || !p || a.voided_at || p.voided_at || a.status !== 'submitted') throw notFound()
  const rubric = await findRubric(db, p.rubric_id)
  return { s, a, p, criteria: criteriaOf(rubric?.criteria_json ?? '[]'), total: rubric?.total ?? 100 }
}

type Loaded = Awaited<ReturnType<typeof loadMine>>

function summaryOf({ s, a, p }: Pick<Loaded, 's' | 'a' | 'p'>) {
  const blind = p.blind === 1
  return {
    id: s.id,
    programmeId: p.id,
    programme: p.name,
    batch: p.batch,
    kind: p.kind,
    blind,
    applicationId: a.id,
    title: a.title,
    field: a.field,
    applicant: blind ? null : a.unit_name,
    status: s.status as 'assigned' | 'submitted',
    total: s.total,
    submittedAt: s.submitted_at,
    version: s.version,
  }
}

export async function listReviews(ctx: Ctx) {
  authorize(ctx.actor, 'selection.review')
  const items = []
  for (const s of await liveAssignments(ctx.db, { userId: ctx.actor.id })) {
    const a = await findApplication(ctx.db, s.application_id)
    const p = await findProgramme(ctx.db, s.programme_id)
    if (a && p && !a.voided_at && !p.voided_at && a.status === 'submitted') items.push(summaryOf({ s, a, p }))
  }
  return { items }
}

async function present(db: Tx, l: Loaded) {
  const blind = l.p.blind === 1
  const files = (await attachmentsOf(db, APPLICATION_FILES, [l.a.id])).get(l.a.id) ?? []
  const m = materialsOf(JSON.parse(l.p.materials_json), files)
  const file = (f: (typeof files)[number]) => ({
    id: f.id,
    filename: blind ? null : f.filename,
    fileType: f.fileType,
    sizeBytes: f.sizeBytes,
  })
  const scores = JSON.parse(l.s.scores_json) as Record<string, number>
  const sheet = scoreSheet(l.criteria, scores)
  return {
    ...summaryOf(l),
    summary: l.a.summary,
    form: JSON.parse(l.a.form_json) as Record<string, string>,
    materials: m.materials.map((x) => ({ name: x.name, files: x.files.map(file) })),
    otherFiles: m.otherFiles.map(file),
    criteria: l.criteria,
    rubricTotal: l.total,
    scores,
    comments: JSON.parse(l.s.comments_json) as Record<string, string>,
    comment: l.s.comment,
    runningTotal: sheet.total,
    byTop: sheet.byTop,
    missing: sheet.missing,
  }
}

export async function getReview(ctx: Ctx, id: number) {
  return present(ctx.db, await loadMine(ctx, ctx.db, id))
}

function checkScores(criteria: Criterion[], input: SaveScoresInput) {
  const byKey = new Map(leaves(criteria).map((l) => [l.key, l]))
  const fields: FieldError[] = []
  for (const [key, v] of Object.entries(input.scores)) {
    const leaf = byKey.get(key)
    if (!leaf) fields.push({ field: `scores.${key}`, key: 'selection_unknown_criterion' })
    else if (v !== null && v > leaf.maxScore)
      fields.push({
        field: `scores.${key}`,
        key: 'selection_score_above_max',
        params: { title: leaf.title, max: leaf.maxScore },
      })
  }
  for (const key of Object.keys(input.comments))
    if (!byKey.has(key)) fields.push({ field: `comments.${key}`, key: 'selection_unknown_criterion' })
  if (fields.length) throw badRequest('validation', {}, fields)
}

function assertOpen(s: AssignmentRow) {
  if (s.status === 'submitted') throw conflict('selection_review_submitted')
}

/** Saves a draft of his scores (merged into what he saved before; null clears a score). */
export async function saveScores(ctx: Ctx, id: number, input: SaveScoresInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const l = await loadMine(ctx, trx, id)
    assertOpen(l.s)
    assertStatus(l.p, 'reviewing')
    if (l.s.version !== input.version) throw staleVersion(l.s.version)
    checkScores(l.criteria, input)
    const scores = { ...(JSON.parse(l.s.scores_json) as Record<string, number | null>), ...input.scores }
    for (const k of Object.keys(scores)) if (scores[k] === null) delete scores[k]
    const comments = { ...(JSON.parse(l.s.comments_json) as Record<string, string>), ...input.comments }
    const sheet = scoreSheet(l.criteria, scores as Record<string, number>)
    const patch = {
      scores_json: JSON.stringify(scores),
      comments_json: JSON.stringify(comments),
      comment: input.comment ?? l.s.comment,
      total: sheet.total,
      by_top_json: JSON.stringify(sheet.byTop),
      updated_at: nowIso(ctx),
    }
    if (!(await updateVersioned(trx, 'selection_assignments', id, input.version, patch)))
      throw staleVersion(input.version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.review.save',
      entity: 'selection_assignment',
      entityId: id,
      before: { total: l.s.total },
      after: { total: sheet.total, scored: leaves(l.criteria).length - sheet.missing.length },
    })
    const fresh = (await findAssignment(trx, id)) as AssignmentRow
    return present(trx, { ...l, s: fresh })
  })
}

/** Submits his sheet: every leaf scored (400 naming the missing ones); afterwards it cannot change. */
export async function submitReview(ctx: Ctx, id: number, version: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const l = await loadMine(ctx, trx, id)
    assertOpen(l.s)
    assertStatus(l.p, 'reviewing')
    if (l.s.version !== version) throw staleVersion(l.s.version)
    const sheet = scoreSheet(l.criteria, JSON.parse(l.s.scores_json))
    if (sheet.missing.length) {
      const titles = new Map(leaves(l.criteria).map((x) => [x.key, x.title]))
      throw badRequest(
        'selection_scores_missing',
        { titles: sheet.missing.map((k) => titles.get(k)).join('、') },
        sheet.missing.map((k) => ({
          field: `scores.${k}`,
          key: 'selection_score_missing',
          params: { title: titles.get(k) },
        })),
      )
    }
    const at = nowIso(ctx)
    const ok = await updateVersioned(trx, 'selection_assignments', id, version, {
      status: 'submitted',
      submitted_at: at,
      total: sheet.total,
      by_top_json: JSON.stringify(sheet.byTop),
      updated_at: at,
    })
    if (!ok) throw staleVersion(version + 1)
    await addEvent(trx, ctx, l.p.id, 'review_submit', { assignmentId: id }, l.a.id)
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'selection.review.submit',
      entity: 'selection_assignment',
      entityId: id,
      before: { status: 'assigned' },
      after: { status: 'submitted', total: sheet.total },
    })
    await refreshScored(trx, ctx, l.p.id)
  })
  return getReview(ctx, id)
}
