/**
 * The only place that knows which database is underneath. Everything dialect-specific
 * (pragmas, locks, sequences, type parsing) lives here so repositories stay portable.
 */
import { CompiledQuery, type Kysely, type RawBuilder, sql } from 'kysely'

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
export async function refreshStatistics(
  db: Kysely<any>,
  dialect: DialectName,
  tables: readonly string[] = [],
): Promise<void> {
  if (dialect === 'sqlite') await sql`pragma optimize=0x10002`.execute(db)
  // Only the tables a bulk change touched, when the caller knows them: a whole-database ANALYZE
  // also samples every attachment and audit row, for nothing.
  else if (tables.length > 0) await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db)
  else await sql`analyze`.execute(db)
}

/**
 * A token that moves with every committed change to the data, whoever made it: the answer cache's
 * key (server/http/answer-cache.ts). Two reads with the same token see the same data.
 * - SQLite: rows changed on this process's one connection (`total_changes()`, rolled-back ones
 *   included, which only costs a recompute), and `data_version`, which moves when another
 *   connection or process commits (the CLI, a restore).
 * - PostgreSQL: the current snapshot (`xmin:xmax:in-progress`). Visibility is a function of the
 *   snapshot alone, so an equal snapshot means equal committed data; a newest-id stamp would not do,
 *   since transactions commit out of id order.
 */
export async function changeStamp(db: Kysely<any>, dialect: DialectName): Promise<string> {
  const r = await sql<{ s: string }>`select ${changeStampSql(dialect)} as s`.execute(db)
  return String(r.rows[0]?.s ?? '')
}

/**
 * The change stamp as an expression, for a query that has another purpose too: the session
 * lookup reads it in the same statement, which saves a cached answer its second round trip
 * through PostgreSQL's pool.
 */
export function changeStampSql(dialect: DialectName): RawBuilder<string> {
  return dialect === 'sqlite'
    ? sql<string>`(select total_changes() || ':' || data_version from pragma_data_version)`
    : sql<string>`pg_current_snapshot()::text`
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
 * them all at once; triggers do not fire meanwhile (a restore puts back rows as they were, counters
 * kept by triggers included). SQLite: the pragma, the triggers dropped and made again from their own
 * SQL in the same transaction, then `foreign_key_check`. PostgreSQL: replica role, which does both
 * and needs a superuser or the table owner with that right.
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
        const triggers = (
          await sql<{
            name: string
            sql: string
          }>`select name, sql from sqlite_master where type = 'trigger'`.execute(trx)
        ).rows
        for (const t of triggers) await sql`drop trigger ${sql.id(t.name)}`.execute(trx)
        const r = await fn(trx)
        for (const t of triggers) await sql.raw(t.sql).execute(trx)
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
 * Inserts many rows, skipping the query builder: a 100,000-row import spent more time building and
 * compiling 500-row INSERTs than the database spent running them. Every row must have the same
 * keys, in the same order. Returns the `returning` columns of each inserted row, in order. Any
 * number of rows: the batches are cut here, to each database's best size.
 *
 * SQLite: multi-row VALUES of a fixed number of rows (`sqliteRowsPerInsert`), so that every full
 * chunk is the same statement and the driver's statement cache prepares it once per import; only
 * the last, shorter chunk is prepared anew. Preparing a 32,000-parameter statement per 700 rows
 * was a fifth of SQLite's import time.
 * PostgreSQL: `insert … select * from unnest($1::type[], $2::type[], …)`, one array parameter per
 * column, so a 5,000-row batch is one short statement the server parses once: against 500-row
 * VALUES lists of 25,000 parameters it made the 100,000-row petition import's inserts about 3×
 * faster (docs/benchmarks.md).
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
  const out: R[] = []
  const size = dialect === 'postgres' ? PG_BATCH : sqliteRowsPerInsert(cols.length)
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size)
    const r =
      dialect === 'postgres'
        ? await insertUnnest<R>(db, table, cols, batch, returning)
        : await insertValues<R>(db, table, cols, batch, returning)
    for (const x of r) out.push(x)
  }
  return out
}

const SQLITE_MAX_PARAMS = 32_766
/** Keeps a chunk's SQL text under the statement cache's limit (MAX_CACHED_SQL in sqlite-dialect.ts). */
const SQLITE_INSERT_PARAMS = 2_000
export const sqliteRowsPerInsert = (columns: number) =>
  Math.max(1, Math.floor(Math.min(SQLITE_INSERT_PARAMS, SQLITE_MAX_PARAMS) / columns))
const PG_BATCH = 5_000
const quote = (id: string) => `"${id.replace(/"/g, '""')}"`
const returningSql = (returning: readonly string[]) =>
  returning.length ? ` returning ${returning.map(quote).join(', ')}` : ''

async function insertValues<R>(
  db: Kysely<any>,
  table: string,
  cols: string[],
  rows: readonly Record<string, unknown>[],
  returning: readonly string[],
): Promise<R[]> {
  const params: unknown[] = []
  const tuple = `(${cols.map(() => '?').join(', ')})`
  const values: string[] = []
  for (const row of rows) {
    values.push(tuple)
    for (const c of cols) params.push(row[c] ?? null)
  }
  const text = `insert into ${quote(table)} (${cols.map(quote).join(', ')}) values ${values.join(', ')}${returningSql(returning)}`
  const r = await db.executeQuery<R>(CompiledQuery.raw(text, params))
  return r.rows as R[]
}

/** Column types of a table (`int4`, `text`, `bytea` …), read once per table per process. */
const pgColumnTypes = new Map<string, Map<string, string>>()

async function columnTypes(db: Kysely<any>, table: string): Promise<Map<string, string>> {
  const known = pgColumnTypes.get(table)
  if (known) return known
  const r = await sql<{ column_name: string; udt_name: string }>`
    select column_name, udt_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}`.execute(db)
  const types = new Map(r.rows.map((x) => [x.column_name, x.udt_name]))
  if (types.size > 0) pgColumnTypes.set(table, types)
  return types
}

async function insertUnnest<R>(
  db: Kysely<any>,
  table: string,
  cols: string[],
  rows: readonly Record<string, unknown>[],
  returning: readonly string[],
): Promise<R[]> {
  const types = await columnTypes(db, table)
  const arrays = cols.map((c) => rows.map((row) => row[c] ?? null))
  const casts = cols.map((c, i) => {
    const type = types.get(c)
    if (!type) throw new Error(`insertMany: ${table}.${c} is not a column`)
    return `$${i + 1}::${quote(type)}[]`
  })
  const text = `insert into ${quote(table)} (${cols.map(quote).join(', ')}) select * from unnest(${casts.join(', ')})${returningSql(returning)}`
  const r = await db.executeQuery<R>(CompiledQuery.raw(text, arrays))
  return r.rows as R[]
}

/**
 * Reserves `n` ids of a table's serial key before its rows are written, so that a bulk load can
 * write parents and children (cases, their people, their events) in one statement without waiting
 * for RETURNING. PostgreSQL takes them from the sequence (safe beside other writers); SQLite has
 * one writer at a time, so the next ids after the AUTOINCREMENT counter are free for this
 * transaction.
 */
export async function reserveIds(
  db: Kysely<any>,
  dialect: DialectName,
  table: string,
  n: number,
): Promise<number[]> {
  if (n <= 0) return []
  if (dialect === 'postgres') {
    const r = await sql<{ id: number }>`
      select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n})`.execute(
      db,
    )
    return r.rows.map((x) => Number(x.id))
  }
  const r = await sql<{ last: number | null }>`
    select max(coalesce((select seq from sqlite_sequence where name = ${table}), 0),
               coalesce((select max(id) from ${sql.table(table)}), 0)) as last`.execute(db)
  const last = Number(r.rows[0]?.last ?? 0)
  return Array.from({ length: n }, (_, i) => last + 1 + i)
}

/**
 * Inserts rows into several tables, in the order given (parents first). On PostgreSQL it is ONE
 * statement (data-modifying CTEs over `unnest` arrays): foreign keys are checked at the end of the
 * statement, and the server works on it while the app prepares the next batch. On SQLite, one
 * insertMany after another.
 */
export async function insertTogether(
  db: Kysely<any>,
  dialect: DialectName,
  parts: readonly { table: string; rows: readonly Record<string, unknown>[] }[],
): Promise<void> {
  const present = parts.filter((p) => p.rows.length > 0)
  if (dialect !== 'postgres') {
    for (const p of present) await insertMany(db, dialect, p.table, p.rows)
    return
  }
  if (present.length === 0) return
  const params: unknown[] = []
  const inserts: string[] = []
  for (const p of present) {
    const cols = Object.keys(p.rows[0] ?? {})
    const types = await columnTypes(db, p.table)
    const casts = cols.map((c) => {
      const type = types.get(c)
      if (!type) throw new Error(`insertTogether: ${p.table}.${c} is not a column`)
      params.push(p.rows.map((row) => row[c] ?? null))
      return `$${params.length}::${quote(type)}[]`
    })
    inserts.push(
      `insert into ${quote(p.table)} (${cols.map(quote).join(', ')}) select * from unnest(${casts.join(', ')})`,
    )
  }
  const last = inserts.pop() ?? ''
  const text = inserts.length ? `with ${inserts.map((q, i) => `w${i} as (${q})`).join(', ')} ${last}` : last
  await db.executeQuery(CompiledQuery.raw(text, params))
}
