/**
 * An application's materials (申报材料) are attachments of owner type `selection_application`; the
 * file's note names the required material it is filed under. The unit adds and voids them while
 * the application is a draft and the window runs. Read by whoever sees the application, and by
 * the experts assigned to it (a live assignment), and by no one else.
 */
import type { Ctx } from '../../context.js'
import { badRequest, conflict, notFound } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import { hasPermission } from '../../policies/roles.js'
import { addAttachment } from '../attachments/add-attachment.js'
import { registerAttachmentOwner } from '../attachments/registry.js'
import { addEvent, loadApplication } from './access.js'
import { APPLICATION_FILES, type ApplicationView, getApplication } from './application-view.js'
import { assertWindow, loadOwnApplication } from './applications.js'
import { findApplication, findProgramme, liveAssignments } from './repository.js'

registerAttachmentOwner(APPLICATION_FILES, {
  async assertReadable(ctx, applicationId) {
    if (hasPermission(ctx.actor.role, 'selection.review')) {
      const mine = await liveAssignments(ctx.db, { applicationId, userId: ctx.actor.id })
      if (mine.length === 0) throw notFound()
      return
    }
    await loadApplication(ctx, ctx.db, applicationId)
  },
  // Blind review: the expert's download is named after the file's id, never the applicant's name for it.
  async downloadName(ctx, applicationId, file) {
    if (!hasPermission(ctx.actor.role, 'selection.review')) return file.filename
    const a = await findApplication(ctx.db, applicationId)
    const p = a ? await findProgramme(ctx.db, a.programme_id) : undefined
    if (p?.blind !== 1) return file.filename
    const ext = /\.[A-Za-z0-9]{1,8}$/.exec(file.filename)?.[0] ?? ''
    return `材料${file.id}${ext}`
  },
  async assertWritable(trx, ctx, applicationId) {
    const { a, p } = await loadOwnApplication(ctx, trx, applicationId)
    if (a.status !== 'draft') throw conflict('selection_application_not_draft')
    assertWindow(ctx, p)
    // Touch the row so a concurrent submit sees a new version.
    await trx
      .updateTable('selection_applications')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', applicationId)
      .execute()
  },
  async changed(trx, ctx, applicationId, change) {
    const a = await findApplication(trx, applicationId)
    if (a)
      await addEvent(
        trx,
        ctx,
        a.programme_id,
        change.kind === 'add' ? 'material_add' : 'material_void',
        { attachmentId: change.attachmentId, filename: change.filename },
        applicationId,
      )
  },
})

/** Adds one material file; `material` names the required material (or is left empty for "other"). */
export async function attachMaterial(
  ctx: Ctx,
  applicationId: number,
  file: { filename: string; bytes: Buffer },
  fields: Record<string, string>,
): Promise<ApplicationView> {
  authorize(ctx.actor, 'selection.apply')
  const { p } = await loadOwnApplication(ctx, ctx.db, applicationId)
  const material = (fields.material ?? '').trim()
  const required = JSON.parse(p.materials_json) as string[]
  if (material && !required.includes(material))
    throw badRequest('validation', {}, [
      { field: 'material', key: 'selection_material_unknown', params: { name: material.slice(0, 60) } },
    ])
  await addAttachment(ctx, { type: APPLICATION_FILES, id: applicationId }, file, { note: material })
  return getApplication(ctx, applicationId)
}
