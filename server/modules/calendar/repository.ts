/** SQL for calendar overrides. */
import type { Tx } from '../../context.js'
import type { CalendarOverrideTable } from './tables.js'

export function listLiveOverrides(db: Tx) {
  return db
    .selectFrom('calendar_overrides')
    .select(['id', 'date', 'kind', 'name', 'created_at'])
    .where('voided_at', 'is', null)
    .orderBy('date')
    .execute()
}

export function findLiveOverride(db: Tx, date: string) {
  return db
    .selectFrom('calendar_overrides')
    .selectAll()
    .where('date', '=', date)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
}

export function findOverride(db: Tx, id: number) {
  return db.selectFrom('calendar_overrides').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertOverride(db: Tx, row: Omit<CalendarOverrideTable, 'id'>) {
  const r = await db.insertInto('calendar_overrides').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

export async function voidOverride(db: Tx, id: number, at: string, reason: string) {
  await db
    .updateTable('calendar_overrides')
    .set({ voided_at: at, void_reason: reason })
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .execute()
}
