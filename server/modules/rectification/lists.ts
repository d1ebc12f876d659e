/**
 * The two configurable lists: problem categories (思想观念, 工作作风 …) and violation types
 * (有偿补课, 体罚学生 …). Both tables have the same shape; entries are renamed or voided, never
 * deleted, and one still used by a live record cannot be voided.
 */
import type { Kysely } from 'kysely'
import { recordAudit } from '../../audit/record.js'
import { type Actor, type Ctx, nowIso, type Tx } from '../../context.js'
import type { Database } from '../../db/schema.js'
import { badRequest, conflict, notFound, staleVersion } from '../../http/errors.js'
import { authorize } from '../../policies/authorize.js'
import type { Permission } from '../../policies/roles.js'
import type { RectificationCategoryTable } from './tables.js'

type ListTable = 'rectification_categories' | 'ethics_violation_types'
type ListRow = Omit<RectificationCategoryTable, 'id'> & { id: number }
/** Both tables share one shape: queries are typed against the first. */
type Db = Kysely<Pick<Database, 'rectification_categories'>>

export interface ListKind {
  table: ListTable
  read: Permission
  write: Permission
  entity: string
  takenKey: string
  inUseKey: string
  /** Whether a live record still needs the entry. */
  inUse(trx: Tx, id: number): Promise<boolean>
}

export const CATEGORIES: ListKind = {
  table: 'rectification_categories',
  read: 'problem.read',
  write: 'problem.write',
  entity: 'rectification_category',
  takenKey: 'rectification_category_taken',
  inUseKey: 'rectification_category_in_use',
  inUse: async (trx, id) =>
    !!(await trx
      .selectFrom('rectification_problems')
      .select('id')
      .where('category_id', '=', id)
      .where('voided_at', 'is', null)
      .where('status', '!=', 'signed_off')
      .executeTakeFirst()),
}

export const VIOLATION_TYPES: ListKind = {
  table: 'ethics_violation_types',
  read: 'ethics.read',
  write: 'ethics.write',
  entity: 'ethics_violation_type',
  takenKey: 'ethics_violation_type_taken',
  inUseKey: 'ethics_violation_type_in_use',
  inUse: async (trx, id) =>
    !!(await trx
      .selectFrom('ethics_cases')
      .select('id')
      .where('violation_type_id', '=', id)
      .where('voided_at', 'is', null)
      .executeTakeFirst()),
}

export const DEFAULT_CATEGORIES = [
  '思想观念',
  '工作作风',
  '制度机制',
  '办学条件',
  '教育质量',
  '安全稳定',
] as const
export const DEFAULT_VIOLATION_TYPES = [
  '有偿补课',
  '体罚学生',
  '收受礼品礼金',
  '学术不端',
  '不当言论',
  '其他',
] as const

const db = (trx: Tx) => trx as unknown as Db
const tableOf = (kind: ListKind) => kind.table as 'rectification_categories'

export function presentItem(r: ListRow) {
  return { id: r.id, name: r.name, sortOrder: r.sort_order, version: r.version, voided: r.voided_at !== null }
}

/** Lists are reference data: the system administrator keeps them, and so do those who write the records. */
function authorizeEdit(actor: Actor, kind: ListKind) {
  if (actor.role !== 'admin') authorize(actor, kind.write)
}

export function allItems(trx: Tx, kind: ListKind): Promise<ListRow[]> {
  return db(trx).selectFrom(tableOf(kind)).selectAll().orderBy('sort_order').orderBy('id').execute()
}

export async function listItems(ctx: Ctx, kind: ListKind) {
  authorize(ctx.actor, kind.read)
  return { items: (await allItems(ctx.db, kind)).map(presentItem) }
}

/** A live entry, or a field error on `field`. */
export async function liveItem(trx: Tx, kind: ListKind, id: number, field: string): Promise<ListRow> {
  const r = await db(trx).selectFrom(tableOf(kind)).selectAll().where('id', '=', id).executeTakeFirst()
  if (!r || r.voided_at) throw badRequest('validation', {}, [{ field, key: 'not_found' }])
  return r
}

async function assertNameFree(trx: Tx, kind: ListKind, name: string, exceptId?: number) {
  let q = db(trx)
    .selectFrom(tableOf(kind))
    .select('id')
    .where('name', '=', name)
    .where('voided_at', 'is', null)
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst()) throw conflict(kind.takenKey, { name })
}

export async function createItem(ctx: Ctx, kind: ListKind, input: { name: string; sortOrder: number }) {
  authorizeEdit(ctx.actor, kind)
  return ctx.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, kind, input.name)
    const at = nowIso(ctx)
    const row = await db(trx)
      .insertInto(tableOf(kind))
      .values({
        name: input.name,
        sort_order: input.sortOrder,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordAudit(trx, ctx, ctx.actor, {
      action: `${kind.entity}.create`,
      entity: kind.entity,
      entityId: row.id,
      before: null,
      after: presentItem(row),
    })
    return presentItem(row)
  })
}

export async function voidItem(ctx: Ctx, kind: ListKind, id: number, version: number, reason: string) {
  authorizeEdit(ctx.actor, kind)
  return ctx.db.transaction().execute(async (trx) => {
    const row = await db(trx).selectFrom(tableOf(kind)).selectAll().where('id', '=', id).executeTakeFirst()
    if (!row || row.voided_at) throw notFound()
    if (row.version !== version) throw staleVersion(row.version)
    if (await kind.inUse(trx, id)) throw conflict(kind.inUseKey, { name: row.name })
    const at = nowIso(ctx)
    const r = await db(trx)
      .updateTable(tableOf(kind))
      .set({ voided_at: at, void_reason: reason, version: row.version + 1, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw staleVersion(version + 1)
    await recordAudit(trx, ctx, ctx.actor, {
      action: `${kind.entity}.void`,
      entity: kind.entity,
      entityId: id,
      before: presentItem(row),
      after: { reason },
    })
  })
}

/** Seeds the default entries once (an empty table only). */
export async function seedItems(
  trx: Tx,
  kind: ListKind,
  names: readonly string[],
  at: string,
): Promise<void> {
  const any = await db(trx).selectFrom(tableOf(kind)).select('id').limit(1).executeTakeFirst()
  if (any) return
  await db(trx)
    .insertInto(tableOf(kind))
    .values(
      names.map((name, i) => ({
        name,
        sort_order: (i + 1) * 10,
        version: 1,
        created_at: at,
        updated_at: at,
        voided_at: null,
        void_reason: null,
      })),
    )
    .execute()
}
