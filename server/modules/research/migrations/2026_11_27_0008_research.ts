/**
 * Research topics (调研课题): the topic and its plan (units to visit), field visits, findings and
 * the topic's timeline. The report's files are attachments (owner type `research_topic`). Frozen.
 *
 * A topic belongs to a supervision campaign and one of its aspects (foreign keys: topics cannot
 * outlive the campaign ledger they are filed under). A finding's category is an entry of the
 * rectification module's category list and its problem a rectification problem: plain ids, no
 * foreign key, as rectification does for campaigns (those tables belong to another module).
 */
import type { Kysely } from 'kysely'
import { type MigrationDialect, withId } from '../../../db/migrations/helpers.js'

export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  await withId(db.schema.createTable('research_topics'), dialect)
    // 课题编号: the key of imports, kept when the topic is voided (a code is never reused).
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('supervision_campaigns.id'))
    .addColumn('aspect_id', 'integer', (c) => c.notNull().references('supervision_aspects.id'))
    // The owning unit (a department, a county …): who sees the topic is decided by its path.
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    // The leader who owns the topic (领衔领导), by name, and his account when he has one.
    .addColumn('leader_name', 'text')
    .addColumn('leader_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report_summary', 'text')
    .addColumn('reported_on', 'text')
    .addColumn('concluded_on', 'text')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  for (const [name, cols] of [
    ['research_topics_campaign', ['campaign_id', 'aspect_id']],
    ['research_topics_owner', ['owner_unit_id']],
    ['research_topics_status', ['status']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('research_topics')
      .columns([...cols])
      .execute()
  }

  // The plan's units to visit, in the order given. They never widen who sees the topic.
  await db.schema
    .createTable('research_topic_units')
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('research_topics.id'))
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('research_topic_units_pk', ['topic_id', 'org_unit_id'])
    .execute()

  // 实地调研: a dated visit to a unit (a city, a county, a school …).
  await withId(db.schema.createTable('research_visits'), dialect)
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('research_topics.id'))
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('participants', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('research_visits_topic')
    .on('research_visits')
    .columns(['topic_id', 'visited_on'])
    .execute()
  await db.schema.createIndex('research_visits_unit').on('research_visits').column('org_unit_id').execute()

  // 发现的问题: each may become one rectification problem (problem_id), once.
  await withId(db.schema.createTable('research_findings'), dialect)
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('research_topics.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull())
    .addColumn('responsible_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('found_on', 'text', (c) => c.notNull())
    .addColumn('problem_id', 'integer')
    .addColumn('converted_at', 'text')
    .addColumn('converted_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema.createIndex('research_findings_topic').on('research_findings').column('topic_id').execute()
  // One finding per problem (NULLs, the unconverted findings, are not compared on either database).
  await db.schema
    .createIndex('research_findings_problem')
    .unique()
    .on('research_findings')
    .column('problem_id')
    .execute()

  // Every change to a topic, for its timeline.
  await withId(db.schema.createTable('research_topic_events'), dialect)
    .addColumn('topic_id', 'integer', (c) => c.notNull().references('research_topics.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
  await db.schema
    .createIndex('research_events_topic')
    .on('research_topic_events')
    .column('topic_id')
    .execute()
}
