/** Attachment rows as the API shows them, grouped by owner for the owning module's detail views. */
import type { Tx } from '../../context.js'
import { type AttachmentMetaRow, listByOwners } from './repository.js'
import type { AttachmentView } from './schema.js'

export function presentAttachment(r: AttachmentMetaRow): AttachmentView {
  return {
    id: r.id,
    filename: r.filename,
    contentType: r.content_type,
    fileType: r.file_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    note: r.note,
    uploadedBy: r.uploaded_by_name,
    createdAt: r.created_at,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  }
}

/** The attachments of several records of one kind, voided ones included (they are history). */
export async function attachmentsOf(
  db: Tx,
  ownerType: string,
  ownerIds: number[],
): Promise<Map<number, AttachmentView[]>> {
  const byOwner = new Map<number, AttachmentView[]>()
  for (const r of await listByOwners(db, ownerType, ownerIds)) {
    const list = byOwner.get(r.owner_id) ?? []
    list.push(presentAttachment(r))
    byOwner.set(r.owner_id, list)
  }
  return byOwner
}
