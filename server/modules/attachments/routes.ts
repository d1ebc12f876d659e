/** Download and void of any attachment; uploads live with the owning module (its route names the record). */

import type { App } from '../../http/module.js'
import { ctxOf, sendFile } from '../../http/request.js'
import { downloadAttachment } from './download-attachment.js'
import { AttachmentIdParams, AttachmentView, VoidAttachmentBody } from './schema.js'
import { voidAttachment } from './void-attachment.js'

const tags = ['attachments']

export function attachmentRoutes(app: App) {
  app.get('/api/attachments/:id', { schema: { tags, params: AttachmentIdParams } }, async (req, reply) => {
    const f = await downloadAttachment(ctxOf(req), req.params.id)
    return sendFile(reply.header('x-content-sha256', f.sha256), f.filename, f.bytes, f.contentType)
  })
  app.post(
    '/api/attachments/:id/void',
    {
      schema: {
        tags,
        params: AttachmentIdParams,
        body: VoidAttachmentBody,
        response: { 200: AttachmentView },
      },
    },
    (req) => voidAttachment(ctxOf(req), req.params.id, req.body.reason),
  )
}
