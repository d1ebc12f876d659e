/**
 * The shared queue on PostgreSQL: pg-boss hands each job to exactly one of the app processes,
 * so several stateless processes behind a load balancer share imports and renders.
 */
import PgBoss from 'pg-boss'
import type { Actor, Services } from '../context.js'
import {
  ABANDONED_AFTER_MS,
  createJobRow,
  executeJob,
  type JobFileInput,
  type JobHandler,
  type JobQueue,
  startJobFileSweeper,
  sweepJobFiles,
} from './queue.js'
import { failInterrupted } from './repository.js'

export function createPgBossQueue(connectionString: string): JobQueue {
  const handlers = new Map<string, JobHandler>()
  const boss = new PgBoss({ connectionString, max: 2 })
  boss.on('error', () => {})
  let services: Services | undefined
  let workerId: string | undefined
  const inFlight = new Set<Promise<void>>()
  let sweeper: NodeJS.Timeout | undefined
  let fileSweeper: NodeJS.Timeout | undefined
  // A process that died mid-job leaves its row `running`; its heartbeat stops, and any live
  // process fails it within ABANDONED_AFTER_MS + one sweep (pg-boss would only retry it, as a new
  // run, after its own expiry, and executeJob never re-runs a job that is not queued).
  const sweep = async (s: Services) => {
    const now = s.now()
    await failInterrupted(s.db, now.toISOString(), new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString())
  }

  return {
    register(kind, handler) {
      handlers.set(kind, handler as JobHandler)
    },
    async enqueue(kind: string, payload: unknown, actor: Actor, files: JobFileInput[] = []) {
      if (!services) throw new Error('job queue not started')
      const id = await createJobRow(services, kind, payload, actor, files)
      await boss.send('edu-ledger-jobs', { jobId: id })
      // Wake this process's worker now rather than at its next poll.
      if (workerId) boss.notifyWorker(workerId)
      return id
    },
    async start(s) {
      services = s
      await sweep(s)
      sweeper = setInterval(() => void sweep(s).catch(() => undefined), ABANDONED_AFTER_MS / 2)
      sweeper.unref()
      await sweepJobFiles(s)
      fileSweeper = startJobFileSweeper(s)
      await boss.start()
      await boss.createQueue('edu-ledger-jobs')
      // pg-boss waits a full polling interval after every fetch, even a non-empty one, so a burst
      // of imports would crawl at one job per interval: after a job, the worker is woken to fetch
      // the next at once, and it only waits when the queue is empty.
      workerId = await boss.work<{ jobId: number }>(
        'edu-ledger-jobs',
        { pollingIntervalSeconds: 0.5 },
        async (batch) => {
          for (const job of batch) {
            const p = executeJob(s, handlers, job.data.jobId)
            inFlight.add(p)
            try {
              await p
            } finally {
              inFlight.delete(p)
            }
          }
          if (workerId) boss.notifyWorker(workerId)
        },
      )
    },
    async stop() {
      clearInterval(sweeper)
      clearInterval(fileSweeper)
      await boss.stop({ graceful: true, timeout: 5000 })
    },
    async idle() {
      // pg-boss polls; wait until our queued rows are all taken and finished.
      for (let i = 0; i < 600; i++) {
        if (!services) return
        const left = await services.db
          .selectFrom('jobs')
          .select('id')
          .where('status', 'in', ['queued', 'running'])
          .executeTakeFirst()
        if (!left && inFlight.size === 0) return
        await new Promise((r) => setTimeout(r, 100))
      }
    },
  }
}
