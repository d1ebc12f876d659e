/**
 * Three indexes of 0003 are prefixes of the covering indexes of 0006 (received_on, closed_on,
 * category_id + demand_id): every query they served, the wider ones serve, and each index costs
 * every insert (a 100,000-row import maintains each of them 100,000 times). Frozen.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  for (const name of ['petition_cases_received', 'petition_cases_closed', 'petition_cases_category'])
    await db.schema.dropIndex(name).execute()
}
