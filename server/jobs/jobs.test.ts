import { describe, expect, it } from 'vitest'
import { createFreshDatabase, forEachDatabase, openTestRuntime, TestClock } from '../../tests/harness.js'
import { type Services, SYSTEM_ACTOR } from '../context.js'
import { AppError } from '../http/errors.js'
import { SpreadsheetError } from '../spreadsheet/errors.js'
import { createInProcessQueue } from './in-process.js'
import { createPgBossQueue } from './pg-boss.js'
import { ABANDONED_AFTER_MS, JOB_FILE_DAYS, type JobQueue, sweepJobFiles } from './queue.js'
import { findJob, hasFile, insertJob } from './repository.js'

const actor = { ...SYSTEM_ACTOR, id: 0 }

/** A queue over `services` with a few job kinds that record what ran. */
function testQueue(make: () => JobQueue) {
  const ran: string[] = []
  const queue = make()
  queue.register<{ label: string }>('test.record', async (run) => {
    await run.progress(1, 2, 'halfway')
    ran.push(run.payload.label)
    await run.progress(2, 2)
    return { label: run.payload.label }
  })
  queue.register('test.app-error', async () => {
    throw new AppError(422, 'import_has_errors', { count: 3 })
  })
  queue.register('test.sheet-error', async () => {
    throw new SpreadsheetError('sheet_no_header')
  })
  queue.register('test.crash', async () => {
    throw new Error('boom at /secret/path.ts:12')
  })
  queue.register('test.files', async (run) => {
    const input = await run.file('input')
    await run.attach({
      role: 'output',
      filename: 'out.bin',
      contentType: 'application/octet-stream',
      bytes: Buffer.from([...(input?.bytes ?? [])].reverse()),
    })
    return { size: input?.bytes.length }
  })
  return { queue, ran }
}

const job = async (s: Services, id: number) => {
  const row = await findJob(s.db, id)
  if (!row) throw new Error(`no job ${id}`)
  return {
    status: row.status,
    progress: row.progress,
    total: row.total,
    result: row.result_json ? JSON.parse(row.result_json) : null,
    error: row.error_json ? JSON.parse(row.error_json) : null,
    started: row.started_at !== null,
    finished: row.finished_at !== null,
  }
}

forEachDatabase(
  'in-process job queue',
  (h) => {
    it('runs jobs in the order they were queued, recording progress and result', async () => {
      const { queue, ran } = testQueue(createInProcessQueue)
      await queue.start(h.services)
      try {
        const ids: number[] = []
        for (const label of ['a', 'b', 'c', 'd'])
          ids.push(await queue.enqueue('test.record', { label }, actor))
        await queue.idle()
        expect(ran).toEqual(['a', 'b', 'c', 'd'])
        for (const [i, id] of ids.entries()) {
          expect(await job(h.services, id)).toEqual({
            status: 'succeeded',
            progress: 2,
            total: 2,
            result: { label: ['a', 'b', 'c', 'd'][i] },
            error: null,
            started: true,
            finished: true,
          })
        }
      } finally {
        await queue.stop()
      }
    })

    it('a throwing handler fails its job with its code; the next job still runs', async () => {
      const { queue, ran } = testQueue(createInProcessQueue)
      await queue.start(h.services)
      try {
        const appErr = await queue.enqueue('test.app-error', {}, actor)
        const sheetErr = await queue.enqueue('test.sheet-error', {}, actor)
        const crash = await queue.enqueue('test.crash', {}, actor)
        const unknown = await queue.enqueue('test.no-such-kind', {}, actor)
        const after = await queue.enqueue('test.record', { label: 'after' }, actor)
        await queue.idle()
        expect(await job(h.services, appErr)).toMatchObject({
          status: 'failed',
          error: { code: 'import_has_errors', params: { count: 3 } },
          finished: true,
        })
        expect(await job(h.services, sheetErr)).toMatchObject({
          status: 'failed',
          error: { code: 'sheet_no_header' },
        })
        expect(await job(h.services, crash)).toMatchObject({ status: 'failed', error: { code: 'internal' } })
        expect(await job(h.services, unknown)).toMatchObject({
          status: 'failed',
          error: { code: 'internal' },
        })
        expect(await job(h.services, after)).toMatchObject({ status: 'succeeded' })
        expect(ran).toEqual(['after'])
      } finally {
        await queue.stop()
      }
    })

    it('a crashed job shows the user a generic message, not the exception', async () => {
      const { queue } = testQueue(createInProcessQueue)
      await queue.start(h.services)
      const u = await h.buildUser({ role: 'admin' })
      try {
        const id = await queue.enqueue('test.crash', {}, { ...actor, id: u.id, username: u.username })
        await queue.idle()
        const c = await h.loginAs(u.username, u.password)
        const res = await c.get(`/api/jobs/${id}`)
        expect(res.statusCode).toBe(200)
        expect(res.json().error).toEqual({
          code: 'internal',
          message: '服务器内部错误，已记录，请联系管理员',
        })
        expect(res.body).not.toContain('boom')
        expect(res.body).not.toContain('/secret/path.ts')
      } finally {
        await queue.stop()
      }
    })

    it('hands input files to the handler and keeps its attachments', async () => {
      const { queue } = testQueue(createInProcessQueue)
      await queue.start(h.services)
      try {
        const id = await queue.enqueue('test.files', {}, actor, [
          {
            role: 'input',
            filename: 'in.bin',
            contentType: 'application/octet-stream',
            bytes: Buffer.from([1, 2, 3, 0, 255]),
          },
        ])
        await queue.idle()
        expect(await job(h.services, id)).toMatchObject({ status: 'succeeded', result: { size: 5 } })
        const out = await h.db
          .selectFrom('job_files')
          .selectAll()
          .where('job_id', '=', id)
          .where('role', '=', 'output')
          .executeTakeFirstOrThrow()
        expect([...Buffer.from(out.bytes)]).toEqual([255, 0, 3, 2, 1])
        // The upload itself (a whole ledger, in clear) is gone once the job ended.
        expect(await hasFile(h.db, id, 'input')).toBe(false)
        // Its other files go after JOB_FILE_DAYS, not before.
        await sweepJobFiles(h.services)
        expect(await hasFile(h.db, id, 'output')).toBe(true)
        h.clock.advance((JOB_FILE_DAYS + 1) * 86_400_000)
        await sweepJobFiles(h.services)
        expect(await hasFile(h.db, id, 'output')).toBe(false)
      } finally {
        await queue.stop()
      }
    })

    it('fails jobs left running by a process that died, at start, and does not re-run them', async () => {
      const at = h.clock.now().toISOString()
      const interrupted = await insertJob(h.db, {
        kind: 'test.record',
        payload: { actor, data: { label: 'ghost' } },
        createdBy: null,
        at,
      })
      await h.db
        .updateTable('jobs')
        .set({ status: 'running', started_at: at })
        .where('id', '=', interrupted)
        .execute()
      const { queue, ran } = testQueue(createInProcessQueue)
      await queue.start(h.services)
      try {
        expect(await job(h.services, interrupted)).toMatchObject({
          status: 'failed',
          error: { code: 'job_interrupted' },
          finished: true,
        })
        await queue.enqueue('test.record', { label: 'fresh' }, actor)
        await queue.idle()
        expect(ran).toEqual(['fresh'])
        expect((await job(h.services, interrupted)).status).toBe('failed')
      } finally {
        await queue.stop()
      }
    })

    it('picks up jobs queued before it started', async () => {
      const at = h.clock.now().toISOString()
      const waiting = await insertJob(h.db, {
        kind: 'test.record',
        payload: { actor, data: { label: 'waiting' } },
        createdBy: null,
        at,
      })
      const { queue, ran } = testQueue(createInProcessQueue)
      await queue.start(h.services)
      try {
        await queue.idle()
        expect(ran).toEqual(['waiting'])
        expect((await job(h.services, waiting)).status).toBe('succeeded')
      } finally {
        await queue.stop()
      }
    })

    it('refuses to enqueue before start', async () => {
      const { queue } = testQueue(createInProcessQueue)
      await expect(queue.enqueue('test.record', { label: 'x' }, actor)).rejects.toThrow(/not started/)
    })
  },
  { startJobs: false },
)

describe.runIf(process.env.DATABASE_URL)('pg-boss job queue [postgres]', () => {
  it('runs a job end to end through pg-boss, failures included', async () => {
    const fresh = await createFreshDatabase('postgres')
    const rt = await openTestRuntime(fresh, new TestClock(), { startJobs: false })
    const { queue, ran } = testQueue(() => createPgBossQueue(fresh.url as string))
    try {
      await queue.start(rt.services)
      const ok = await queue.enqueue('test.record', { label: 'via-boss' }, actor)
      const bad = await queue.enqueue('test.app-error', {}, actor)
      await queue.idle()
      expect(ran).toEqual(['via-boss'])
      expect(await job(rt.services, ok)).toMatchObject({ status: 'succeeded', result: { label: 'via-boss' } })
      expect(await job(rt.services, bad)).toMatchObject({
        status: 'failed',
        error: { code: 'import_has_errors' },
      })
    } finally {
      await queue.stop()
      await rt.close()
      await fresh.drop()
    }
  }, 30_000)

  it('fails a job whose heartbeat stopped (its process died), not one that is still beating', async () => {
    const fresh = await createFreshDatabase('postgres')
    const clock = new TestClock()
    const rt = await openTestRuntime(fresh, clock, { startJobs: false })
    const running = async (label: string, beatAt: string) => {
      const id = await insertJob(rt.services.db, {
        kind: 'test.record',
        payload: { actor, data: { label } },
        createdBy: null,
        at: beatAt,
      })
      await rt.services.db
        .updateTable('jobs')
        .set({ status: 'running', started_at: beatAt, heartbeat_at: beatAt })
        .where('id', '=', id)
        .execute()
      return id
    }
    const now = clock.now().getTime()
    const dead = await running('dead', new Date(now - ABANDONED_AFTER_MS - 1000).toISOString())
    const alive = await running('alive', new Date(now - 1000).toISOString())
    const queue = createPgBossQueue(fresh.url as string)
    try {
      await queue.start(rt.services)
      expect(await job(rt.services, dead)).toMatchObject({
        status: 'failed',
        error: { code: 'job_interrupted' },
      })
      expect((await job(rt.services, alive)).status).toBe('running')
    } finally {
      await queue.stop()
      await rt.close()
      await fresh.drop()
    }
  }, 30_000)
})
