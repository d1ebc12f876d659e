/** SQL for sessions and login throttling. */
import type { Kysely } from 'kysely'
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

export const findSessionUser = (db: Kysely<Database>, idHash: string) =>
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
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst()

export const touchSession = (db: Kysely<Database>, idHash: string, at: string, expires: string) =>
  db.updateTable('sessions').set({ last_seen_at: at, expires_at: expires }).where('id_hash', '=', idHash).execute()

export const deleteSession = (db: Kysely<Database>, idHash: string) =>
  db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()

export const deleteUserSessions = (db: Kysely<Database>, userId: number, exceptHash?: string) => {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptHash) q = q.where('id_hash', '!=', exceptHash)
  return q.execute()
}

export const findThrottle = (db: Kysely<Database>, key: string) =>
  db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst()

export const saveThrottle = (
  db: Kysely<Database>,
  row: { key: string; failures: number; window_start: string; locked_until: string | null },
) =>
  db
    .insertInto('auth_throttle')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ failures: row.failures, window_start: row.window_start, locked_until: row.locked_until }),
    )
    .execute()

export const clearThrottle = (db: Kysely<Database>, key: string) =>
  db.deleteFrom('auth_throttle').where('key', '=', key).execute()
