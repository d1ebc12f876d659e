/** Shapes of attachments as the API shows them. */
import { z } from 'zod'

export const AttachmentIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })
export const VoidAttachmentBody = z.strictObject({ reason: z.string().trim().min(1).max(200) })

export const AttachmentView = z.object({
  id: z.number(),
  filename: z.string(),
  contentType: z.string(),
  fileType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  note: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
})
export type AttachmentView = z.infer<typeof AttachmentView>
