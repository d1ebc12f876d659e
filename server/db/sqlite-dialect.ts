/**
 * Kysely's SQLite dialect, with one correction. When SQLite cannot go on with a transaction (a full
 * disk: SQLITE_FULL; an I/O error) it rolls the transaction back itself, and Kysely's own
 * `rollback` afterwards fails with "cannot rollback - no transaction is active". That second error
 * replaced the first, so a full disk came out as a 500 instead of a 507 (found by
 * tests/faults/full-disk.test.ts). The rollback is skipped when SQLite has already done it.
 */
import type SQLite from 'better-sqlite3'
import { type DatabaseConnection, type Driver, SqliteDialect, SqliteDriver } from 'kysely'

class RollbackAwareDriver extends SqliteDriver {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite })
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
