/** SQL of balance monitoring. No rules here: the use cases decide, this only reads and writes. */
import { type Insertable, sql, type Updateable } from 'kysely'
import type { Tx } from '../../context.js'
import { type DialectName, insertMany, likeOperator } from '../../db/dialect.js'
import { RESOURCE_FIELDS, type ResourceColumn } from './fields.js'
import type { BalanceSchoolResourceTable } from './tables.js'

export type ResourceRow = Omit<BalanceSchoolResourceTable, 'id'> & { id: number }

/** The unit a row belongs to, with what scope checks and the coefficients need. */
export interface UnitCols {
  unit_name: string
  unit_code: string | null
  unit_path: string
  unit_kind: string
  unit_parent_id: number | null
  unit_stage: string | null
  unit_tags: string
  unit_ownership: string | null
  unit_inclusive: number
}

export type ResourceListRow = ResourceRow & UnitCols

export const unitCols = [
  'u.name as unit_name',
  'u.code as unit_code',
  'u.path as unit_path',
  'u.kind as unit_kind',
  'u.parent_id as unit_parent_id',
  'u.stage as unit_stage',
  'u.tags as unit_tags',
  'u.ownership as unit_ownership',
  'u.inclusive as unit_inclusive',
] as const

const resources = (db: Tx) =>
  db
    .selectFrom('balance_school_resources as r')
    .innerJoin('org_units as u', 'u.id', 'r.school_id')
    .selectAll('r')
    .select(unitCols)

export const findResource = (db: Tx, id: number) =>
  resources(db).where('r.id', '=', id).executeTakeFirst() as Promise<ResourceListRow | undefined>

export const findLiveResource = (db: Tx, schoolId: number, year: number) =>
  db
    .selectFrom('balance_school_resources')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('year', '=', year)
    .where('voided_at', 'is', null)
    .executeTakeFirst() as Promise<ResourceRow | undefined>

export async function insertResource(db: Tx, row: Insertable<BalanceSchoolResourceTable>): Promise<number> {
  const r = await db
    .insertInto('balance_school_resources')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

export async function updateResourceVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Updateable<BalanceSchoolResourceTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('balance_school_resources')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export interface ListFilter {
  scopePath: string
  year?: number | undefined
  q?: string | undefined
  includeVoided: boolean
}

/** The list filter as one SQL condition over the aliases `r` (the row) and `u` (its unit). */
export function filterSql(dialect: DialectName, f: ListFilter) {
  const conds = [sql<boolean>`u.path like ${`${f.scopePath}%`}`]
  if (f.year !== undefined) conds.push(sql<boolean>`r.year = ${f.year}`)
  if (!f.includeVoided) conds.push(sql<boolean>`r.voided_at is null`)
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const op = sql.raw(likeOperator(dialect))
    conds.push(
      sql<boolean>`(u.name ${op} ${pattern} escape '\\' or coalesce(u.code, '') ${op} ${pattern} escape '\\')`,
    )
  }
  return sql<boolean>`${sql.join(conds, sql` and `)}`
}

export async function listResources(
  db: Tx,
  dialect: DialectName,
  f: ListFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ResourceListRow[]; total: number }> {
  const q = resources(db).where(filterSql(dialect, f))
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = (await q
    .orderBy('r.year', 'desc')
    .orderBy('u.path')
    .orderBy('r.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()) as ResourceListRow[]
  return { rows, total: Number(total.n) }
}

/** What the coefficients read of a row: its numbers, and its school's name, stage, tags, county. */
export type BalanceRow = Pick<ResourceRow, ResourceColumn | 'id' | 'school_id' | 'year' | 'exclusion'> &
  Pick<UnitCols, 'unit_name' | 'unit_stage' | 'unit_tags' | 'unit_parent_id'>

/**
 * Every live row of the given years for live schools in the subtree: the coefficients' one query.
 * Only the columns the maths needs (a province is ≈ 20,000 rows).
 */
export function resourcesOfYears(db: Tx, scopePath: string, years: readonly number[]) {
  return db
    .selectFrom('balance_school_resources as r')
    .innerJoin('org_units as u', 'u.id', 'r.school_id')
    .select([
      'r.id',
      'r.school_id',
      'r.year',
      'r.exclusion',
      ...RESOURCE_FIELDS.map((f) => `r.${f.column}` as const),
    ])
    .select([
      'u.name as unit_name',
      'u.stage as unit_stage',
      'u.tags as unit_tags',
      'u.parent_id as unit_parent_id',
    ])
    .where('r.year', 'in', [...years])
    .where('r.voided_at', 'is', null)
    .where('u.voided_at', 'is', null)
    .where('u.kind', '=', 'school')
    .where('u.path', 'like', `${scopePath}%`)
    .execute() as Promise<BalanceRow[]>
}

/** Live rows of these schools for a year (an import's existing rows), 5,000 ids a query. */
export async function resourcesByKeys(
  db: Tx,
  schoolIds: readonly number[],
  year: number,
): Promise<ResourceRow[]> {
  const out: ResourceRow[] = []
  for (let i = 0; i < schoolIds.length; i += 5000)
    out.push(
      ...((await db
        .selectFrom('balance_school_resources')
        .selectAll()
        .where('year', '=', year)
        .where('school_id', 'in', schoolIds.slice(i, i + 5000))
        .where('voided_at', 'is', null)
        .execute()) as ResourceRow[]),
    )
  return out
}

export async function insertResources(
  db: Tx,
  dialect: DialectName,
  rows: readonly Insertable<BalanceSchoolResourceTable>[],
): Promise<void> {
  // 35 columns a row: 400 rows stay under SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < rows.length; i += 400)
    await insertMany(db, dialect, 'balance_school_resources', rows.slice(i, i + 400))
}

// ---------------------------------------------------------------------------------------------
// Counties and units

export interface RegionRow {
  id: number
  name: string
  path: string
  kind: string
  parent_id: number | null
}

/** Live counties and cities in the subtree, and the units above it (for a city's name). */
export function regionsUnder(db: Tx, scopePath: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'kind', 'parent_id'])
    .where('kind', 'in', ['city', 'county'])
    .where('voided_at', 'is', null)
    .where('path', 'like', `${scopePath}%`)
    .orderBy('path')
    .execute() as Promise<RegionRow[]>
}

export const unitsByIds = (db: Tx, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([] as RegionRow[])
    : (db
        .selectFrom('org_units')
        .select(['id', 'name', 'path', 'kind', 'parent_id'])
        .where('id', 'in', [...ids])
        .execute() as Promise<RegionRow[]>)

/** Live units of a kind in the subtree (import lookups by code and name). */
export const unitsOfKind = (db: Tx, scopePath: string, kind: 'school' | 'kindergarten') =>
  db
    .selectFrom('org_units')
    .select(['id', 'name', 'short_name', 'code', 'path', 'stage', 'parent_id'])
    .where('kind', '=', kind)
    .where('voided_at', 'is', null)
    .where('path', 'like', `${scopePath}%`)
    .execute()

/** When anything behind the figures last changed: the two ledgers, org units, the settings row. */
export async function lastChange(db: Tx, settingsKey: string): Promise<string | null> {
  const r = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('balance_school_resources')
        .select((x) => x.fn.max('updated_at').as('m'))
        .as('a'),
      eb
        .selectFrom('balance_kindergarten_enrolment')
        .select((x) => x.fn.max('updated_at').as('m'))
        .as('b'),
      eb
        .selectFrom('org_units')
        .select((x) => x.fn.max('updated_at').as('m'))
        .as('c'),
      eb.selectFrom('settings').select('updated_at').where('key', '=', settingsKey).as('d'),
    ])
    .executeTakeFirst()
  const all = [r?.a, r?.b, r?.c, r?.d].filter((x): x is string => typeof x === 'string')
  return all.sort().at(-1) ?? null
}

/**
 * Writes a setting only if it still holds `expected` (null: not stored yet): of two concurrent
 * changes made from the same version, the second writes nothing and is told so.
 */
export async function replaceSettingIf(
  db: Tx,
  key: string,
  expected: string | null,
  value: string,
  at: string,
): Promise<boolean> {
  if (expected === null) {
    const r = await db
      .insertInto('settings')
      .values({ key, value_json: value, updated_at: at })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst()
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1
  }
  const r = await db
    .updateTable('settings')
    .set({ value_json: value, updated_at: at })
    .where('key', '=', key)
    .where('value_json', '=', expected)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** A setting's stored JSON text, or null. */
export const settingJson = async (db: Tx, key: string): Promise<string | null> =>
  (await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst())
    ?.value_json ?? null

// ---------------------------------------------------------------------------------------------
// Demo

export const hasAnyResource = async (db: Tx) =>
  (await db.selectFrom('balance_school_resources').select('id').limit(1).executeTakeFirst()) !== undefined

/** Live schools and kindergartens with their code, stage, inclusive flag and parent's kind. */
export const schoolsAndKindergartens = (db: Tx) =>
  db
    .selectFrom('org_units as u')
    .leftJoin('org_units as p', 'p.id', 'u.parent_id')
    .select(['u.id', 'u.kind', 'u.code', 'u.stage', 'u.parent_id', 'u.inclusive', 'p.kind as parent_kind'])
    .where('u.kind', 'in', ['school', 'kindergarten'])
    .where('u.voided_at', 'is', null)
    .orderBy('u.id')
    .execute()
