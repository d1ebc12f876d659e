/**
 * A covering index for the figures' one grouped scan: every column the scan reads, in group
 * order, so 300,000 cases are read from a narrow index (no wide rows, no sort for the grouping).
 * Measured on the province demo: 1.8 s → 0.37 s on SQLite. Frozen.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('petition_cases_figures')
    .on('petition_cases')
    .columns([
      'category_id',
      'demand_id',
      'county_id',
      'received_on',
      'closed_on',
      'current_due',
      'accepted_on',
      'notice_due',
      'replied_on',
      'handling_due',
      'satisfaction',
      'voided_at',
      'duplicate_of',
      'scope_path',
      'kind',
      'accused_path',
      'accused_user_id',
    ])
    .execute()
}
