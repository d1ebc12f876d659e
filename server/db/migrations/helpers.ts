/**
 * Frozen helpers for migrations. Migrations must never import application code (it changes;
 * they must not), so the little they share lives here and is itself never changed: add a new
 * helper instead of editing one.
 */
import type { CreateTableBuilder, Kysely } from 'kysely'

export type MigrationDialect = 'sqlite' | 'postgres'

export interface Migration {
  up(db: Kysely<any>, dialect: MigrationDialect): Promise<void>
}

/** An integer surrogate key that both databases generate. */
export function withId<T extends string>(
  t: CreateTableBuilder<T, never>,
  dialect: MigrationDialect,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? t.addColumn('id', 'serial', (c) => c.primaryKey())
    : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
}

/** Binary column type on each database. */
export function blobType(dialect: MigrationDialect): 'blob' | 'bytea' {
  return dialect === 'postgres' ? 'bytea' : 'blob'
}
