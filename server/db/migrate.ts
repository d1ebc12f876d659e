/**
 * Forward-only migrator. Migrations are found in `server/db/migrations/` and in each module's
 * `migrations/` folder, and run in file-name order (names start with a date), each in its own
 * transaction. A module that brings tables brings its migrations: adding a module is adding a folder.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Kysely } from 'kysely'
import type { Db } from './connect.js'
import { lockMigrations } from './dialect.js'

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const MIGRATION_FILE = /^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+\.ts$/

export interface MigrationFile {
  name: string
  file: string
}

export function findMigrations(): MigrationFile[] {
  const dirs = [path.join(serverDir, 'db', 'migrations')]
  const modules = path.join(serverDir, 'modules')
  for (const m of fs.readdirSync(modules)) dirs.push(path.join(modules, m, 'migrations'))
  const found: MigrationFile[] = []
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue
    for (const f of fs.readdirSync(dir)) {
      if (MIGRATION_FILE.test(f)) found.push({ name: f.replace(/\.ts$/, ''), file: path.join(dir, f) })
    }
  }
  found.sort((a, b) => a.name.localeCompare(b.name))
  const names = new Set<string>()
  for (const m of found) {
    if (names.has(m.name)) throw new Error(`duplicate migration name ${m.name}`)
    names.add(m.name)
  }
  return found
}

/** Applies pending migrations; returns the names applied now and the full list applied. */
export async function migrate(database: Db): Promise<{ applied: string[]; all: string[] }> {
  const db = database.db as unknown as Kysely<any>
  // Under the lock too: on PostgreSQL two concurrent `create table if not exists` can both
  // pass the check and one then fails on the catalogue's unique index.
  await db.transaction().execute(async (trx) => {
    await lockMigrations(trx, database.dialect)
    await trx.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute()
  })
  const applied: string[] = []
  for (const m of findMigrations()) {
    await db.transaction().execute(async (trx) => {
      await lockMigrations(trx, database.dialect)
      const done = await trx
        .selectFrom('schema_migrations')
        .select('name')
        .where('name', '=', m.name)
        .executeTakeFirst()
      if (done) return
      const mod = (await import(pathToFileURL(m.file).href)) as {
        up: (db: Kysely<any>, d: string) => Promise<void>
      }
      await mod.up(trx, database.dialect)
      await trx
        .insertInto('schema_migrations')
        .values({ name: m.name, applied_at: new Date().toISOString() })
        .execute()
      applied.push(m.name)
    })
  }
  const all = await db.selectFrom('schema_migrations').select('name').orderBy('name').execute()
  return { applied, all: all.map((r: { name: string }) => r.name) }
}
