/** The embedded queue: one worker loop in this process, enough for one SQLite-backed server. */
import type { Actor, Services } from '../context.js'
import {
  createJobRow,
  executeJob,
  type JobFileInput,
  type JobHandler,
  type JobQueue,
  startJobFileSweeper,
  sweepJobFiles,
} from './queue.js'
import { failInterrupted, queuedJobIds } from './repository.js'

export function createInProcessQueue(): JobQueue {
  const handlers = new Map<string, JobHandler>()
  let services: Services | undefined
  let running: Promise<void> = Promise.resolve()
  let stopped = false
  let sweeper: NodeJS.Timeout | undefined

  const drain = () => {
    running = running.then(async () => {
      if (!services || stopped) return
      for (const id of await queuedJobIds(services.db)) {
        if (stopped) return
        await executeJob(services, handlers, id)
      }
    })
    return running
  }

  return {
    register(kind, handler) {
      handlers.set(kind, handler as JobHandler)
    },
    async enqueue(kind: string, payload: unknown, actor: Actor, files: JobFileInput[] = []) {
      if (!services) throw new Error('job queue not started')
      const id = await createJobRow(services, kind, payload, actor, files)
      setImmediate(() => void drain())
      return id
    },
    async start(s) {
      services = s
      stopped = false
      await failInterrupted(s.db, s.now().toISOString())
      await sweepJobFiles(s)
      sweeper = startJobFileSweeper(s)
    },
    async stop() {
      clearInterval(sweeper)
      stopped = true
      await running
    },
    async idle() {
      await drain()
    },
  }
}
