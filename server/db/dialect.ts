/**
 * The only place that knows which database is underneath. Everything dialect-specific
 * (pragmas, locks, sequences, type parsing) lives here so repositories stay portable.
 */
import { CompiledQuery, type Kysely, sql } from 'kysely'

export type DialectName = 'sqlite' | 'postgres'

/** Serialises appends to the audit hash chain. SQLite transactions are already serial. */
export async function lockAuditChain(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(734201)`.execute(db)
}

/** Serialises concurrent migrators (several app processes starting at once on PostgreSQL). */
export async function lockMigrations(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(734200)`.execute(db)
}

/** After rows were inserted with explicit ids (restore, demo), move identity sequences past them. */
export async function resetIdentity(db: Kysely<any>, dialect: DialectName, table: string): Promise<void> {
  if (dialect !== 'postgres') return
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
    db,
  )
}

/**
 * Refreshes the planner's statistics after a bulk change (a demo load, a large import). Without
 * them SQLite picks an index on `duplicate_of` for `duplicate_of is null` (97% of the rows) and the
 * monthly series take 6× longer. SQLite's `optimize` analyses only what changed enough.
 */
export async function refreshStatistics(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') await sql`pragma optimize=0x10002`.execute(db)
  else await sql`analyze`.execute(db)
}

/** Case-insensitive substring match: SQLite's LIKE already ignores ASCII case, PostgreSQL needs ILIKE. */
export function likeOperator(dialect: DialectName): 'like' | 'ilike' {
  return dialect === 'postgres' ? 'ilike' : 'like'
}

/** Lists the application's tables (for backup), in creation order of migrations is not needed: caller orders. */
export async function listTables(db: Kysely<any>, dialect: DialectName): Promise<string[]> {
  if (dialect === 'sqlite') {
    const r = await sql<{
      name: string
    }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
    return r.rows.map((x) => x.name)
  }
  const r = await sql<{
    name: string
  }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(
    db,
  )
  return r.rows.map((x) => x.name)
}

/** SQLite integrity check; PostgreSQL has no equivalent cheap check, so it reports ok. */
export async function integrityCheck(db: Kysely<any>, dialect: DialectName): Promise<string> {
  if (dialect !== 'sqlite') return 'ok'
  const r = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)
  return r.rows[0]?.integrity_check ?? 'unknown'
}

/**
 * Runs `fn` with foreign-key checks suspended (restore inserts tables in any order), then checks
 * them all at once. SQLite: the pragma, then `foreign_key_check`. PostgreSQL: replica role,
 * which needs a superuser or the table owner with that right.
 */
export async function withForeignKeysSuspended<T>(
  db: Kysely<any>,
  dialect: DialectName,
  fn: (trx: Kysely<any>) => Promise<T>,
): Promise<T> {
  if (dialect === 'sqlite') {
    await sql`pragma foreign_keys = OFF`.execute(db)
    try {
      const out = await db.transaction().execute(async (trx) => {
        const r = await fn(trx)
        const bad = await sql`pragma foreign_key_check`.execute(trx)
        if (bad.rows.length) throw new Error(`restore broke ${bad.rows.length} foreign keys`)
        return r
      })
      return out
    } finally {
      await sql`pragma foreign_keys = ON`.execute(db)
    }
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx)
    return fn(trx)
  })
}

/**
 * Inserts many rows with one prepared statement text per batch, skipping the query builder: a
 * 100,000-row import spent more time building and compiling 500-row INSERTs than SQLite spent
 * running them. Every row must have the same keys, in the same order. Returns the `returning`
 * columns of each inserted row, in order.
 */
export async function insertMany<R extends Record<string, unknown>>(
  db: Kysely<any>,
  dialect: DialectName,
  table: string,
  rows: readonly Record<string, unknown>[],
  returning: readonly string[] = [],
): Promise<R[]> {
  const first = rows[0]
  if (!first) return []
  const cols = Object.keys(first)
  const params: unknown[] = []
  let n = 0
  const tuple = () => `(${cols.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(', ')})`
  const values: string[] = []
  for (const row of rows) {
    values.push(tuple())
    for (const c of cols) params.push(row[c] ?? null)
  }
  const quote = (id: string) => `"${id.replace(/"/g, '""')}"`
  const text = `insert into ${quote(table)} (${cols.map(quote).join(', ')}) values ${values.join(', ')}${
    returning.length ? ` returning ${returning.map(quote).join(', ')}` : ''
  }`
  const r = await db.executeQuery<R>(CompiledQuery.raw(text, params))
  return r.rows as R[]
}
