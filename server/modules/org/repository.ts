/** SQL for org units. No rules here: the use cases decide, this only reads and writes. */
import { type Kysely, sql } from 'kysely'
import type { Tx } from '../../context.js'
import { type DialectName, likeOperator } from '../../db/dialect.js'
import type { Database, OrgUnitTable } from '../../db/schema.js'
import type { ListOrgUnitsQuery } from './schema.js'

export type OrgUnitRow = Omit<OrgUnitTable, 'id'> & { id: number }

export const findById = (db: Tx, id: number) =>
  db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    OrgUnitRow | undefined
  >

export const findLiveByCode = (db: Tx, code: string) =>
  db
    .selectFrom('org_units')
    .select(['id', 'name'])
    .where('code', '=', code)
    .where('voided_at', 'is', null)
    .executeTakeFirst()

export const findRoot = (db: Tx) =>
  db
    .selectFrom('org_units')
    .selectAll()
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst() as Promise<OrgUnitRow | undefined>

/** Everything in a subtree, ordered for building a tree. */
export function listSubtree(db: Tx, scopePath: string, includeVoided: boolean) {
  let q = db.selectFrom('org_units').selectAll().where('path', 'like', `${scopePath}%`)
  if (!includeVoided) q = q.where('voided_at', 'is', null)
  return q.orderBy('depth').orderBy('sort_order').orderBy('id').execute() as Promise<OrgUnitRow[]>
}

export async function listPage(
  db: Kysely<Database>,
  dialect: DialectName,
  scopePath: string,
  f: ListOrgUnitsQuery,
) {
  let q = db.selectFrom('org_units').where('path', 'like', `${scopePath}%`)
  if (f.parentId !== undefined) q = q.where('parent_id', '=', f.parentId)
  if (f.kind) q = q.where('kind', '=', f.kind)
  if (!f.includeVoided) q = q.where('voided_at', 'is', null)
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const op = likeOperator(dialect)
    q = q.where((eb) =>
      eb.or([
        eb(sql`name`, op, sql`${pattern} escape '\\'`),
        eb(sql`short_name`, op, sql`${pattern} escape '\\'`),
        eb(sql`coalesce(code, '')`, op, sql`${pattern} escape '\\'`),
      ]),
    )
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const items = (await q
    .selectAll()
    .orderBy('depth')
    .orderBy('sort_order')
    .orderBy('id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute()) as OrgUnitRow[]
  return { items, total: Number(total.n) }
}

export async function insert(
  db: Tx,
  row: Omit<OrgUnitRow, 'id' | 'path'> & { parentPath: string },
): Promise<OrgUnitRow> {
  const { parentPath, ...values } = row
  const { id } = await db
    .insertInto('org_units')
    .values({ ...values, path: '' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const path = `${parentPath}${id}/`
  await db.updateTable('org_units').set({ path }).where('id', '=', id).execute()
  return { ...values, id, path }
}

/** Optimistic update: returns false when the version moved on. */
export async function updateVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<OrgUnitTable, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('org_units')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Rewrites the paths of a moved subtree in one statement. */
export async function rewriteSubtreePaths(
  db: Tx,
  oldPrefix: string,
  newPrefix: string,
  depthDelta: number,
  at: string,
) {
  await db
    .updateTable('org_units')
    .set({
      path: sql<string>`${newPrefix} || substr(path, ${oldPrefix.length + 1})`,
      depth: sql<number>`depth + ${depthDelta}`,
      updated_at: at,
    })
    .where('path', 'like', `${oldPrefix}%`)
    .where('path', '!=', oldPrefix)
    .execute()
}

export async function countLiveChildren(db: Tx, id: number): Promise<number> {
  const r = await db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function countLiveUsers(db: Tx, orgUnitId: number): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_unit_id', '=', orgUnitId)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}
