/**
 * Reading the app's database behind its back, as an operator would after a crash: SQLite through
 * better-sqlite3 on the data file (read-only unless asked), PostgreSQL through pg.
 */
import Database from 'better-sqlite3'
import pg from 'pg'
import { type FaultApp, sqliteFile } from './app.js'

export async function query<T = Record<string, unknown>>(
  app: Pick<FaultApp, 'target' | 'dataDir' | 'databaseUrl'>,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (app.target === 'sqlite') {
    const db = new Database(sqliteFile(app.dataDir), { readonly: true, fileMustExist: true })
    try {
      return db.prepare(sql).all(...params) as T[]
    } finally {
      db.close()
    }
  }
  const client = new pg.Client({ connectionString: app.databaseUrl, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    // The same statement text serves both: `?` placeholders become $1, $2 …
    let i = 0
    const text = sql.replace(/\?/g, () => `$${++i}`)
    return (await client.query(text, params)).rows as T[]
  } finally {
    await client.end()
  }
}

/** Row counts of the given tables, as plain numbers. */
export async function counts(
  app: Parameters<typeof query>[0],
  tables: string[],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const t of tables) {
    const [row] = await query<{ n: number | string }>(app, `select count(*) as n from ${t}`)
    out[t] = Number(row?.n ?? 0)
  }
  return out
}

/** SQLite's own check of the file after a crash: `integrity_check` and `foreign_key_check`. */
export function sqliteChecks(dataDir: string): { integrity: string; foreignKeyViolations: number } {
  // Opened read-write so that a WAL left by a killed process is recovered, as the app would.
  const db = new Database(sqliteFile(dataDir), { fileMustExist: true })
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; ')
    const fk = db.pragma('foreign_key_check') as unknown[]
    return { integrity, foreignKeyViolations: fk.length }
  } finally {
    db.close()
  }
}
