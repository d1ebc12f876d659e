/**
 * The indicator registry (指标库): indicators defined by staff (an aggregate over a statistics
 * ledger, an expression over other indicators, or values entered by hand such as national
 * benchmarks), the hand-entered values, targets, and a cache of computed values. Indicators that a
 * module computes are declared in code, not here. Frozen.
 *
 * Keys are text, not foreign keys: an indicator may be declared by a module in code, so the values
 * and targets of `petitions.backlog` point at a key no table holds.
 */
import type { Kysely } from 'kysely'
import { type MigrationDialect, withId } from '../../../db/migrations/helpers.js'

export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  await withId(db.schema.createTable('indicator_defs'), dialect)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('zh', 'text', (c) => c.notNull())
    .addColumn('en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_zh', 'text', (c) => c.notNull())
    .addColumn('description_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('better', 'text')
    // 'aggregate' | 'expression' | 'manual'; the definition's JSON says the rest.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()

  for (const table of ['indicator_values', 'indicator_targets'] as const) {
    let t = withId(db.schema.createTable(table), dialect)
      .addColumn('indicator_key', 'text', (c) => c.notNull())
      .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
      .addColumn('period_label', 'text', (c) => c.notNull())
      .addColumn('period_from', 'text', (c) => c.notNull())
      .addColumn('period_to', 'text', (c) => c.notNull())
    t =
      table === 'indicator_values'
        ? t
            .addColumn('value', 'double precision', (c) => c.notNull())
            .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
        : t
            .addColumn('target', 'double precision', (c) => c.notNull())
            .addColumn('better', 'text', (c) => c.notNull())
            .addColumn('yellow_from', 'double precision')
    await t
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('entered_by', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('voided_at', 'text')
      .addColumn('void_reason', 'text')
      .execute()
    await db.schema
      .createIndex(`${table}_key`)
      .on(table)
      .columns(['indicator_key', 'period_from', 'period_to', 'org_unit_id'])
      .execute()
  }

  // Computed values. `changed_at` is when the data behind the value last changed as the value was
  // computed: a source that reports a later change makes the entry stale.
  await db.schema
    .createTable('indicator_cache')
    .addColumn('cache_key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'double precision')
    .addColumn('row_count', 'integer')
    .addColumn('changed_at', 'text')
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute()
}
