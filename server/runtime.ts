/** Opens the database, migrates, and starts the job queue: what both the server and the CLI need. */

import { fileClock, systemClock } from './clock.js'
import type { Services } from './context.js'
import { type Db, openDatabase } from './db/connect.js'
import { migrate } from './db/migrate.js'
import type { Env } from './env.js'
import type { ModuleDefinition } from './http/module.js'
import { createInProcessQueue } from './jobs/in-process.js'
import { createPgBossQueue } from './jobs/pg-boss.js'
import { openPersonalDataCipher } from './privacy/personal-data.js'

export interface Runtime {
  database: Db
  services: Services
  migrations: string[]
  close(): Promise<void>
}

export async function openRuntime(
  env: Pick<Env, 'DATABASE_URL' | 'EDU_LEDGER_DATA_DIR'> &
    Partial<Pick<Env, 'EDU_LEDGER_DATA_KEY' | 'EDU_LEDGER_CLOCK_FILE'>>,
  modules: ModuleDefinition[],
  opts: { now?: () => Date; sqliteFile?: string; startJobs?: boolean } = {},
): Promise<Runtime> {
  const database = openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.EDU_LEDGER_DATA_DIR,
    sqliteFile: opts.sqliteFile,
  })
  const { all } = await migrate(database)
  const jobs =
    database.dialect === 'postgres' && env.DATABASE_URL
      ? createPgBossQueue(env.DATABASE_URL)
      : createInProcessQueue()
  for (const m of modules) m.jobs?.(jobs)
  const services: Services = {
    db: database.db,
    dialect: database.dialect,
    jobs,
    now: opts.now ?? (env.EDU_LEDGER_CLOCK_FILE ? fileClock(env.EDU_LEDGER_CLOCK_FILE) : systemClock()),
    personal: openPersonalDataCipher({ key: env.EDU_LEDGER_DATA_KEY, dataDir: env.EDU_LEDGER_DATA_DIR }),
  }
  for (const m of modules) await m.seed?.(services)
  if (opts.startJobs !== false) await jobs.start(services)
  return {
    database,
    services,
    migrations: all,
    async close() {
      await jobs.stop()
      await database.close()
    },
  }
}
