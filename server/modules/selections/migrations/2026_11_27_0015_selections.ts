/**
 * Selections and accreditation (遴选 / 评估认定, issue 7): rubrics, programmes, applications from
 * units, the expert pool, assignments with their scores, conflict exclusions, the frozen ranking
 * (results), objections during the public notice (公示), and each programme's timeline. Frozen.
 *
 * Rubrics are immutable once written (a revision is a new row with `based_on`), so a programme
 * keeps the criteria it was scored on. Scores of one expert on one application live in his
 * assignment row as JSON (leaf key → score), with the running total beside them. Results carry the
 * decision number: a decision returned by the leader stays, and the next one is a new set of rows.
 * Application materials are attachments (owner type `selection_application`, the note names the
 * required material). Decimal scores are double precision; booleans 0/1; dates China-time text.
 */
import { type CreateTableBuilder, type Kysely, sql } from 'kysely'
import { type MigrationDialect, withId } from '../../../db/migrations/helpers.js'

export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const real = dialect === 'postgres' ? 'double precision' : 'real'
  const audit = <T extends string>(t: CreateTableBuilder<T, 'id'>) =>
    t
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer')
      .addColumn('created_by_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('voided_at', 'text')
      .addColumn('void_reason', 'text')

  // 评审细则: a criteria tree (JSON); revising copies it into a new row (revision n+1).
  await audit(withId(db.schema.createTable('selection_rubrics'), dialect))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('based_on', 'integer', (c) => c.references('selection_rubrics.id'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('total', real, (c) => c.notNull())
    .addColumn('criteria_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .execute()
  await db.schema
    .createIndex('selection_rubrics_owner')
    .on('selection_rubrics')
    .column('owner_unit_id')
    .execute()

  // 遴选 / 评估认定项目: its rules, and the dates of each step of its life.
  await audit(withId(db.schema.createTable('selection_programmes'), dialect))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // selection | accreditation
    .addColumn('batch', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('quota', 'integer')
    .addColumn('pass_mark', real)
    .addColumn('eligible_kinds_json', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('materials_json', 'text', (c) => c.notNull())
    .addColumn('rubric_id', 'integer', (c) => c.notNull().references('selection_rubrics.id'))
    .addColumn('experts_per_application', 'integer', (c) => c.notNull())
    .addColumn('aggregation', 'text', (c) => c.notNull())
    .addColumn('dispersion_margin', real, (c) => c.notNull())
    .addColumn('blind', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notice_days', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assign_seed', 'integer')
    .addColumn('decision_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decided_at', 'text')
    .addColumn('approved_on', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('notice_published_on', 'text')
    .addColumn('notice_ends_on', 'text')
    .addColumn('finalised_on', 'text')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .execute()
  await db.schema
    .createIndex('selection_programmes_owner')
    .on('selection_programmes')
    .columns(['owner_unit_id', 'status'])
    .execute()
  await db.schema
    .createIndex('selection_programmes_final')
    .on('selection_programmes')
    .column('finalised_on')
    .execute()

  // 申报: one live (not withdrawn, not voided) application per unit per programme (live_unit_id).
  await audit(withId(db.schema.createTable('selection_applications'), dialect))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('selection_programmes.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('live_unit_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('form_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', (c) => c.notNull()) // draft | submitted | withdrawn
    .addColumn('submitted_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_reason', 'text')
    .execute()
  await db.schema
    .createIndex('selection_applications_live')
    .unique()
    .on('selection_applications')
    .columns(['programme_id', 'live_unit_id'])
    .execute()
  await db.schema
    .createIndex('selection_applications_unit')
    .on('selection_applications')
    .column('unit_id')
    .execute()

  // 评审专家库: an expert user, his unit (in the tree or by name), fields, declared conflicts.
  await audit(withId(db.schema.createTable('selection_experts'), dialect))
    .addColumn('owner_unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('org_units.id'))
    .addColumn('unit_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fields_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('conflicts_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .createIndex('selection_experts_live')
    .unique()
    .on('selection_experts')
    .columns(['owner_unit_id', 'user_id'])
    .where(sql.ref('voided_at'), 'is', null)
    .execute()
  await db.schema.createIndex('selection_experts_user').on('selection_experts').column('user_id').execute()

  // 专家分配 and 评分: one row per expert per application; removal voids it.
  await audit(withId(db.schema.createTable('selection_assignments'), dialect))
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('selection_programmes.id'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('selection_applications.id'))
    .addColumn('expert_id', 'integer', (c) => c.notNull().references('selection_experts.id'))
    .addColumn('how', 'text', (c) => c.notNull()) // random | manual
    .addColumn('seed', 'integer')
    .addColumn('status', 'text', (c) => c.notNull()) // assigned | submitted
    .addColumn('scores_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('comments_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('total', real)
    .addColumn('by_top_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('submitted_at', 'text')
    .execute()
  await db.schema
    .createIndex('selection_assignments_live')
    .unique()
    .on('selection_assignments')
    .columns(['application_id', 'expert_id'])
    .where(sql.ref('voided_at'), 'is', null)
    .execute()
  await db.schema
    .createIndex('selection_assignments_programme')
    .on('selection_assignments')
    .column('programme_id')
    .execute()
  await db.schema
    .createIndex('selection_assignments_expert')
    .on('selection_assignments')
    .column('expert_id')
    .execute()

  // 回避: who was left out of which application, and why (same_unit / related_unit / declared).
  await withId(db.schema.createTable('selection_exclusions'), dialect)
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('selection_programmes.id'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('selection_applications.id'))
    .addColumn('expert_id', 'integer', (c) => c.notNull().references('selection_experts.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('selection_exclusions_pair')
    .unique()
    .on('selection_exclusions')
    .columns(['application_id', 'expert_id'])
    .execute()
  await db.schema
    .createIndex('selection_exclusions_programme')
    .on('selection_exclusions')
    .column('programme_id')
    .execute()

  // 排名与结果: frozen at each decision; `final_outcome` records an upheld objection (revoked).
  await withId(db.schema.createTable('selection_results'), dialect)
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('selection_programmes.id'))
    .addColumn('decision_no', 'integer', (c) => c.notNull())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('selection_applications.id'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('final_outcome', 'text')
    .addColumn('score', real)
    .addColumn('heaviest', real)
    .addColumn('median', real)
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('spread', real)
    .addColumn('dispersed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('experts', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('selection_results_decision')
    .unique()
    .on('selection_results')
    .columns(['programme_id', 'decision_no', 'application_id'])
    .execute()
  await db.schema
    .createIndex('selection_results_application')
    .on('selection_results')
    .column('application_id')
    .execute()

  // 公示异议: lodged during the notice, answered by the programme's managers.
  await withId(db.schema.createTable('selection_objections'), dialect)
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('selection_programmes.id'))
    .addColumn('application_id', 'integer', (c) => c.references('selection_applications.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('lodged_by', 'integer')
    .addColumn('lodged_by_name', 'text', (c) => c.notNull())
    .addColumn('lodged_on', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('upheld', 'integer')
    .addColumn('answered_by_name', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('selection_objections_programme')
    .on('selection_objections')
    .column('programme_id')
    .execute()

  // Every change to a programme or its applications, for the timeline and the figures' "changed at".
  await withId(db.schema.createTable('selection_events'), dialect)
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('selection_programmes.id'))
    .addColumn('application_id', 'integer')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
  await db.schema
    .createIndex('selection_events_programme')
    .on('selection_events')
    .column('programme_id')
    .execute()
  await db.schema.createIndex('selection_events_at').on('selection_events').column('at').execute()
}
