/** Opens the database named by the environment: embedded SQLite by default, PostgreSQL via DATABASE_URL. */
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DialectName } from './dialect.js'
import type { Database } from './schema.js'
import { RollbackAwareSqliteDialect } from './sqlite-dialect.js'

export interface Db {
  db: Kysely<Database>
  dialect: DialectName
  /** Where the SQLite file lives (undefined on PostgreSQL). */
  file?: string
  close(): Promise<void>
}

// int8 (count(*), sums of fen) arrives as a string by default; our values stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v))

export function openDatabase(opts: { databaseUrl?: string; dataDir: string; sqliteFile?: string }): Db {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30000,
    })
    // A dropped connection must not crash the process; requests fail with 503 and the pool reconnects.
    // The pool listens only to its idle clients: a client checked out (a transaction waiting on
    // JavaScript between statements) that is cut off emits 'error' with no listener, which kills
    // the process (found by tests/faults/pg-outage.test.ts). Every client gets a listener of its own;
    // its pending or next query fails, which the error handler turns into a 503.
    pool.on('error', () => {})
    pool.on('connect', (client) => client.on('error', () => {}))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, dialect: 'postgres', close: () => db.destroy() }
  }
  const file = opts.sqliteFile ?? path.join(opts.dataDir, 'edu-ledger.sqlite')
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  // 32 MB of page cache (the default is 2 MB): a bulk import into a 300,000-row ledger touches
  // many index pages; the cache only grows as pages are used.
  sqlite.pragma('cache_size = -32768')
  // Statistics for the query planner, refreshed only where tables changed a lot since the last
  // run (cheap when nothing did); SQLite's recommended call on opening a connection.
  sqlite.pragma('optimize=0x10002')
  const db = new Kysely<Database>({ dialect: new RollbackAwareSqliteDialect(sqlite) })
  return { db, dialect: 'sqlite', file, close: () => db.destroy() }
}
