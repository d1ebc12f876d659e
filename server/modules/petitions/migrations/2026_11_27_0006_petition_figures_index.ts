/**
 * Covering indexes for the figures. The grouped scan reads every column it needs, in group order,
 * from a narrow index (no wide rows, no sort): 1.8 s → 0.37 s on the province demo (SQLite). The
 * monthly series range over received and closed dates with the visibility columns at hand, and
 * linked repeats are few: an index finds them without a scan. Frozen.
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
  const visibility = [
    'voided_at',
    'duplicate_of',
    'county_id',
    'scope_path',
    'kind',
    'accused_path',
    'accused_user_id',
  ]
  await db.schema
    .createIndex('petition_cases_received_cover')
    .on('petition_cases')
    .columns(['received_on', ...visibility])
    .execute()
  await db.schema
    .createIndex('petition_cases_closed_cover')
    .on('petition_cases')
    .columns(['closed_on', ...visibility])
    .execute()
  await db.schema
    .createIndex('petition_cases_duplicate')
    .on('petition_cases')
    .column('duplicate_of')
    .execute()
}
