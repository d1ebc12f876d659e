/**
 * Documents of a teacher-ethics case (the decision letter, the hearing record). They name the
 * teacher, so they are personal data: listed and downloaded only by users with `ethics.personal`
 * in the case's scope, and every download is audited (the attachments module does that for owners
 * marked `personal`). Added or voided by `ethics.write` in scope, while the case is not voided.
 */
import type { Ctx } from '../../context.js'
import { forbidden, notFound } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { addAttachment } from '../attachments/add-attachment.js'
import { registerAttachmentOwner } from '../attachments/registry.js'
import { ETHICS_FILES, getEthicsCase, loadVisibleEthicsCase } from './read-ethics-cases.js'
import type { EthicsCaseDetail } from './schema.js'

registerAttachmentOwner(ETHICS_FILES, {
  personal: true,
  async assertReadable(ctx, caseId) {
    authorize(ctx.actor, 'ethics.read')
    await loadVisibleEthicsCase(ctx, caseId)
    if (!hasPermission(ctx.actor.role, 'ethics.personal')) throw forbidden('ethics_personal_forbidden')
  },
  async assertWritable(trx, ctx, caseId) {
    authorize(ctx.actor, 'ethics.write')
    const row = await loadVisibleEthicsCase({ ...ctx, db: trx }, caseId)
    if (row.voided_at) throw notFound()
  },
})

export async function attachToEthicsCase(
  ctx: Ctx,
  caseId: number,
  file: { filename: string; bytes: Buffer },
  fields: { note?: string | undefined },
): Promise<EthicsCaseDetail> {
  authorize(ctx.actor, 'ethics.write')
  await addAttachment(ctx, { type: ETHICS_FILES, id: caseId }, file, fields)
  return getEthicsCase(ctx, caseId)
}
