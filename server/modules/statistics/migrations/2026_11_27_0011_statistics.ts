/**
 * Statistics ledgers (统计台账): definitions (with their history), units' submissions per period,
 * and the rows. Frozen.
 *
 * Rows are not JSON: each definition maps its columns onto typed slot columns of one rows table
 * (i1..i16 64-bit integers for integers, fen, 0/1 and org ids; r1..r8 doubles; s1..s16 text; d1..d4
 * ISO dates), so an aggregate over a million rows reads plain columns through an index. A row's
 * `status` copies its submission's, so "approved and live" is a partial index, not a join.
 */
import { type Kysely, sql } from 'kysely'
import { type MigrationDialect, withId } from '../../../db/migrations/helpers.js'

export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  await withId(db.schema.createTable('stats_ledgers'), dialect)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // The owning department (处室) that approves submissions; null: any approver over the unit.
    .addColumn('owner_unit_id', 'integer', (c) => c.references('org_units.id'))
    // Who submits: org kinds and/or explicit units (JSON arrays); both empty: every unit in scope.
    .addColumn('submitter_kinds_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('submitter_units_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_column', 'text')
    .addColumn('org_column', 'text')
    .addColumn('key_columns_json', 'text', (c) => c.notNull().defaultTo('[]'))
    // Column definitions with their slots (retired ones kept, so a slot is never reused).
    .addColumn('columns_json', 'text', (c) => c.notNull())
    .addColumn('due_days', 'integer')
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    // When any row last changed (write, import, approval, void): the indicator cache's clock.
    .addColumn('data_changed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()

  // Every saved version of a definition, whole.
  await db.schema
    .createTable('stats_ledger_versions')
    .addColumn('ledger_id', 'integer', (c) => c.notNull().references('stats_ledgers.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stats_ledger_versions_pk', ['ledger_id', 'version'])
    .execute()

  // A unit's rows of one ledger and period, and their way through approval.
  await withId(db.schema.createTable('stats_submissions'), dialect)
    .addColumn('ledger_id', 'integer', (c) => c.notNull().references('stats_ledgers.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('period_label', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_submitted_on', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('stats_submissions_unit_period')
    .unique()
    .on('stats_submissions')
    .columns(['ledger_id', 'org_unit_id', 'period_label'])
    .execute()
  await db.schema
    .createIndex('stats_submissions_period')
    .on('stats_submissions')
    .columns(['ledger_id', 'period_start', 'status'])
    .execute()

  let rows = withId(db.schema.createTable('stats_rows'), dialect)
    .addColumn('ledger_id', 'integer', (c) => c.notNull().references('stats_ledgers.id'))
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('stats_submissions.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('period_date', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('form'))
  for (let n = 1; n <= 16; n++) rows = rows.addColumn(`i${n}`, 'bigint')
  for (let n = 1; n <= 8; n++) rows = rows.addColumn(`r${n}`, 'double precision')
  for (let n = 1; n <= 16; n++) rows = rows.addColumn(`s${n}`, 'text')
  for (let n = 1; n <= 4; n++) rows = rows.addColumn(`d${n}`, 'text')
  await rows
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  // The aggregate path: approved live rows of a ledger by period date, then scope, and the slots
  // that aggregates sum and filter on, so a figure is read from the index alone. With only
  // (ledger_id, period_date, scope_path) each of a year's 166,000 rows (of 1,000,000) cost a
  // lookup into the wide rows table: 825 ms for a city-wide sum; covering, about 60 ms
  // (docs/benchmarks.md, issue 5). Partial, so drafts and voided rows cost nothing. The numeric
  // slots i1..i8 and r1..r4 hold the built-in ledgers' integers, fen, booleans and org ids; s1..s4
  // hold their enums. PostgreSQL leaves the text slots out: a B-tree entry may not exceed about
  // 2.7 kB, and four 500-character texts can, which would make writing such a row fail.
  // Only this index starts with ledger_id and period_date: SQLite's planner prefers the narrowest
  // index that matches and does not weigh the lookups a narrower one would cost.
  const covered = [
    ...Array.from({ length: 8 }, (_, n) => `i${n + 1}`),
    ...Array.from({ length: 4 }, (_, n) => `r${n + 1}`),
    ...(dialect === 'sqlite' ? Array.from({ length: 4 }, (_, n) => `s${n + 1}`) : []),
  ]
  await db.schema
    .createIndex('stats_rows_agg')
    .on('stats_rows')
    .columns(['ledger_id', 'period_date', 'scope_path', ...covered])
    .where(sql<boolean>`status = 'approved' and voided_at is null`)
    .execute()
  // Lists and entry: a ledger's rows by unit, and by submission (status changes rewrite them).
  await db.schema
    .createIndex('stats_rows_ledger_unit')
    .on('stats_rows')
    .columns(['ledger_id', 'scope_path', 'id'])
    .execute()
  await db.schema.createIndex('stats_rows_submission').on('stats_rows').column('submission_id').execute()
  // Idempotent import: one live row per key in a ledger.
  await db.schema
    .createIndex('stats_rows_key')
    .unique()
    .on('stats_rows')
    .columns(['ledger_id', 'row_key'])
    .where(sql<boolean>`voided_at is null and row_key is not null`)
    .execute()
}
