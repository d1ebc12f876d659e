/** SQL of attachments. The bytes are read only by `findBytes`: lists never carry them. */
import type { Insertable } from 'kysely'
import type { Tx } from '../../context.js'
import type { AttachmentTable } from './tables.js'

export type AttachmentMetaRow = Omit<AttachmentTable, 'id' | 'bytes'> & { id: number }

const META = [
  'id',
  'owner_type',
  'owner_id',
  'filename',
  'content_type',
  'file_type',
  'size_bytes',
  'sha256',
  'note',
  'uploaded_by',
  'uploaded_by_name',
  'created_at',
  'voided_at',
  'void_reason',
] as const

export function listByOwners(db: Tx, ownerType: string, ownerIds: number[]): Promise<AttachmentMetaRow[]> {
  if (ownerIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('attachments')
    .select(META)
    .where('owner_type', '=', ownerType)
    .where('owner_id', 'in', ownerIds)
    .orderBy('id')
    .execute()
}

export function findMeta(db: Tx, id: number): Promise<AttachmentMetaRow | undefined> {
  return db.selectFrom('attachments').select(META).where('id', '=', id).executeTakeFirst()
}

export async function findBytes(db: Tx, id: number): Promise<Buffer | undefined> {
  const r = await db.selectFrom('attachments').select('bytes').where('id', '=', id).executeTakeFirst()
  return r ? Buffer.from(r.bytes) : undefined
}

export async function insertAttachment(db: Tx, row: Insertable<AttachmentTable>): Promise<number> {
  const r = await db.insertInto('attachments').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

export async function voidAttachmentRow(db: Tx, id: number, at: string, reason: string): Promise<boolean> {
  const r = await db
    .updateTable('attachments')
    .set({ voided_at: at, void_reason: reason })
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}
