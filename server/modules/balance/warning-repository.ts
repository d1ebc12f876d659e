/** SQL of warnings turned into rectification problems. No rules here. */
import type { Insertable } from 'kysely'
import type { Tx } from '../../context.js'
import type { BalanceWarningProblemTable } from './tables.js'

export const warningLinks = (db: Tx, year: number) =>
  db
    .selectFrom('balance_warning_problems as w')
    .leftJoin('rectification_problems as p', 'p.id', 'w.problem_id')
    .select(['w.county_id', 'w.stage', 'w.problem_id', 'p.code', 'p.status', 'p.voided_at'])
    .where('w.year', '=', year)
    .execute()

export const findWarningLink = (db: Tx, countyId: number, year: number, stage: string) =>
  db
    .selectFrom('balance_warning_problems')
    .selectAll()
    .where('county_id', '=', countyId)
    .where('year', '=', year)
    .where('stage', '=', stage)
    .executeTakeFirst()

/** Links a warning to its problem; false when it already was (the unique key kept the first). */
export async function insertWarningLink(
  db: Tx,
  row: Insertable<BalanceWarningProblemTable>,
): Promise<boolean> {
  const r = await db
    .insertInto('balance_warning_problems')
    .values(row)
    .onConflict((oc) => oc.columns(['county_id', 'year', 'stage']).doNothing())
    .executeTakeFirst()
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1
}
