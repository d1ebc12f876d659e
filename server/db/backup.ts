/**
 * Backup and restore as a dialect-neutral JSON-lines file: a SQLite backup restores into
 * PostgreSQL and back. Line 1 is a header (format, version, migrations); then one line per
 * table `{table, columns}` followed by one line per row (an array). Binary values are base64.
 */
import fs from 'node:fs'
import readline from 'node:readline'
import type { Kysely } from 'kysely'
import type { Db } from './connect.js'
import { listTables, resetIdentity, withForeignKeysSuspended } from './dialect.js'

const FORMAT = 'edu-ledger-backup/1'
// Not data: the migrator owns schema_migrations; sessions and throttles must not survive a restore;
// job files are transient uploads and error reports that repeat ledgers in clear (personal data
// included) and are dropped within days anyway (server/jobs/queue.ts): a backup must not keep them.
const SKIP = new Set(['schema_migrations', 'sessions', 'auth_throttle', 'job_files'])

function encode(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return { $b64: v.toString('base64') }
  if (v instanceof Uint8Array) return { $b64: Buffer.from(v).toString('base64') }
  return v
}
function decode(v: unknown): unknown {
  if (v && typeof v === 'object' && '$b64' in v)
    return Buffer.from(String((v as { $b64: string }).$b64), 'base64')
  return v
}

async function dataTables(database: Db): Promise<string[]> {
  const all = await listTables(database.db as unknown as Kysely<any>, database.dialect)
  return all.filter((t) => !SKIP.has(t) && !t.startsWith('pgboss') && !t.startsWith('kysely_')).sort()
}

export async function backup(database: Db, file: string): Promise<{ tables: number; rows: number }> {
  const db = database.db as unknown as Kysely<any>
  const migrations = (await db.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map(
    (r) => r.name as string,
  )
  const out = fs.createWriteStream(`${file}.partial`)
  const write = (obj: unknown) =>
    new Promise<void>((res, rej) => out.write(`${JSON.stringify(obj)}\n`, (e) => (e ? rej(e) : res())))
  await write({ format: FORMAT, createdAt: new Date().toISOString(), dialect: database.dialect, migrations })
  let rows = 0
  const tables = await dataTables(database)
  // One read transaction so the copy is consistent.
  await db.transaction().execute(async (trx) => {
    for (const table of tables) {
      const data = await trx.selectFrom(table).selectAll().execute()
      const columns = data[0] ? Object.keys(data[0]) : []
      await write({ table, columns, count: data.length })
      for (const r of data) await write(columns.map((c) => encode((r as Record<string, unknown>)[c])))
      rows += data.length
    }
  })
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())))
  fs.renameSync(`${file}.partial`, file)
  return { tables: tables.length, rows }
}

export async function restore(database: Db, file: string): Promise<{ tables: number; rows: number }> {
  const db = database.db as unknown as Kysely<any>
  const lines = readline.createInterface({
    input: fs.createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })
  const it = lines[Symbol.asyncIterator]()
  const first = await it.next()
  const header = JSON.parse(String(first.value ?? '{}')) as { format?: string; migrations?: string[] }
  if (header.format !== FORMAT) throw new Error(`${file} is not an edu-ledger backup`)
  const have = new Set(
    (await db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name as string),
  )
  const missing = (header.migrations ?? []).filter((m) => !have.has(m))
  if (missing.length)
    throw new Error(`the backup needs newer migrations than this database has: ${missing.join(', ')}`)
  const nonEmpty = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  if (nonEmpty) throw new Error('restore needs an empty database (no users); point it at a fresh one')
  const known = new Set(await dataTables(database))
  let tables = 0
  let rows = 0
  await withForeignKeysSuspended(db, database.dialect, async (trx) => {
    for (const t of known) await trx.deleteFrom(t).execute()
    let line = await it.next()
    while (!line.done) {
      const meta = JSON.parse(line.value) as { table: string; columns: string[]; count: number }
      if (!known.has(meta.table)) throw new Error(`unknown table in backup: ${meta.table}`)
      let batch: Record<string, unknown>[] = []
      const flush = async () => {
        if (batch.length) await trx.insertInto(meta.table).values(batch).execute()
        batch = []
      }
      for (let i = 0; i < meta.count; i++) {
        line = await it.next()
        const values = JSON.parse(String(line.value)) as unknown[]
        batch.push(Object.fromEntries(meta.columns.map((c, j) => [c, decode(values[j])])))
        if (batch.length >= 200) await flush()
      }
      await flush()
      if (meta.columns.includes('id'))
        await resetIdentity(trx, database.dialect, meta.table).catch(() => undefined)
      tables++
      rows += meta.count
      line = await it.next()
    }
  })
  return { tables, rows }
}
