/**
 * Campaigns, their aspects, key tasks (lead and co-units, milestones, progress notes, extension
 * requests, timeline) and supervision notices. Frozen.
 */
import type { Kysely } from 'kysely'
import { type MigrationDialect, withId } from '../../../db/migrations/helpers.js'

export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  // 主题教育 / 三年行动 / 专项行动: a named period that groups tasks, owned by the unit that runs it.
  await withId(db.schema.createTable('supervision_campaigns'), dialect)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()

  // 方面: the ordered headings a campaign's tasks are grouped under.
  await withId(db.schema.createTable('supervision_aspects'), dialect)
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('supervision_campaigns.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('supervision_aspects_campaign')
    .on('supervision_aspects')
    .column('campaign_id')
    .execute()

  await withId(db.schema.createTable('supervision_tasks'), dialect)
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('supervision_campaigns.id'))
    .addColumn('aspect_id', 'integer', (c) => c.notNull().references('supervision_aspects.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('supervision_tasks.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lead_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('leader', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    // The deadline in force (moved only by an approved extension, or before work starts).
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('original_deadline', 'text', (c) => c.notNull())
    // Weight in the parent's progress.
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    // Derived (milestones, sub-tasks, latest note), in basis points: 6250 = 62.5%.
    .addColumn('progress_bp', 'integer', (c) => c.notNull().defaultTo(0))
    // 'monthly:15' / 'monthly:last': a progress note is due every month.
    .addColumn('recurrence', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  for (const [name, cols] of [
    ['supervision_tasks_campaign', ['campaign_id', 'aspect_id']],
    ['supervision_tasks_title', ['campaign_id', 'title']],
    ['supervision_tasks_deadline', ['deadline']],
    ['supervision_tasks_lead', ['lead_unit_id']],
    ['supervision_tasks_parent', ['parent_id']],
    ['supervision_tasks_starts', ['starts_on']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('supervision_tasks')
      .columns([...cols])
      .execute()
  }

  // The lead unit (role 'lead') and the co-units ('co'): who sees the task is decided by these.
  await db.schema
    .createTable('supervision_task_units')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('supervision_tasks.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('supervision_task_units_pk', ['task_id', 'org_unit_id'])
    .execute()
  await db.schema
    .createIndex('supervision_task_units_unit')
    .on('supervision_task_units')
    .column('org_unit_id')
    .execute()

  await withId(db.schema.createTable('supervision_milestones'), dialect)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('supervision_tasks.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('done_on', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('supervision_milestones_task')
    .on('supervision_milestones')
    .column('task_id')
    .execute()

  // Dated progress notes (进展情况), by the unit reporting.
  await withId(db.schema.createTable('supervision_progress_notes'), dialect)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('supervision_tasks.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer')
    .addColumn('created_by', 'integer')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('supervision_notes_task')
    .on('supervision_progress_notes')
    .columns(['task_id', 'on_date'])
    .execute()

  // Deadline extension requests and their decisions; the history stays.
  await withId(db.schema.createTable('supervision_extensions'), dialect)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('supervision_tasks.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('old_deadline', 'text', (c) => c.notNull())
    .addColumn('requested_deadline', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer')
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('approved_deadline', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema
    .createIndex('supervision_extensions_task')
    .on('supervision_extensions')
    .column('task_id')
    .execute()
  await db.schema
    .createIndex('supervision_extensions_status')
    .on('supervision_extensions')
    .column('status')
    .execute()

  // Every change to a task, for its timeline and for "what changed since".
  await withId(db.schema.createTable('supervision_task_events'), dialect)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('supervision_tasks.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
  await db.schema
    .createIndex('supervision_events_task')
    .on('supervision_task_events')
    .column('task_id')
    .execute()
  await db.schema
    .createIndex('supervision_events_at')
    .on('supervision_task_events')
    .columns(['at', 'action'])
    .execute()

  // 督办通知: the text as sent, kept as a record.
  await withId(db.schema.createTable('supervision_notices'), dialect)
    .addColumn('notice_no', 'text', (c) => c.notNull().unique())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tasks_json', 'text', (c) => c.notNull())
    .addColumn('reply_by', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('supervision_notices_unit')
    .on('supervision_notices')
    .columns(['org_unit_id', 'created_at'])
    .execute()
}
