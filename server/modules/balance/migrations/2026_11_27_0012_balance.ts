/**
 * Balance monitoring (均衡发展监测): one resource row per school per year, and one enrolment row per
 * kindergarten per year. Frozen.
 *
 * `year` is the statistical year (统计年度) the row describes. Areas are square metres with
 * decimals (double precision), money is integer fen, every count an integer. A school's kind and
 * stage, and a kindergarten's ownership and inclusive flag, stay in org_units (not copied here),
 * so a correction there reaches every year's coefficients.
 */
import { type Kysely, sql } from 'kysely'
import { type MigrationDialect, withId } from '../../../db/migrations/helpers.js'

export async function up(db: Kysely<any>, dialect: MigrationDialect): Promise<void> {
  const real = dialect === 'postgres' ? 'double precision' : 'real'
  let t = withId(db.schema.createTable('balance_school_resources'), dialect)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
  for (const col of [
    'pupils_primary',
    'pupils_junior',
    'pupils_senior',
    'teachers_primary',
    'teachers_junior',
    'teachers_senior',
    // 专科+ among primary teachers, 本科+ among junior-high teachers.
    'qualified_primary',
    'qualified_junior',
    'backbone_primary',
    'backbone_junior',
    'pe_art_primary',
    'pe_art_junior',
    'titled_primary',
    'titled_junior',
    'multimedia_rooms',
    'computers',
    'books',
  ])
    t = t.addColumn(col, 'integer', (c) => c.notNull().defaultTo(0))
  await t
    .addColumn('floor_area', real, (c) => c.notNull().defaultTo(0))
    .addColumn('sports_area', real, (c) => c.notNull().defaultTo(0))
    .addColumn('equipment_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    // null, or why the school is left out (teaching_point / special_education / vocational).
    .addColumn('exclusion', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  // One live row per school and year; voided rows stay beside it (the index is on live rows only).
  await db.schema
    .createIndex('balance_resources_live')
    .unique()
    .on('balance_school_resources')
    .columns(['school_id', 'year'])
    .where(sql.ref('voided_at'), 'is', null)
    .execute()
  // The coefficients load one year's rows at once.
  await db.schema
    .createIndex('balance_resources_year')
    .on('balance_school_resources')
    .columns(['year', 'school_id'])
    .execute()
  await db.schema
    .createIndex('balance_resources_updated')
    .on('balance_school_resources')
    .column('updated_at')
    .execute()

  await withId(db.schema.createTable('balance_kindergarten_enrolment'), dialect)
    .addColumn('kindergarten_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('children', 'integer', (c) => c.notNull().defaultTo(0))
    // 新增普惠学位 in the year.
    .addColumn('new_inclusive_places', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('manual'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute()
  await db.schema
    .createIndex('balance_kg_live')
    .unique()
    .on('balance_kindergarten_enrolment')
    .columns(['kindergarten_id', 'year'])
    .where(sql.ref('voided_at'), 'is', null)
    .execute()
  await db.schema
    .createIndex('balance_kg_year')
    .on('balance_kindergarten_enrolment')
    .columns(['year', 'kindergarten_id'])
    .execute()
  await db.schema
    .createIndex('balance_kg_updated')
    .on('balance_kindergarten_enrolment')
    .column('updated_at')
    .execute()

  // A warning (a county whose 综合差异系数 rose in a stage and year) turned into a rectification
  // problem: once per warning.
  await withId(db.schema.createTable('balance_warning_problems'), dialect)
    .addColumn('county_id', 'integer', (c) => c.notNull().references('org_units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('problem_id', 'integer', (c) => c.notNull())
    .addColumn('composite', real, (c) => c.notNull())
    .addColumn('previous', real, (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('balance_warning_problems_key')
    .unique()
    .on('balance_warning_problems')
    .columns(['county_id', 'year', 'stage'])
    .execute()
}
