/**
 * The petition ledger (信访台账): taxonomy, cases, petitioners (encrypted), timeline, campaigns,
 * resolution plans. Frozen.
 */
import type { Kysely } from 'kysely'
import { type MigrationDialect, withId } from '../../../db/migrations/helpers.js'

export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  // Two levels: a category (parent_id null) and its demands (具体诉求).
  await withId(db.schema.createTable('petition_categories'), dialect)
    .addColumn('parent_id', 'integer', (c) => c.references('petition_categories.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('synonyms', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('petition_categories_parent')
    .on('petition_categories')
    .column('parent_id')
    .execute()

  await withId(db.schema.createTable('petition_cases'), dialect)
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('group_size', 'integer')
    .addColumn('category_id', 'integer', (c) => c.notNull().references('petition_categories.id'))
    .addColumn('demand_id', 'integer', (c) => c.notNull().references('petition_categories.id'))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tokens', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('county_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('responsible_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    // Path of the responsible unit: who may see the case is decided by prefix, like every ledger.
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('responsible_leader', 'text')
    .addColumn('region_leader', 'text')
    .addColumn('accused_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('accused_path', 'text')
    .addColumn('accused_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('petitioner_mask', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('people_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('forwarded_on', 'text')
    .addColumn('forwarded_to_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('accepted_on', 'text')
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replied_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('review_requested_on', 'text')
    .addColumn('review_decided_on', 'text')
    .addColumn('rereview_requested_on', 'text')
    .addColumn('rereview_decided_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('visited_on', 'text')
    // Derived from the dates and the calendar; stored so overdue lists are an index scan.
    .addColumn('notice_due', 'text')
    .addColumn('handling_due', 'text')
    .addColumn('current_stage', 'text')
    .addColumn('current_due', 'text')
    .addColumn('duplicate_of', 'integer', (c) => c.references('petition_cases.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    // Keyed digest of an imported row: re-importing the same row is recognised as unchanged.
    .addColumn('import_hash', 'text')
    .addColumn('personal_erased_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  for (const [name, cols] of [
    ['petition_cases_scope', ['scope_path', 'received_on']],
    ['petition_cases_received', ['received_on']],
    ['petition_cases_closed', ['closed_on']],
    ['petition_cases_due', ['current_due']],
    ['petition_cases_category', ['category_id', 'demand_id']],
    ['petition_cases_county', ['county_id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('petition_cases')
      .columns([...cols])
      .execute()
  }

  // Petitioners and group representatives. Personal fields are AES-256-GCM ciphertext; the masks
  // are what lists show; the hashes (keyed) find repeat petitioners without decrypting.
  await withId(db.schema.createTable('petition_people'), dialect)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('petition_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name_enc', 'text')
    .addColumn('name_mask', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('id_enc', 'text')
    .addColumn('id_mask', 'text')
    .addColumn('id_hash', 'text')
    .addColumn('id_untrusted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('phone_enc', 'text')
    .addColumn('phone_mask', 'text')
    .addColumn('phone_hash', 'text')
    .addColumn('address_enc', 'text')
    .execute()
  await db.schema.createIndex('petition_people_case').on('petition_people').column('case_id').execute()
  await db.schema.createIndex('petition_people_id_hash').on('petition_people').column('id_hash').execute()
  await db.schema
    .createIndex('petition_people_phone_hash')
    .on('petition_people')
    .column('phone_hash')
    .execute()

  await withId(db.schema.createTable('petition_events'), dialect)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('petition_cases.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
  await db.schema.createIndex('petition_events_case').on('petition_events').column('case_id').execute()

  // A campaign's cut-off splits stock (open at the cut-off) from new (received after it).
  await withId(db.schema.createTable('petition_campaigns'), dialect)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cutoff_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('goal', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createTable('petition_campaign_cases')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('petition_campaigns.id'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('petition_cases.id'))
    .addColumn('tagged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_campaign_cases_pk', ['campaign_id', 'case_id'])
    .execute()

  await withId(db.schema.createTable('petition_plans'), dialect)
    .addColumn('category_id', 'integer', (c) => c.notNull().references('petition_categories.id'))
    .addColumn('demand_id', 'integer', (c) => c.references('petition_categories.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
}
