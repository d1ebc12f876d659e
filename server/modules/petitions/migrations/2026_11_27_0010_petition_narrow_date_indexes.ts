/**
 * The figures now come from an in-process snapshot (figure-snapshot.ts); the SQL monthly series is
 * only its fallback. The two eight-column covering indexes of 0006 made that series fast and cost
 * every insert sixteen index columns; a plain received_on index serves the list's ordering and
 * date filters, and closed_on ranges are left to the fallback's scan. Frozen.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('petition_cases_received_cover').execute()
  await db.schema.dropIndex('petition_cases_closed_cover').execute()
  await db.schema
    .createIndex('petition_cases_received_on')
    .on('petition_cases')
    .column('received_on')
    .execute()
}
