/**
 * Login throttling per account and per address, kept in the database so that several app
 * processes share it. After too many failures in the window the key is locked for a while;
 * a success clears the account's counter.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { AppError } from '../http/errors.js'
import { clearThrottle, findThrottle, saveThrottle } from './repository.js'

const WINDOW_MS = 15 * 60_000
const LOCK_MS = 15 * 60_000
const LIMITS = { account: 5, ip: 30 } as const

const keys = (username: string, ip: string) => [
  { key: `account:${username.toLowerCase()}`, limit: LIMITS.account },
  { key: `ip:${ip}`, limit: LIMITS.ip },
]

export async function assertNotThrottled(db: Kysely<Database>, username: string, ip: string, now: Date) {
  for (const { key } of keys(username, ip)) {
    const row = await findThrottle(db, key)
    if (row?.locked_until && row.locked_until > now.toISOString()) {
      const minutes = Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 60_000)
      throw new AppError(429, 'login_throttled', { minutes }, [], { retryAfterSeconds: minutes * 60 })
    }
  }
}

export async function recordFailure(db: Kysely<Database>, username: string, ip: string, now: Date) {
  for (const { key, limit } of keys(username, ip)) {
    const row = await findThrottle(db, key)
    const fresh = !row || Date.parse(row.window_start) + WINDOW_MS < now.getTime()
    const failures = fresh ? 1 : row.failures + 1
    await saveThrottle(db, {
      key,
      failures,
      window_start: fresh ? now.toISOString() : row.window_start,
      locked_until: failures >= limit ? new Date(now.getTime() + LOCK_MS).toISOString() : null,
    })
  }
}

export async function recordSuccess(db: Kysely<Database>, username: string) {
  await clearThrottle(db, `account:${username.toLowerCase()}`)
}
