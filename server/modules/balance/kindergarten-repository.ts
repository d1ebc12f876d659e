/** SQL of kindergarten enrolment (the preschool figures' rows). No rules here. */
import type { Insertable, Updateable } from 'kysely'
import type { Tx } from '../../context.js'
import { type DialectName, insertMany } from '../../db/dialect.js'
import { filterSql, type ListFilter, type UnitCols, unitCols } from './repository.js'
import type { BalanceKindergartenEnrolmentTable } from './tables.js'

export type EnrolmentRow = Omit<BalanceKindergartenEnrolmentTable, 'id'> & { id: number }
export type EnrolmentListRow = EnrolmentRow & UnitCols

const enrolments = (db: Tx) =>
  db
    .selectFrom('balance_kindergarten_enrolment as r')
    .innerJoin('org_units as u', 'u.id', 'r.kindergarten_id')
    .selectAll('r')
    .select(unitCols)

export const findEnrolment = (db: Tx, id: number) =>
  enrolments(db).where('r.id', '=', id).executeTakeFirst() as Promise<EnrolmentListRow | undefined>

export const findLiveEnrolment = (db: Tx, kindergartenId: number, year: number) =>
  db
    .selectFrom('balance_kindergarten_enrolment')
    .selectAll()
    .where('kindergarten_id', '=', kindergartenId)
    .where('year', '=', year)
    .where('voided_at', 'is', null)
    .executeTakeFirst() as Promise<EnrolmentRow | undefined>

export async function insertEnrolment(
  db: Tx,
  row: Insertable<BalanceKindergartenEnrolmentTable>,
): Promise<number> {
  const r = await db
    .insertInto('balance_kindergarten_enrolment')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

export async function insertEnrolments(
  db: Tx,
  dialect: DialectName,
  rows: readonly Insertable<BalanceKindergartenEnrolmentTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await insertMany(db, dialect, 'balance_kindergarten_enrolment', rows.slice(i, i + 1000))
}

export async function updateEnrolmentVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Updateable<BalanceKindergartenEnrolmentTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('balance_kindergarten_enrolment')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function listEnrolments(
  db: Tx,
  dialect: DialectName,
  f: ListFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: EnrolmentListRow[]; total: number }> {
  const q = enrolments(db).where(filterSql(dialect, f))
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = (await q
    .orderBy('r.year', 'desc')
    .orderBy('u.path')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()) as EnrolmentListRow[]
  return { rows, total: Number(total.n) }
}

/** Live enrolment rows of live kindergartens in the subtree for the year. */
export const enrolmentsOfYear = (db: Tx, scopePath: string, year: number) =>
  enrolments(db)
    .where('r.year', '=', year)
    .where('r.voided_at', 'is', null)
    .where('u.voided_at', 'is', null)
    .where('u.kind', '=', 'kindergarten')
    .where('u.path', 'like', `${scopePath}%`)
    .execute() as Promise<EnrolmentListRow[]>

/** Live rows of these kindergartens for a year (an import's existing rows), 5,000 ids a query. */
export async function enrolmentsByKeys(
  db: Tx,
  ids: readonly number[],
  year: number,
): Promise<EnrolmentRow[]> {
  const out: EnrolmentRow[] = []
  for (let i = 0; i < ids.length; i += 5000)
    out.push(
      ...((await db
        .selectFrom('balance_kindergarten_enrolment')
        .selectAll()
        .where('year', '=', year)
        .where('kindergarten_id', 'in', ids.slice(i, i + 5000))
        .where('voided_at', 'is', null)
        .execute()) as EnrolmentRow[]),
    )
  return out
}
