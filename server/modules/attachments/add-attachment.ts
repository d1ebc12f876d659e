/**
 * Adds a file to a record. The file is checked against the allow-list by extension and content
 * (domain/files/allow-list.ts) and the size limit, hashed (SHA-256, checked again on download) and
 * stored in the database with the owner's permission checked inside the same transaction.
 */
import { createHash } from 'node:crypto'
import { checkUploadedFile, DEFAULT_FILE_MAX_BYTES, safeFilename } from '../../../domain/files/allow-list.js'
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { AppError, badRequest, notFound } from '../../http/errors.js'
import { ownerOf } from './registry.js'
import { insertAttachment } from './repository.js'

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

export async function addAttachment(
  ctx: Ctx,
  owner: { type: string; id: number },
  file: { filename: string; bytes: Buffer },
  fields: { note?: string | undefined } = {},
  maxBytes = DEFAULT_FILE_MAX_BYTES,
): Promise<number> {
  const policy = ownerOf(owner.type)
  if (!policy) throw notFound()
  const filename = safeFilename(file.filename)
  const checked = checkUploadedFile(filename, file.bytes, maxBytes)
  if (!checked.ok) {
    const { status, code, field, params } = checked.refusal
    const fieldErrors = [{ field, key: code, params }]
    // An empty file is input to fix like any other (400 validation); type and size keep their own code.
    throw status === 400
      ? new AppError(400, 'validation', {}, fieldErrors)
      : new AppError(status, code, params ?? {}, fieldErrors)
  }
  const note = (fields.note ?? '').trim()
  if ([...note].length > 500)
    throw badRequest('validation', {}, [{ field: 'note', key: 'too_long', params: { max: 500 } }])
  return ctx.db.transaction().execute(async (trx) => {
    await policy.assertWritable(trx, ctx, owner.id)
    const hash = sha256(file.bytes)
    const id = await insertAttachment(trx, {
      owner_type: owner.type,
      owner_id: owner.id,
      filename,
      content_type: checked.mime,
      file_type: checked.type,
      size_bytes: file.bytes.length,
      sha256: hash,
      bytes: file.bytes,
      note,
      uploaded_by: ctx.actor.id || null,
      uploaded_by_name: ctx.actor.displayName,
      created_at: nowIso(ctx),
      voided_at: null,
      void_reason: null,
    })
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'attachment.add',
      entity: owner.type,
      entityId: owner.id,
      before: null,
      // No file name in the audit log: people name files after the person concerned, and the
      // audit chain is never erased. The attachment row keeps the name.
      after: { attachmentId: id, size: file.bytes.length, sha256: hash },
    })
    await policy.changed?.(trx, ctx, owner.id, { kind: 'add', attachmentId: id, filename })
    return id
  })
}
