/** Job status and result files, shared by every module that runs long work. */
import { z } from 'zod'
import { notFound } from '../../http/errors.js'
import { defineModule } from '../../http/module.js'
import { ctxOf, sendFile, XLSX } from '../../http/request.js'
import { findFile } from '../../jobs/repository.js'
import { loadOwnJob, presentJob } from './present.js'
import { JobView } from './schema.js'

const params = z.object({ id: z.coerce.number().int().positive() })

export default defineModule({
  key: 'jobs',
  routes(app) {
    app.get('/api/jobs/:id', { schema: { tags: ['jobs'], params, response: { 200: JobView } } }, (req) =>
      presentJob(ctxOf(req), req.params.id),
    )
    // The reports are the uploaded file itself (a petition ledger, teachers' ID numbers): only
    // whoever uploaded it gets it back. An admin sees every job's status, not its files.
    for (const [path, role] of [
      ['error-report.xlsx', 'error-report'],
      ['warning-report.xlsx', 'warning-report'],
    ] as const) {
      app.get(`/api/jobs/:id/${path}`, { schema: { tags: ['jobs'], params } }, async (req, reply) => {
        const ctx = ctxOf(req)
        const job = await loadOwnJob(ctx, req.params.id)
        if (job.created_by !== ctx.actor.id) throw notFound('job_not_found')
        const file = await findFile(ctx.db, req.params.id, role)
        if (!file) throw notFound()
        return sendFile(reply, file.filename, file.bytes, XLSX)
      })
    }
  },
})
