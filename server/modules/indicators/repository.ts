/** SQL of the indicator registry: defined indicators, hand-entered values, targets, the cache. */
import type { Tx } from '../../context.js'
import type { IndicatorDefTable } from './tables.js'

type Insertable<T> = Omit<T, 'id'>

export async function listDefRows(db: Tx) {
  return db.selectFrom('indicator_defs').selectAll().where('voided_at', 'is', null).orderBy('key').execute()
}

export async function defRowByKey(db: Tx, key: string) {
  return db.selectFrom('indicator_defs').selectAll().where('key', '=', key).executeTakeFirst()
}

export async function insertDef(db: Tx, row: Insertable<IndicatorDefTable>) {
  const r = await db.insertInto('indicator_defs').values(row).returning('id').executeTakeFirstOrThrow()
  return Number(r.id)
}

export async function updateDefVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Insertable<IndicatorDefTable>>,
) {
  const r = await db
    .updateTable('indicator_defs')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

type PeriodTable = 'indicator_values' | 'indicator_targets'

/** Live rows of a key for one period, for the given units (closest ancestor first is the caller's job). */
export async function periodRows<T extends PeriodTable>(
  db: Tx,
  table: T,
  key: string,
  from: string,
  to: string,
  unitIds: number[],
) {
  if (unitIds.length === 0) return []
  return db
    .selectFrom(table as PeriodTable)
    .selectAll()
    .where('indicator_key', '=', key)
    .where('period_from', '=', from)
    .where('period_to', '=', to)
    .where('org_unit_id', 'in', unitIds)
    .where('voided_at', 'is', null)
    .execute()
}

/** Every live row of a key (the values / targets table of one indicator), newest period first. */
export async function rowsOfKey(db: Tx, table: PeriodTable, key: string) {
  return db
    .selectFrom(table)
    .innerJoin('org_units as u', 'u.id', `${table}.org_unit_id`)
    .selectAll(table)
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .where(`${table}.indicator_key`, '=', key)
    .where(`${table}.voided_at`, 'is', null)
    .orderBy(`${table}.period_from`, 'desc')
    .orderBy(`${table}.org_unit_id`)
    .execute()
}

export async function periodRowById(db: Tx, table: PeriodTable, id: number) {
  return db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()
}

/** The latest change to a key's values or targets, for the cache. */
export async function latestPeriodChange(db: Tx, table: PeriodTable, key: string): Promise<string | null> {
  const r = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .where('indicator_key', '=', key)
    .executeTakeFirst()
  return (r?.at as string | null | undefined) ?? null
}

/** The figure sources' version (migration 0020), as text: PostgreSQL's bigint arrives as a string. */
export async function figureSourcesVersion(db: Tx): Promise<string> {
  const r = await db.selectFrom('figure_sources_version').select('n').where('id', '=', 1).executeTakeFirst()
  return String(r?.n ?? '')
}

export async function cacheGet(db: Tx, cacheKey: string) {
  return db.selectFrom('indicator_cache').selectAll().where('cache_key', '=', cacheKey).executeTakeFirst()
}

export async function cachePut(
  db: Tx,
  row: {
    cache_key: string
    value: number | null
    row_count: number | null
    changed_at: string | null
    computed_at: string
    sources_version: string
  },
) {
  await db
    .insertInto('indicator_cache')
    .values(row)
    .onConflict((oc) =>
      oc.column('cache_key').doUpdateSet({
        value: row.value,
        row_count: row.row_count,
        changed_at: row.changed_at,
        computed_at: row.computed_at,
        sources_version: row.sources_version,
      }),
    )
    .execute()
}

/** A unit and its ancestors' ids, nearest first, from its materialised path. */
export function ancestorsOf(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number).reverse()
}

export async function unitById(db: Tx, id: number) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'kind', 'code', 'parent_id'])
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
}

export async function unitByCode(db: Tx, code: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'kind', 'code', 'parent_id'])
    .where('code', '=', code)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
}

export async function childUnits(db: Tx, parentId: number, kinds?: string[]) {
  let q = db
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'kind', 'code', 'parent_id'])
    .where('parent_id', '=', parentId)
    .where('voided_at', 'is', null)
  if (kinds?.length) q = q.where('kind', 'in', kinds)
  return q.orderBy('sort_order').orderBy('id').execute()
}

export async function rootUnit(db: Tx) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'kind', 'code', 'parent_id'])
    .where('parent_id', 'is', null)
    .where('voided_at', 'is', null)
    .orderBy('id')
    .executeTakeFirst()
}
