#!/usr/bin/env node
/**
 * Runs a command against a brand-new PostgreSQL database and drops it afterwards:
 *
 *   node scripts/with-fresh-pg.mjs vitest run
 *
 * The server is postgres://postgres@127.0.0.1:5432 unless PGHOST / PGPORT / PGUSER / PGPASSWORD
 * say otherwise (or ADMIN_DATABASE_URL names it whole). The command gets DATABASE_URL pointing at
 * the new database and exits with its own exit code. The test harness then runs every database
 * test on both SQLite and this PostgreSQL (it makes its own databases per test file on the same
 * server).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

const args = process.argv.slice(2)
if (args.length === 0) {
  console.error('usage: node scripts/with-fresh-pg.mjs <command> [args…]')
  process.exit(2)
}

function serverUrl() {
  if (process.env.ADMIN_DATABASE_URL) return process.env.ADMIN_DATABASE_URL
  const u = new URL('postgres://127.0.0.1:5432/postgres')
  u.hostname = process.env.PGHOST ?? '127.0.0.1'
  u.port = process.env.PGPORT ?? '5432'
  u.username = encodeURIComponent(process.env.PGUSER ?? 'postgres')
  if (process.env.PGPASSWORD) u.password = encodeURIComponent(process.env.PGPASSWORD)
  u.pathname = `/${process.env.PGDATABASE ?? 'postgres'}`
  return u.toString()
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: serverUrl(), connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

const name = `edu_fresh_${randomBytes(5).toString('hex')}`
try {
  await admin(`create database ${name}`)
} catch (e) {
  console.error(
    `with-fresh-pg: cannot create a database on ${serverUrl().replace(/:[^:@/]*@/, ':***@')}: ${e.message}`,
  )
  process.exit(2)
}
const url = new URL(serverUrl())
url.pathname = `/${name}`

let dropped = false
async function drop() {
  if (dropped) return
  dropped = true
  await admin(`drop database if exists ${name} with (force)`).catch((e) =>
    console.error(`with-fresh-pg: could not drop ${name}: ${e.message}`),
  )
}

// As in npm scripts, the project's node_modules/.bin is on PATH, so `vitest run` works directly.
const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin')
const child = spawn(args[0], args.slice(1), {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: url.toString(),
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
  },
  shell: process.platform === 'win32',
})
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal))
}
child.on('error', async (e) => {
  console.error(`with-fresh-pg: cannot run ${args[0]}: ${e.message}`)
  await drop()
  process.exit(127)
})
child.on('exit', async (code, signal) => {
  await drop()
  process.exit(code ?? (signal ? 1 : 0))
})
