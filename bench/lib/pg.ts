/**
 * Fresh PostgreSQL databases for benchmarks, made the way scripts/with-fresh-pg.mjs makes them:
 * `create database` on the server DATABASE_URL names, `drop … with (force)` afterwards.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface FreshDb {
  url: string
  name: string
  drop(): Promise<void>
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

export async function freshDatabase(serverUrl: string): Promise<FreshDb> {
  const name = `edu_bench_${randomBytes(5).toString('hex')}`
  await admin(serverUrl, `create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    name,
    drop: () => admin(serverUrl, `drop database if exists ${name} with (force)`),
  }
}

export async function serverVersion(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    const r = await client.query<{ v: string }>("select current_setting('server_version') as v")
    return r.rows[0]?.v ?? '?'
  } finally {
    await client.end()
  }
}

/** Hides a password in a connection string for printing. */
export const redactUrl = (u: string) => u.replace(/:[^:@/]*@/, ':***@')
