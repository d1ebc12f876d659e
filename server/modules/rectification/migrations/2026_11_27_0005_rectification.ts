/**
 * Problems and their rectification (检视问题清单、整改措施、整改佐证、销号) and teacher-ethics cases
 * (师德师风典型案例). Frozen.
 *
 * Evidence files are stored in the database (a blob column, like `job_files`), not on a local
 * disk: several app processes on PostgreSQL then all see the same files, and a backup holds them.
 */
import type { Kysely } from 'kysely'
import { blobType, type MigrationDialect, withId } from '../../../db/migrations/helpers.js'

export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  // The configurable category list (思想观念, 工作作风 …).
  await withId(db.schema.createTable('rectification_categories'), dialect)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()

  await withId(db.schema.createTable('rectification_problems'), dialect)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull().references('rectification_categories.id'))
    // The campaign by name, and its id in the campaigns ledger when there is one (no foreign key:
    // that table belongs to another module).
    .addColumn('campaign', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('campaign_id', 'integer')
    .addColumn('responsible_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    // Path of the responsible unit: who may see the problem is decided by prefix, like every ledger.
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('responsible_leader', 'text')
    .addColumn('responsible_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('found_on', 'text', (c) => c.notNull())
    .addColumn('fix_at_once', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rectified_on', 'text')
    .addColumn('signed_off_at', 'text')
    .addColumn('signed_off_by', 'integer')
    .addColumn('signed_off_by_name', 'text')
    .addColumn('signoff_comment', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('origin', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  for (const [name, cols] of [
    ['rectification_problems_scope', ['scope_path', 'found_on']],
    ['rectification_problems_campaign', ['campaign']],
    ['rectification_problems_status', ['status']],
    ['rectification_problems_category', ['category_id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('rectification_problems')
      .columns([...cols])
      .execute()
  }

  await withId(db.schema.createTable('rectification_measures'), dialect)
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('rectification_problems.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('deadline', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('rectification_measures_problem')
    .on('rectification_measures')
    .column('problem_id')
    .execute()
  await db.schema
    .createIndex('rectification_measures_deadline')
    .on('rectification_measures')
    .columns(['deadline', 'status'])
    .execute()

  await withId(db.schema.createTable('rectification_evidence'), dialect)
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('rectification_problems.id'))
    .addColumn('measure_id', 'integer', (c) => c.references('rectification_measures.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('file_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    // SHA-256 of the bytes, hex: shown beside the file, checked on download.
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', blobType(dialect), (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'integer')
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('rectification_evidence_problem')
    .on('rectification_evidence')
    .column('problem_id')
    .execute()

  await withId(db.schema.createTable('rectification_events'), dialect)
    .addColumn('problem_id', 'integer', (c) => c.notNull().references('rectification_problems.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
  await db.schema
    .createIndex('rectification_events_problem')
    .on('rectification_events')
    .column('problem_id')
    .execute()

  // The configurable list of violation types (有偿补课, 体罚学生 …).
  await withId(db.schema.createTable('ethics_violation_types'), dialect)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()

  // The teacher's name, ID number and the finding (which names him) are AES-256-GCM ciphertext;
  // the masks are what lists and exports show; the ID hash (keyed) finds the same teacher again.
  await withId(db.schema.createTable('ethics_cases'), dialect)
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('school_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('scope_path', 'text', (c) => c.notNull())
    .addColumn('teacher_name_enc', 'text')
    .addColumn('teacher_name_mask', 'text', (c) => c.notNull())
    .addColumn('teacher_public_name', 'text', (c) => c.notNull())
    .addColumn('teacher_id_enc', 'text')
    .addColumn('teacher_id_mask', 'text')
    .addColumn('teacher_id_hash', 'text')
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('violation_type_id', 'integer', (c) => c.notNull().references('ethics_violation_types.id'))
    .addColumn('finding_enc', 'text')
    .addColumn('finding_mask', 'text', (c) => c.notNull())
    .addColumn('handling', 'text', (c) => c.notNull())
    .addColumn('handling_detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('handled_on', 'text')
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_on', 'text')
    .addColumn('public_summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('ethics_cases_scope')
    .on('ethics_cases')
    .columns(['scope_path', 'occurred_on'])
    .execute()
  await db.schema.createIndex('ethics_cases_id_hash').on('ethics_cases').column('teacher_id_hash').execute()
}
