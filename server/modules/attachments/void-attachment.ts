/** Voids a file (never deletes it): it stays listed, struck through, with the reason. */
import { recordAudit } from '../../audit/record.js'
import { type Ctx, nowIso } from '../../context.js'
import { notFound } from '../../http/errors.js'
import { presentAttachment } from './present.js'
import { ownerOf } from './registry.js'
import { findMeta, voidAttachmentRow } from './repository.js'
import type { AttachmentView } from './schema.js'

export async function voidAttachment(ctx: Ctx, id: number, reason: string): Promise<AttachmentView> {
  const meta = await findMeta(ctx.db, id)
  const policy = meta ? ownerOf(meta.owner_type) : undefined
  if (!meta || !policy) throw notFound()
  // Reading comes first: a user who cannot see the owner learns nothing from a 403.
  await policy.assertReadable(ctx, meta.owner_id)
  await ctx.db.transaction().execute(async (trx) => {
    await policy.assertWritable(trx, ctx, meta.owner_id)
    if (!(await voidAttachmentRow(trx, id, nowIso(ctx), reason))) throw notFound()
    await recordAudit(trx, ctx, ctx.actor, {
      action: 'attachment.void',
      entity: meta.owner_type,
      entityId: meta.owner_id,
      before: { attachmentId: id, sha256: meta.sha256 },
      after: { reason },
    })
    await policy.changed?.(trx, ctx, meta.owner_id, {
      kind: 'void',
      attachmentId: id,
      filename: meta.filename,
    })
  })
  const after = await findMeta(ctx.db, id)
  if (!after) throw notFound()
  return presentAttachment(after)
}
