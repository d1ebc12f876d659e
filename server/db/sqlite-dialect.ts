/**
 * Kysely's SQLite dialect, with two corrections.
 *
 * 1. When SQLite cannot go on with a transaction (a full disk: SQLITE_FULL; an I/O error) it rolls
 *    the transaction back itself, and Kysely's own `rollback` afterwards fails with "cannot
 *    rollback - no transaction is active". That second error replaced the first, so a full disk
 *    came out as a 500 instead of a 507 (found by tests/faults/full-disk.test.ts). The rollback is
 *    skipped when SQLite has already done it.
 * 2. Kysely prepares every statement anew; under load that was 13–17% of the server's CPU on the
 *    list routes (bench/load.ts, a CPU profile). Statements are kept by their SQL text, a bounded
 *    number, up to 16 KB of SQL: bulk inserts come in fixed-size chunks (insertMany) whose full
 *    chunks are the same statement, and only a chunk's last, shorter remainder is prepared once and
 *    evicted in turn. A statement still iterating (a streamed export) is never handed out twice:
 *    a fresh one is prepared instead.
 */
import type SQLite from 'better-sqlite3'
import {
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  SqliteDialect,
  SqliteDriver,
  type SqliteStatement,
} from 'kysely'

const MAX_STATEMENTS = 200
const MAX_CACHED_SQL = 16_384

function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      if (sql.length > MAX_CACHED_SQL) return sqlite.prepare(sql)
      const hit = cache.get(sql)
      if (hit && !hit.busy) {
        // Most recently used last: the first key is the one to evict.
        cache.delete(sql)
        cache.set(sql, hit)
        return hit
      }
      const fresh = sqlite.prepare(sql)
      if (!hit) {
        cache.set(sql, fresh)
        if (cache.size > MAX_STATEMENTS) cache.delete(cache.keys().next().value as string)
      }
      return fresh
    },
  }
}

class RollbackAwareDriver extends SqliteDriver {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: withStatementCache(sqlite) })
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.sqlite.inTransaction) return
    await super.rollbackTransaction(connection)
  }
}

export class RollbackAwareSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite })
  }

  override createDriver(): Driver {
    return new RollbackAwareDriver(this.sqlite)
  }
}
