/**
 * Who may see and change the attachments of a kind of record. The owning module knows its record's
 * visibility rules, so it registers them here (at import of its module.ts); the attachments module
 * knows only files. An unregistered owner type is refused, never served.
 */
import type { Ctx, Tx } from '../../context.js'

export interface AttachmentOwner {
  /** Throws 403/404 unless the actor may read the owner record (and so its files). */
  assertReadable(ctx: Ctx, ownerId: number): Promise<void>
  /**
   * Throws unless the actor may add files to, or void files of, the owner. Runs inside the
   * transaction that writes the file: lock or touch the owner here if its version must move.
   */
  assertWritable(trx: Tx, ctx: Ctx, ownerId: number): Promise<void>
  /** Called in the same transaction after a file was added or voided (e.g. to write the owner's timeline). */
  changed?(
    trx: Tx,
    ctx: Ctx,
    ownerId: number,
    change: { kind: 'add' | 'void'; attachmentId: number; filename: string },
  ): Promise<void>
  /** Personal documents (an ethics case's decision letter): downloads are audited. */
  personal?: boolean
  /**
   * The name a download carries, when the owner must hide the stored one from this actor (blind
   * expert review: a file named after its school would give the applicant away). Default: stored name.
   */
  downloadName?(ctx: Ctx, ownerId: number, file: { id: number; filename: string }): Promise<string>
}

const owners = new Map<string, AttachmentOwner>()

export function registerAttachmentOwner(type: string, owner: AttachmentOwner): void {
  owners.set(type, owner)
}

export function ownerOf(type: string): AttachmentOwner | undefined {
  return owners.get(type)
}
