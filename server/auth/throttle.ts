/**
 * Login throttling per account and per address, kept in the database so that several app
 * processes share it. After too many failures in the window the key is locked for a while;
 * a success clears the account's counter.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.js'
import { AppError } from '../http/errors.js'
import { bumpThrottle, clearThrottle, lockThrottle, releaseThrottle } from './repository.js'

const WINDOW_MS = 15 * 60_000
const LOCK_MS = 15 * 60_000
const LIMITS = { account: 5, ip: 30 } as const

const keys = (username: string, ip: string) => [
  { key: `account:${username.toLowerCase()}`, limit: LIMITS.account },
  { key: `ip:${ip}`, limit: LIMITS.ip },
]

/**
 * Counts this attempt against the account and the address before the password is checked, each
 * in one atomic statement, and refuses it (429) when either is locked or already past its limit.
 * Counting first is what makes the limit hold when an attacker sends many guesses at once: each
 * concurrent attempt gets its own number, and only the first `limit` are checked at all.
 */
export async function reserveAttempt(db: Kysely<Database>, username: string, ip: string, now: Date) {
  const at = now.toISOString()
  const cutoff = new Date(now.getTime() - WINDOW_MS).toISOString()
  let waitMs = 0
  for (const { key, limit } of keys(username, ip)) {
    const row = await bumpThrottle(db, key, at, cutoff)
    if (row.locked_until && row.locked_until > at)
      waitMs = Math.max(waitMs, Date.parse(row.locked_until) - now.getTime())
    else if (row.failures > limit) waitMs = Math.max(waitMs, LOCK_MS)
  }
  if (waitMs > 0) {
    const minutes = Math.ceil(waitMs / 60_000)
    throw new AppError(429, 'login_throttled', { minutes }, [], { retryAfterSeconds: minutes * 60 })
  }
}

/** A failed attempt (already counted): a key that reached its limit is locked for a while. */
export async function recordFailure(db: Kysely<Database>, username: string, ip: string, now: Date) {
  const until = new Date(now.getTime() + LOCK_MS).toISOString()
  for (const { key, limit } of keys(username, ip))
    await lockThrottle(db, key, limit, until, now.toISOString())
}

/** A success clears the account's counter and gives the address its attempt back. */
export async function recordSuccess(db: Kysely<Database>, username: string, ip: string) {
  await clearThrottle(db, `account:${username.toLowerCase()}`)
  await releaseThrottle(db, `ip:${ip}`)
}
