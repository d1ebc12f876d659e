/**
 * 整改佐证: files kept in the database (`rectification_evidence.bytes`), not on a local disk, so
 * every app process on PostgreSQL serves the same files and a backup holds them. Each file is
 * checked against the allow-list by extension and content (domain/files/allow-list.ts),
 * limited in size (settings, 20 MB by default), and stored with its SHA-256, which the download
 * checks again. Evidence is added until the problem is signed off, and voided, never deleted.
 */
import { createHash } from 'node:crypto'
import { checkUploadedFile, safeFilename } from '../../../domain/files/allow-list.js'
import { type Ctx, nowIso } from '../../context.js'
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { refusalError } from './act-on-problem.js'
import { recordProblemChange } from './history.js'
import { getProblem, loadLiveProblem } from './read-problems.js'
import {
  findEvidenceBytes,
  findEvidenceMeta,
  findProblem,
  insertEvidence,
  listMeasures,
  touchProblem,
  voidEvidenceRow,
} from './repository.js'
import { loadSettings } from './settings.js'

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

export async function uploadEvidence(
  ctx: Ctx,
  problemId: number,
  file: { filename: string; bytes: Buffer },
  fields: { note?: string | undefined; measureId?: string | undefined },
) {
  authorize(ctx.actor, 'problem.write')
  const settings = await loadSettings(ctx.db)
  const filename = safeFilename(file.filename)
  const checked = checkUploadedFile(filename, file.bytes, settings.evidenceMaxBytes)
  if (!checked.ok) throw refusalError(checked.refusal)
  const note = (fields.note ?? '').trim()
  if ([...note].length > 500)
    throw badRequest('validation', {}, [{ field: 'note', key: 'too_long', params: { max: 500 } }])
  const measureId = fields.measureId ? Number(fields.measureId) : null
  if (measureId !== null && !(Number.isSafeInteger(measureId) && measureId > 0))
    throw badRequest('validation', {}, [{ field: 'measureId', key: 'invalid_type' }])
  await ctx.db.transaction().execute(async (trx) => {
    await loadLiveProblem({ ...ctx, db: trx }, problemId)
    const at = nowIso(ctx)
    // Locks the problem and bumps its version; a signed-off problem keeps the evidence it had.
    const row = await touchProblem(trx, problemId, at)
    if (!row || row.voided_at) throw notFound()
    if (row.status === 'signed_off') throw conflict('problem_locked')
    if (measureId !== null) {
      const m = (await listMeasures(trx, problemId)).find((x) => x.id === measureId && !x.voided_at)
      if (!m) throw badRequest('validation', {}, [{ field: 'measureId', key: 'not_found' }])
    }
    const hash = sha256(file.bytes)
    const id = await insertEvidence(trx, {
      problem_id: problemId,
      measure_id: measureId,
      filename,
      content_type: checked.mime,
      file_type: checked.type,
      size_bytes: file.bytes.length,
      sha256: hash,
      bytes: file.bytes,
      note,
      uploaded_by: ctx.actor.id || null,
      uploaded_by_name: ctx.actor.displayName,
      created_at: at,
      voided_at: null,
      void_reason: null,
    })
    const after = { evidenceId: id, type: checked.type, size: file.bytes.length, sha256: hash }
    // The problem's history shows the file name; the audit log, never erased, keeps none (people
    // name files after the person concerned).
    await recordProblemChange(
      trx,
      ctx,
      problemId,
      'evidence_add',
      { ...after, filename },
      { before: null, after },
    )
  })
  return getProblem(ctx, problemId)
}

/** The evidence file and its problem, if the actor may see them (voided files still download: they are history). */
async function visibleEvidence(ctx: Ctx, id: number) {
  const meta = await findEvidenceMeta(ctx.db, id)
  if (!meta) throw notFound()
  const problem = await findProblem(ctx.db, meta.problem_id)
  if (!problem || !inScope(ctx.actor, problem.scope_path)) throw notFound()
  return { meta, problem }
}

export async function downloadEvidence(ctx: Ctx, id: number) {
  authorize(ctx.actor, 'problem.read')
  const { meta } = await visibleEvidence(ctx, id)
  const bytes = await findEvidenceBytes(ctx.db, id)
  // A stored file that no longer matches its hash is not handed out as evidence.
  if (!bytes || sha256(bytes) !== meta.sha256) throw new AppError(500, 'evidence_corrupt')
  return { filename: meta.filename, contentType: meta.content_type, sha256: meta.sha256, bytes }
}

export async function voidEvidence(ctx: Ctx, id: number, reason: string) {
  authorize(ctx.actor, 'problem.write')
  const { meta } = await visibleEvidence(ctx, id)
  await ctx.db.transaction().execute(async (trx) => {
    await loadLiveProblem({ ...ctx, db: trx }, meta.problem_id)
    if (meta.voided_at) throw notFound()
    const at = nowIso(ctx)
    const row = await touchProblem(trx, meta.problem_id, at)
    if (!row || row.voided_at) throw notFound()
    // A signed-off problem keeps the evidence it was signed off on.
    if (row.status === 'signed_off') throw conflict('problem_locked')
    const r = await voidEvidenceRow(trx, id, at, reason)
    if (Number(r.numUpdatedRows) !== 1) throw notFound()
    await recordProblemChange(
      trx,
      ctx,
      row.id,
      'evidence_void',
      { evidenceId: id, filename: meta.filename, reason },
      {
        before: { evidenceId: id, sha256: meta.sha256 },
        after: { reason },
      },
    )
  })
  return getProblem(ctx, meta.problem_id)
}
