/**
 * Reports (issue 6): templates with every saved version kept, snapshots of each rendering, and the
 * reviewed list of sensitive terms for public copies. Frozen.
 *
 * A snapshot keeps the rendered text (Markdown with figure markers) and its figures' provenance as
 * JSON, so re-opening it gives the same document after the data change. Its public copy is kept
 * beside it with the reviewed terms used; names of petitioners and teachers that were masked are
 * never stored (only how many there were), so a snapshot leaks nothing a ledger protects.
 */
import type { Kysely } from 'kysely'
import { type MigrationDialect, withId } from '../../../db/migrations/helpers.js'

export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  await withId(db.schema.createTable('report_templates'), dialect)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // 'year' | 'half' | 'quarter' | 'month': the period a user is offered first.
    .addColumn('period_kind', 'text', (c) => c.notNull().defaultTo('year'))
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    // The latest saved source version (report_template_versions.version_no).
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()

  await withId(db.schema.createTable('report_template_versions'), dialect)
    .addColumn('template_id', 'integer', (c) => c.notNull().references('report_templates.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_template_versions_no', ['template_id', 'version_no'])
    .execute()

  await withId(db.schema.createTable('report_snapshots'), dialect)
    .addColumn('template_id', 'integer', (c) => c.notNull().references('report_templates.id'))
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_label', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('figures_json', 'text', (c) => c.notNull())
    .addColumn('public_text', 'text', (c) => c.notNull())
    // { reviewed: string[], org: number, users: number, personal: number }
    .addColumn('terms_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('report_snapshots_template')
    .on('report_snapshots')
    .columns(['template_id', 'created_at'])
    .execute()

  await withId(db.schema.createTable('redaction_terms'), dialect)
    .addColumn('term', 'text', (c) => c.notNull())
    // 'place' | 'person' | 'org' | 'other'
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('other'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
}
