/** SQL for users. */
import { type Kysely, sql } from 'kysely'
import type { Tx } from '../../context.js'
import { type DialectName, likeOperator } from '../../db/dialect.js'
import type { Database, UserTable } from '../../db/schema.js'
import type { ListUsersQuery } from './schema.js'

const columns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.role',
  'users.org_unit_id',
  'users.locale',
  'users.phone',
  'users.version',
  'users.voided_at',
  'users.must_change_password',
  'users.password_hash',
  'org_units.name as org_unit_name',
  'org_units.path as org_path',
] as const

export const findUser = (db: Tx, id: number) =>
  db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(columns)
    .where('users.id', '=', id)
    .executeTakeFirst()

export const findUserByUsername = (db: Tx, username: string) =>
  db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(columns)
    .where('users.username', '=', username)
    .executeTakeFirst()

export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>

export async function listUsers(
  db: Kysely<Database>,
  dialect: DialectName,
  scopePath: string,
  f: ListUsersQuery,
) {
  let q = db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .where('org_units.path', 'like', `${scopePath}%`)
  if (f.role) q = q.where('users.role', '=', f.role)
  if (!f.includeVoided) q = q.where('users.voided_at', 'is', null)
  if (f.q) {
    const p = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const op = likeOperator(dialect)
    q = q.where((eb) =>
      eb.or([
        eb(sql`users.username`, op, sql`${p} escape '\\'`),
        eb(sql`users.display_name`, op, sql`${p} escape '\\'`),
      ]),
    )
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await q
    .select(columns)
    .orderBy('users.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()
  return { rows, total: Number(total.n) }
}

export async function insertUser(db: Tx, row: Omit<UserTable, 'id'>): Promise<number> {
  const r = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

export async function updateUserVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<UserTable, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function countUsers(db: Tx): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}
