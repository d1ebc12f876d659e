/**
 * Database-backed sessions: the cookie holds a random token, the database only its hash, so a
 * stolen backup cannot be replayed. A new token is issued at every login (no fixation).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Actor } from '../context.js'
import type { DialectName } from '../db/dialect.js'
import type { Database } from '../db/schema.js'
import { isRole } from '../policies/roles.js'
import * as repo from './repository.js'

export const SESSION_COOKIE = 'edu_sid'
export const CSRF_COOKIE = 'edu_csrf'
const IDLE_MS = 8 * 3600_000
// A touch is a write, and any write starts the list-answer cache over (server/http/answer-cache.ts):
// ten minutes keeps that to one per active user per ten minutes; an 8-hour idle limit needs no finer.
const TOUCH_EVERY_MS = 10 * 60_000

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export async function createSession(db: Kysely<Database>, userId: number, ip: string | null, now: Date) {
  const token = randomBytes(32).toString('base64url')
  const csrf = randomBytes(24).toString('base64url')
  await repo.insertSession(db, {
    idHash: hashToken(token),
    userId,
    csrf,
    at: now.toISOString(),
    expires: new Date(now.getTime() + IDLE_MS).toISOString(),
    ip,
  })
  return { token, csrf }
}

export interface ResolvedSession {
  actor: Actor
  csrf: string
  idHash: string
  /** The change stamp read with the session; undefined when the lookup itself wrote (a touch). */
  stamp: string | undefined
}

export async function resolveSession(
  db: Kysely<Database>,
  dialect: DialectName,
  token: string | undefined,
  now: Date,
): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null
  const idHash = hashToken(token)
  const row = await repo.findSessionUser(db, dialect, idHash)
  if (!row || row.voided_at || row.expires_at <= now.toISOString() || !isRole(row.role)) return null
  const touch = now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS
  if (touch)
    await repo.touchSession(db, idHash, now.toISOString(), new Date(now.getTime() + IDLE_MS).toISOString())
  return {
    idHash,
    stamp: touch ? undefined : String(row.stamp),
    csrf: row.csrf_token,
    actor: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      orgUnitId: row.org_unit_id,
      scopePath: row.path,
    },
  }
}
