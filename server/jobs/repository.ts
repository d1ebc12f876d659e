/** SQL for jobs and their files. */
import type { Kysely } from 'kysely'
import type { Tx } from '../context.js'
import type { Database } from '../db/schema.js'
import type { JobFileInput } from './queue.js'

export async function insertJob(
  db: Tx,
  j: { kind: string; payload: unknown; createdBy: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('jobs')
    .values({
      kind: j.kind,
      status: 'queued',
      progress: 0,
      total: 0,
      payload_json: JSON.stringify(j.payload),
      created_by: j.createdBy,
      created_at: j.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const findJob = (db: Kysely<Database>, id: number) =>
  db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()

export const queuedJobIds = async (db: Kysely<Database>) =>
  (await db.selectFrom('jobs').select('id').where('status', '=', 'queued').orderBy('id').execute()).map(
    (r) => r.id,
  )

export async function markRunning(db: Kysely<Database>, id: number, at: string) {
  await db
    .updateTable('jobs')
    .set({ status: 'running', started_at: at, heartbeat_at: at })
    .where('id', '=', id)
    .execute()
}

export async function beat(db: Kysely<Database>, id: number, at: string) {
  await db
    .updateTable('jobs')
    .set({ heartbeat_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute()
}

/**
 * Jobs left `running` by a process that died are failed, never silently re-run: all of them (SQLite's
 * one process, at start), or only those whose heartbeat stopped before `staleBefore` (PostgreSQL,
 * where other live processes share the queue).
 */
export async function failInterrupted(
  db: Kysely<Database>,
  at: string,
  staleBefore?: string,
): Promise<number> {
  let q = db
    .updateTable('jobs')
    .set({
      status: 'failed',
      finished_at: at,
      error_json: JSON.stringify({ code: 'job_interrupted', params: {} }),
    })
    .where('status', '=', 'running')
  if (staleBefore)
    q = q.where((eb) =>
      eb.or([
        eb('heartbeat_at', '<', staleBefore),
        eb.and([eb('heartbeat_at', 'is', null), eb('started_at', '<', staleBefore)]),
      ]),
    )
  return Number((await q.executeTakeFirst()).numUpdatedRows)
}

export async function setProgress(
  db: Kysely<Database>,
  id: number,
  done: number,
  total: number,
  message?: string,
) {
  await db
    .updateTable('jobs')
    .set({ progress: done, total, message: message ?? null })
    .where('id', '=', id)
    .execute()
}

export async function finish(
  db: Kysely<Database>,
  id: number,
  status: 'succeeded' | 'failed',
  at: string,
  result: unknown,
  error: unknown,
) {
  await db
    .updateTable('jobs')
    .set({
      status,
      finished_at: at,
      result_json: result === null || result === undefined ? null : JSON.stringify(result),
      error_json: error === null ? null : JSON.stringify(error),
    })
    .where('id', '=', id)
    .execute()
}

export async function addFile(db: Tx, jobId: number, f: JobFileInput, at: string) {
  await db
    .insertInto('job_files')
    .values({
      job_id: jobId,
      role: f.role,
      filename: f.filename,
      content_type: f.contentType,
      bytes: f.bytes,
      created_at: at,
    })
    .execute()
}

export async function findFile(
  db: Kysely<Database>,
  jobId: number,
  role: string,
): Promise<JobFileInput | undefined> {
  const r = await db
    .selectFrom('job_files')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('role', '=', role)
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return r && { role: r.role, filename: r.filename, contentType: r.content_type, bytes: Buffer.from(r.bytes) }
}

export async function hasFile(db: Kysely<Database>, jobId: number, role: string): Promise<boolean> {
  const r = await db
    .selectFrom('job_files')
    .select('id')
    .where('job_id', '=', jobId)
    .where('role', '=', role)
    .executeTakeFirst()
  return r !== undefined
}

/**
 * Uploads hold whole ledgers in clear (names, ID numbers, phones of petitioners): a job's input is
 * dropped as soon as the job ends, and the files of jobs that ended (inputs a dead process left,
 * error reports handed back to the clerk) once they are older than `before`.
 */
export async function dropFiles(db: Kysely<Database>, jobId: number, role: string) {
  await db.deleteFrom('job_files').where('job_id', '=', jobId).where('role', '=', role).execute()
}

export async function dropEndedJobFiles(db: Kysely<Database>, before: string): Promise<number> {
  const ended = db.selectFrom('jobs').select('id').where('status', 'in', ['succeeded', 'failed'])
  const r = await db
    .deleteFrom('job_files')
    .where('job_id', 'in', ended)
    .where((eb) => eb.or([eb('role', '=', 'input'), eb('created_at', '<', before)]))
    .executeTakeFirst()
  return Number(r.numDeletedRows)
}
