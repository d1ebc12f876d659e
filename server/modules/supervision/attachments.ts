/**
 * Files attached to progress notes (a meeting photo, the minutes of a field check). Whoever sees the
 * task sees its notes' files; a file is added or voided by a writer whose scope holds the note's
 * unit (the unit that reported), while the task is not cancelled. Each change lands in the task's
 * timeline.
 */

import type { Ctx, Tx } from '../../context.js'
import { conflict, forbidden, notFound } from '../../http/errors.js'
import { authorize, inScope } from '../../policies/authorize.js'
import { addAttachment } from '../attachments/add-attachment.js'
import { attachmentsOf } from '../attachments/present.js'
import { registerAttachmentOwner } from '../attachments/registry.js'
import { loadVisibleTask } from './access.js'
import { STATUS_ZH } from './labels.js'
import { getTask } from './read-tasks.js'
import { findLiveNote } from './repository.js'
import type { TaskDetail } from './schema.js'
import { addEvent } from './timeline.js'

export const NOTE_FILES = 'supervision_progress'

async function visibleNote(db: Tx, ctx: Ctx, noteId: number) {
  const note = await findLiveNote(db, noteId)
  if (!note) throw notFound()
  const task = await loadVisibleTask(db, ctx.actor, note.task_id)
  return { note, task }
}

registerAttachmentOwner(NOTE_FILES, {
  async assertReadable(ctx, noteId) {
    authorize(ctx.actor, 'task.read')
    await visibleNote(ctx.db, ctx, noteId)
  },
  async assertWritable(trx, ctx, noteId) {
    authorize(ctx.actor, 'task.write')
    const { note, task } = await visibleNote(trx, ctx, noteId)
    if (!inScope(ctx.actor, note.unit_path)) throw forbidden()
    if (task.status === 'cancelled')
      throw conflict('supervision_task_closed', { status: task.status, statusZh: STATUS_ZH[task.status] })
  },
  async changed(trx, ctx, noteId, change) {
    const note = await findLiveNote(trx, noteId)
    if (!note) return
    await addEvent(trx, ctx, note.task_id, change.kind === 'add' ? 'attachment_add' : 'attachment_void', {
      noteId,
      attachmentId: change.attachmentId,
      filename: change.filename,
    })
  },
})

/** Adds a file to a progress note; answers the task as the drawer shows it. */
export async function attachToNote(
  ctx: Ctx,
  noteId: number,
  file: { filename: string; bytes: Buffer },
  fields: { note?: string | undefined },
): Promise<TaskDetail> {
  authorize(ctx.actor, 'task.write')
  await addAttachment(ctx, { type: NOTE_FILES, id: noteId }, file, fields)
  const note = await findLiveNote(ctx.db, noteId)
  if (!note) throw notFound()
  return getTask(ctx, note.task_id)
}

export const noteAttachments = (db: Tx, noteIds: number[]) => attachmentsOf(db, NOTE_FILES, noteIds)
