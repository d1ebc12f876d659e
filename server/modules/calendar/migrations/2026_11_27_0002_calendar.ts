/**
 * Admin corrections to the working-day calendar. The State Council's schedule ships with the
 * `chinese-days` package; a row here overrides one day of it (a late notice, a local holiday).
 * Frozen.
 */
import { type Kysely, sql } from 'kysely'
import { type MigrationDialect, withId } from '../../../db/migrations/helpers.js'

export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  await withId(db.schema.createTable('calendar_overrides'), dialect)
    .addColumn('date', 'text', (c) => c.notNull())
    // 'holiday' = a rest day, 'workday' = a make-up working day (调休), 'normal' = back to the weekday rule.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('calendar_overrides_date_live')
    .on('calendar_overrides')
    .column('date')
    .unique()
    .where(sql.ref('voided_at'), 'is', null)
    .execute()
}
