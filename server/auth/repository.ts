/** SQL for sessions and login throttling. */
import { type Kysely, sql } from 'kysely'
import type { Tx } from '../context.js'
import { changeStampSql, type DialectName } from '../db/dialect.js'
import type { Database } from '../db/schema.js'

export const insertSession = (
  db: Kysely<Database>,
  s: { idHash: string; userId: number; csrf: string; at: string; expires: string; ip: string | null },
) =>
  db
    .insertInto('sessions')
    .values({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_token: s.csrf,
      created_at: s.at,
      last_seen_at: s.at,
      expires_at: s.expires,
      ip: s.ip,
    })
    .execute()

/** The session's user, with the database's change stamp read in the same statement (answer-cache.ts). */
export const findSessionUser = (db: Kysely<Database>, dialect: DialectName, idHash: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select([
      'sessions.id_hash',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.org_unit_id',
      'users.voided_at',
      'org_units.path',
      changeStampSql(dialect).as('stamp'),
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst()

export const touchSession = (db: Kysely<Database>, idHash: string, at: string, expires: string) =>
  db
    .updateTable('sessions')
    .set({ last_seen_at: at, expires_at: expires })
    .where('id_hash', '=', idHash)
    .execute()

export const deleteSession = (db: Kysely<Database>, idHash: string) =>
  db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()

export const deleteUserSessions = (db: Tx, userId: number, exceptHash?: string) => {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptHash) q = q.where('id_hash', '!=', exceptHash)
  return q.execute()
}

export const findThrottle = (db: Kysely<Database>, key: string) =>
  db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst()

/**
 * Counts one attempt on a key in a single statement (a new window when the old one started
 * before `windowCutoff`), so concurrent attempts each see their own count.
 */
export const bumpThrottle = (db: Kysely<Database>, key: string, at: string, windowCutoff: string) =>
  db
    .insertInto('auth_throttle')
    .values({ key, failures: 1, window_start: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when auth_throttle.window_start < ${windowCutoff} then 1 else auth_throttle.failures + 1 end`,
        window_start: sql<string>`case when auth_throttle.window_start < ${windowCutoff} then ${at} else auth_throttle.window_start end`,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow()

/** Locks a key that reached `limit` attempts and is not locked yet. */
export const lockThrottle = (db: Kysely<Database>, key: string, limit: number, until: string, at: string) =>
  db
    .updateTable('auth_throttle')
    .set({ locked_until: until })
    .where('key', '=', key)
    .where('failures', '>=', limit)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
    .execute()

/** Gives back one counted attempt (a login that succeeded is not a failure). */
export const releaseThrottle = (db: Kysely<Database>, key: string) =>
  db
    .updateTable('auth_throttle')
    .set({ failures: sql<number>`failures - 1` })
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute()

export const clearThrottle = (db: Kysely<Database>, key: string) =>
  db.deleteFrom('auth_throttle').where('key', '=', key).execute()
