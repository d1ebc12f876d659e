/**
 * An attachment as the list shows it: the server's AttachmentView
 * (server/modules/attachments/schema.ts). The fields the list can do without are optional, so a
 * feature's own narrower type (supervision's notes) fits without a cast.
 */
export interface Attachment {
  id: number
  filename: string
  fileType?: string
  sizeBytes: number
  sha256: string
  note?: string
  uploadedBy?: string
  createdAt: string
  voidedAt: string | null
  voidReason?: string | null
}
