/** A job as the UI sees it; only its creator (or an admin) may look at it. */
import type { Ctx } from '../../context.js'
import { notFound } from '../../http/errors.js'
import { t } from '../../http/i18n.js'
import { findJob, hasFile } from '../../jobs/repository.js'
import { authorize } from '../../policies/authorize.js'
import type { JobView } from './schema.js'

export async function loadOwnJob(ctx: Ctx, id: number) {
  authorize(ctx.actor, 'job.read')
  const job = await findJob(ctx.db, id)
  if (!job || (job.created_by !== ctx.actor.id && ctx.actor.role !== 'admin')) throw notFound('job_not_found')
  return job
}

export async function presentJob(ctx: Ctx, id: number): Promise<JobView> {
  const job = await loadOwnJob(ctx, id)
  const err = job.error_json
    ? (JSON.parse(job.error_json) as { code: string; params?: Record<string, unknown> })
    : null
  return {
    id: job.id,
    kind: job.kind,
    status: job.status as JobView['status'],
    progress: job.progress,
    total: job.total,
    message: job.message,
    result: job.result_json ? (JSON.parse(job.result_json) as unknown) : null,
    error: err ? { code: err.code, message: t(ctx.locale, err.code, err.params ?? {}) } : null,
    hasErrorReport: await hasFile(ctx.db, id, 'error-report'),
    hasWarningReport: await hasFile(ctx.db, id, 'warning-report'),
  }
}
