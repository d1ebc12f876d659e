/**
 * SIGKILL in the middle of a 100,000-row petition import: the import is all-or-nothing, so after
 * the restart no row of it may exist, SQLite's own checks pass, the killed job says it was
 * interrupted, and the very same file then imports whole.
 *
 * "The middle" is found, not guessed: the test waits until the import's write transaction is open
 * (SQLite: another connection cannot take the write lock; PostgreSQL: one of the app's transactions
 * has written and stays open) and kills the server process at that moment. (The WAL file is no
 * sign: SQLite keeps the pages in its cache and writes them out at commit.)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { ledgerFile } from '../../bench/lib/ledger-file.js'
import { client, type FaultApp, faultTargets, sqliteFile, startFaultApp, waitJob } from './lib/app.js'
import { counts, query, sqliteChecks } from './lib/db.js'

/** The city demo's petition office (its 信访 clerk registers and imports petitions). */
const OFFICE = 'dept_gaojiao'
const DEMO_PASSWORD = 'Demo@2026'
const ROWS = 100_000
const TABLES = ['petition_cases', 'petition_people', 'petition_events', 'audit_log']
const CACHE = path.join(os.tmpdir(), 'edu-fault-cache')

/** SQLite: is a write transaction holding the lock? A `BEGIN IMMEDIATE` that cannot start says so. */
function sqliteWriting(probe: Database.Database): boolean {
  try {
    probe.exec('BEGIN IMMEDIATE')
    probe.exec('ROLLBACK')
    return false
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return true
    throw e
  }
}

/** PostgreSQL: a transaction of the app's that has written (it has an xid) and has been open a while. */
async function pgWriting(app: FaultApp): Promise<boolean> {
  const rows = await query<{ n: string }>(
    app,
    "select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null and now() - xact_start > interval '200 milliseconds'",
  )
  return Number(rows[0]?.n) > 0
}

/**
 * Resolves once the import's write transaction has been open for a while (seen three times in a
 * row, 20 ms apart, so a job-progress update is not mistaken for it); rejects if the job ends first.
 */
async function writeHasBegun(app: FaultApp, jobDone: () => boolean): Promise<string> {
  const probe = app.target === 'sqlite' ? new Database(sqliteFile(app.dataDir), { timeout: 0 }) : undefined
  try {
    const deadline = Date.now() + 180_000
    let seen = 0
    while (Date.now() < deadline) {
      if (jobDone()) throw new Error('the import finished before its write was seen')
      const writing = probe ? sqliteWriting(probe) : await pgWriting(app)
      seen = writing ? seen + 1 : 0
      if (seen >= 3) return probe ? 'a write transaction held the lock' : 'a writing transaction was open'
      await new Promise((r) => setTimeout(r, 20))
    }
    throw new Error('the import never began writing')
  } finally {
    probe?.close()
  }
}

describe.each(faultTargets())('SIGKILL during a 100,000-row import (%s)', (target) => {
  let app: FaultApp | undefined
  afterAll(async () => {
    await app?.dispose()
  })

  it('leaves no partial rows, a sound database, an interrupted job, and the retry succeeds', async () => {
    fs.mkdirSync(CACHE, { recursive: true })
    const bytes = fs.readFileSync(await ledgerFile(CACHE, ROWS))
    app = await startFaultApp(target)
    const office = await client(app.started.url, OFFICE, DEMO_PASSWORD)
    const before = await counts(app, TABLES)

    const upload = await office.upload('/api/petitions/import', bytes)
    expect(upload.status).toBe(202)
    const jobId = upload.body.job.id as number
    let ended = false
    const watch = waitJob(office, jobId).then(
      () => {
        ended = true
      },
      () => {
        ended = true
      },
    )
    const t0 = performance.now()
    const seen = await writeHasBegun(app, () => ended)
    // Read behind the app's back: on SQLite its event loop is busy inside the write.
    const [state] = await query<{ status: string; progress: number; total: number }>(
      app,
      'select status, progress, total from jobs where id = ?',
      [jobId],
    )
    process.kill(app.started.serverPid, 'SIGKILL')
    await app.started.stop()
    await watch
    console.log(
      `[kill-import ${target}] killed ${((performance.now() - t0) / 1000).toFixed(1)} s after the upload: ${seen}; the job said ${state?.status} ${state?.progress}/${state?.total}`,
    )
    expect(state?.status).toBe('running')

    // Nothing of the import is there, and nothing else changed either.
    expect(await counts(app, TABLES)).toEqual(before)
    if (target === 'sqlite')
      expect(sqliteChecks(app.dataDir)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 })

    await app.restart()
    const again = await client(app.started.url, OFFICE, DEMO_PASSWORD)
    // SQLite's one process fails it at start; on PostgreSQL a live process fails it once its
    // heartbeat is stale (server/jobs/pg-boss.ts), so the test waits for that.
    const killed = await waitJob(again, jobId, (j) => j.status !== 'running', 60_000)
    expect(killed).toMatchObject({ status: 'failed', error: { code: 'job_interrupted' } })

    const retry = await again.upload('/api/petitions/import', bytes)
    expect(retry.status).toBe(202)
    const done = await waitJob(again, retry.body.job.id)
    expect(done.status).toBe('succeeded')
    expect(done.result).toMatchObject({ created: ROWS, rows: ROWS })
    const after = await counts(app, ['petition_cases'])
    expect(after.petition_cases).toBe((before.petition_cases ?? 0) + ROWS)
    if (target === 'sqlite') {
      await app.started.stop()
      expect(sqliteChecks(app.dataDir)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 })
    }
  })
})
