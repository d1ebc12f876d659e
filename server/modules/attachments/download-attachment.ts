/** A stored file, if the actor may read its owner record; voided files still download (they are history). */
import { recordAudit } from '../../audit/record.js'
import type { Ctx } from '../../context.js'
import { AppError, notFound } from '../../http/errors.js'
import { sha256 } from './add-attachment.js'
import { ownerOf } from './registry.js'
import { findBytes, findMeta } from './repository.js'

export async function downloadAttachment(ctx: Ctx, id: number) {
  const meta = await findMeta(ctx.db, id)
  const policy = meta ? ownerOf(meta.owner_type) : undefined
  if (!meta || !policy) throw notFound()
  await policy.assertReadable(ctx, meta.owner_id)
  const bytes = await findBytes(ctx.db, id)
  // A stored file that no longer matches its hash is not handed out.
  if (!bytes || sha256(bytes) !== meta.sha256) throw new AppError(500, 'attachment_corrupt')
  if (policy.personal)
    await ctx.db.transaction().execute((trx) =>
      recordAudit(trx, ctx, ctx.actor, {
        action: 'attachment.download',
        entity: meta.owner_type,
        entityId: meta.owner_id,
        after: { attachmentId: id },
      }),
    )
  const filename = policy.downloadName
    ? await policy.downloadName(ctx, meta.owner_id, { id, filename: meta.filename })
    : meta.filename
  return { filename, contentType: meta.content_type, sha256: meta.sha256, bytes }
}
