/**
 * Long work (imports, large renders) runs as jobs whose progress the UI polls. The job row in
 * `jobs` is the source of truth for status; the queue only decides who runs it and when:
 * in-process on SQLite (one app process), pg-boss on PostgreSQL (any of several app processes).
 */
import type { Actor, Services } from '../context.js'
import { AppError } from '../http/errors.js'
import { SpreadsheetError } from '../spreadsheet/errors.js'
import * as repo from './repository.js'

export interface JobFileInput {
  role: string
  filename: string
  contentType: string
  bytes: Buffer
}

export interface JobRun<P> {
  jobId: number
  payload: P
  actor: Actor
  services: Services
  file(role: string): Promise<JobFileInput | undefined>
  progress(done: number, total: number, message?: string): Promise<void>
  /** Attaches a file to the job's result (an error report, an export). */
  attach(file: JobFileInput): Promise<void>
}

export type JobHandler<P = unknown> = (run: JobRun<P>) => Promise<unknown>

export interface JobQueue {
  register<P>(kind: string, handler: JobHandler<P>): void
  enqueue(kind: string, payload: unknown, actor: Actor, files?: JobFileInput[]): Promise<number>
  start(services: Services): Promise<void>
  stop(): Promise<void>
  /** Resolves when nothing is running or queued (tests and the CLI wait on it). */
  idle(): Promise<void>
}

/** Runs one job row to completion: shared by both queue implementations. */
/** How often a running job renews its heartbeat, and how old one must be to count as dead. */
export const HEARTBEAT_MS = 5_000
export const ABANDONED_AFTER_MS = 20_000

export async function executeJob(
  services: Services,
  handlers: Map<string, JobHandler>,
  jobId: number,
): Promise<void> {
  const job = await repo.findJob(services.db, jobId)
  if (job?.status !== 'queued') return
  const handler = handlers.get(job.kind)
  const payload = JSON.parse(job.payload_json) as { actor: Actor; data: unknown }
  await repo.markRunning(services.db, jobId, services.now().toISOString())
  const heartbeat = setInterval(() => {
    repo.beat(services.db, jobId, services.now().toISOString()).catch(() => undefined)
  }, HEARTBEAT_MS)
  heartbeat.unref()
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
    const result = await handler({
      jobId,
      payload: payload.data,
      actor: payload.actor,
      services,
      file: (role) => repo.findFile(services.db, jobId, role),
      progress: (done, total, message) => repo.setProgress(services.db, jobId, done, total, message),
      attach: (file) => repo.addFile(services.db, jobId, file, services.now().toISOString()),
    })
    await repo.finish(services.db, jobId, 'succeeded', services.now().toISOString(), result, null)
  } catch (err) {
    const error =
      err instanceof AppError || err instanceof SpreadsheetError
        ? { code: err.code, params: err.params }
        : { code: 'internal', params: {}, detail: err instanceof Error ? err.message : String(err) }
    await repo.finish(services.db, jobId, 'failed', services.now().toISOString(), null, error)
  } finally {
    clearInterval(heartbeat)
    await repo.dropFiles(services.db, jobId, 'input').catch(() => undefined)
  }
}

/** How long an error report stays downloadable: it repeats the clerk's rows, personal data included. */
export const JOB_FILE_DAYS = 7

/**
 * Drops the files of ended jobs: every input (a process that died left its upload behind), and
 * anything older than JOB_FILE_DAYS. Run at start and hourly by both queues.
 */
export async function sweepJobFiles(services: Services): Promise<void> {
  const before = new Date(services.now().getTime() - JOB_FILE_DAYS * 86_400_000).toISOString()
  await repo.dropEndedJobFiles(services.db, before)
}

export function startJobFileSweeper(services: Services): NodeJS.Timeout {
  const timer = setInterval(() => void sweepJobFiles(services).catch(() => undefined), 3_600_000)
  timer.unref()
  return timer
}

export async function createJobRow(
  services: Services,
  kind: string,
  payload: unknown,
  actor: Actor,
  files: JobFileInput[],
): Promise<number> {
  const at = services.now().toISOString()
  return services.db.transaction().execute(async (trx) => {
    const id = await repo.insertJob(trx, {
      kind,
      payload: { actor, data: payload },
      createdBy: actor.id || null,
      at,
    })
    for (const f of files) await repo.addFile(trx, id, f, at)
    return id
  })
}
