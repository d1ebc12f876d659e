/** SQL for statistics ledgers: definitions, submissions and rows. No rules here. */
import { type Kysely, sql } from 'kysely'
import type { Tx } from '../../context.js'
import { type DialectName, insertMany, likeOperator } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import type { LedgerRecord } from './definition.js'
import type { StatsRowTable, StatsSubmissionTable } from './tables.js'

export type SubmissionRecord = Omit<StatsSubmissionTable, 'id'> & { id: number }
export type RowRecord = Omit<StatsRowTable, 'id'> & { id: number }
export type NewRow = Omit<StatsRowTable, 'id'>

// Definitions -----------------------------------------------------------------------------------

export const ledgerByKey = (db: Tx, key: string) =>
  db.selectFrom('stats_ledgers').selectAll().where('key', '=', key).executeTakeFirst() as Promise<
    LedgerRecord | undefined
  >

export const ledgerById = (db: Tx, id: number) =>
  db.selectFrom('stats_ledgers').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    LedgerRecord | undefined
  >

export function listLedgerRecords(db: Tx, includeVoided: boolean) {
  let q = db.selectFrom('stats_ledgers').selectAll()
  if (!includeVoided) q = q.where('voided_at', 'is', null)
  return q.orderBy('builtin', 'desc').orderBy('id').execute() as Promise<LedgerRecord[]>
}

export async function insertLedger(db: Tx, row: Omit<LedgerRecord, 'id'>): Promise<number> {
  const r = await db.insertInto('stats_ledgers').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

/** Seeds a definition unless its key exists (several processes may start at once). */
export async function insertLedgerIfAbsent(db: Tx, row: Omit<LedgerRecord, 'id'>): Promise<number | null> {
  const r = await db
    .insertInto('stats_ledgers')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst()
  return r?.id ?? null
}

export async function updateLedgerVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<LedgerRecord, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('stats_ledgers')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function insertLedgerVersion(
  db: Tx,
  row: {
    ledger_id: number
    version: number
    definition_json: string
    changed_at: string
    changed_by: string
  },
) {
  await db.insertInto('stats_ledger_versions').values(row).execute()
}

/** Marks that the ledger's data changed now: the indicator cache compares against it. */
export async function touchLedger(db: Tx, id: number, at: string): Promise<void> {
  await db.updateTable('stats_ledgers').set({ data_changed_at: at }).where('id', '=', id).execute()
}

/** Whether any row (live or voided) holds a value in the slot: such a column may not be retyped. */
export async function slotInUse(db: Tx, ledgerId: number, slot: string): Promise<boolean> {
  const r = await db
    .selectFrom('stats_rows')
    .select('id')
    .where('ledger_id', '=', ledgerId)
    .where(sql.ref(slot), 'is not', null)
    .limit(1)
    .executeTakeFirst()
  return r !== undefined
}

// Submissions -----------------------------------------------------------------------------------

export const submissionById = (db: Tx, id: number) =>
  db.selectFrom('stats_submissions').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    SubmissionRecord | undefined
  >

export const findSubmission = (db: Tx, ledgerId: number, unitId: number, label: string) =>
  db
    .selectFrom('stats_submissions')
    .selectAll()
    .where('ledger_id', '=', ledgerId)
    .where('org_unit_id', '=', unitId)
    .where('period_label', '=', label)
    .executeTakeFirst() as Promise<SubmissionRecord | undefined>

export async function insertSubmission(db: Tx, row: Omit<SubmissionRecord, 'id'>): Promise<number> {
  const r = await db.insertInto('stats_submissions').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

export async function updateSubmissionVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<SubmissionRecord, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('stats_submissions')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Rows carry their submission's status (the aggregate index is partial on it). */
export async function setRowsStatus(db: Tx, submissionId: number, status: string): Promise<void> {
  await db.updateTable('stats_rows').set({ status }).where('submission_id', '=', submissionId).execute()
}

export interface SubmissionFilter {
  ledgerId: number
  scopePath: string
  status?: string | undefined
  period?: string | undefined
  underPath?: string | undefined
}

function submissionQuery(db: Tx, f: SubmissionFilter) {
  let q = db
    .selectFrom('stats_submissions as s')
    .innerJoin('org_units as u', 'u.id', 's.org_unit_id')
    .where('s.ledger_id', '=', f.ledgerId)
    .where('s.scope_path', 'like', `${f.scopePath}%`)
  if (f.status) q = q.where('s.status', '=', f.status)
  if (f.period) q = q.where('s.period_label', '=', f.period)
  if (f.underPath) q = q.where('s.scope_path', 'like', `${f.underPath}%`)
  return q
}

export async function listSubmissionPage(db: Tx, f: SubmissionFilter, page: number, pageSize: number) {
  const q = submissionQuery(db, f)
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const items = await q
    .selectAll('s')
    .select('u.name as unit_name')
    .select((eb) =>
      eb
        .selectFrom('stats_rows as r')
        .whereRef('r.submission_id', '=', 's.id')
        .where('r.voided_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('c'))
        .as('row_count'),
    )
    .orderBy('s.period_start', 'desc')
    .orderBy('s.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()
  return { total: Number(total.n), items }
}

export async function submissionsOfPeriod(db: Tx, ledgerId: number, label: string, scopePath: string) {
  return db
    .selectFrom('stats_submissions')
    .select(['org_unit_id', 'status', 'first_submitted_on', 'due_on'])
    .where('ledger_id', '=', ledgerId)
    .where('period_label', '=', label)
    .where('scope_path', 'like', `${scopePath}%`)
    .execute()
}

export async function submittingUnitsEver(db: Tx, ledgerId: number, scopePath: string): Promise<number[]> {
  const r = await db
    .selectFrom('stats_submissions')
    .select('org_unit_id')
    .distinct()
    .where('ledger_id', '=', ledgerId)
    .where('scope_path', 'like', `${scopePath}%`)
    .execute()
  return r.map((x) => x.org_unit_id)
}

// Rows ------------------------------------------------------------------------------------------

export const rowById = (db: Tx, id: number) =>
  db.selectFrom('stats_rows').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    RowRecord | undefined
  >

export async function insertRow(db: Tx, row: NewRow): Promise<number> {
  const r = await db.insertInto('stats_rows').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

/**
 * Bulk insert for imports and the demo. `insertMany` cuts the batches to each database's best
 * size (as many rows as SQLite's bound parameters allow, 5,000 per unnest statement on PostgreSQL); cutting
 * them at 400 here first made a 100,000-row import send 250 statements instead of 20 on PostgreSQL.
 */
/** New rows for bulk insert: the slots a row leaves out stay NULL (every row must have the same keys). */
export type NewBulkRow = Omit<NewRow, `${'i' | 'r' | 's' | 'd'}${number}`> & Record<string, unknown>

export async function insertRows(
  db: Kysely<Database>,
  dialect: DialectName,
  rows: (NewRow | NewBulkRow)[],
): Promise<void> {
  await insertMany(db, dialect, 'stats_rows', rows)
}

export async function updateRowVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<RowRecord, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('stats_rows')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Live rows of a ledger by row key, for idempotent import. */
export async function liveRowsByKeys(db: Tx, ledgerId: number, keys: string[]): Promise<RowRecord[]> {
  const out: RowRecord[] = []
  for (let i = 0; i < keys.length; i += 500) {
    const part = keys.slice(i, i + 500)
    if (!part.length) continue
    out.push(
      ...((await db
        .selectFrom('stats_rows')
        .selectAll()
        .where('ledger_id', '=', ledgerId)
        .where('voided_at', 'is', null)
        .where('row_key', 'in', part)
        .execute()) as RowRecord[]),
    )
  }
  return out
}

/** Live rows of a ledger whose slot holds one of the values (unique columns). */
export async function liveRowsWithValues(
  db: Tx,
  ledgerId: number,
  slot: string,
  values: (string | number)[],
): Promise<{ id: number; value: string | number }[]> {
  const out: { id: number; value: string | number }[] = []
  for (let i = 0; i < values.length; i += 500) {
    const part = values.slice(i, i + 500)
    if (!part.length) continue
    const r = await db
      .selectFrom('stats_rows')
      .select(['id', sql<string | number>`${sql.ref(slot)}`.as('value')])
      .where('ledger_id', '=', ledgerId)
      .where('voided_at', 'is', null)
      .where(sql.ref(slot), 'in', part)
      .execute()
    out.push(...r)
  }
  return out
}

export interface RowFilter {
  ledgerId: number
  scopePath: string
  underPath?: string | undefined
  from?: string | undefined
  to?: string | undefined
  status?: string | undefined
  submissionId?: number | undefined
  includeVoided: boolean
  textSlots: string[]
  q?: string | undefined
  equals: { slot: string; value: string | number }[]
  sortSlot?: string | undefined
  order: 'asc' | 'desc'
}

function rowQuery(db: Tx, dialect: DialectName, f: RowFilter) {
  let q = db
    .selectFrom('stats_rows as r')
    .where('r.ledger_id', '=', f.ledgerId)
    .where('r.scope_path', 'like', `${f.scopePath}%`)
  if (f.underPath) q = q.where('r.scope_path', 'like', `${f.underPath}%`)
  if (f.from) q = q.where('r.period_date', '>=', f.from)
  if (f.to) q = q.where('r.period_date', '<=', f.to)
  if (f.status) q = q.where('r.status', '=', f.status)
  if (f.submissionId) q = q.where('r.submission_id', '=', f.submissionId)
  if (!f.includeVoided) q = q.where('r.voided_at', 'is', null)
  for (const e of f.equals) q = q.where(sql.ref(`r.${e.slot}`), '=', e.value)
  if (f.q && f.textSlots.length) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const op = likeOperator(dialect)
    q = q.where((eb) => eb.or(f.textSlots.map((s) => eb(sql.ref(`r.${s}`), op, sql`${pattern} escape '\\'`))))
  }
  return q
}

export async function listRowPage(
  db: Tx,
  dialect: DialectName,
  f: RowFilter,
  page: number,
  pageSize: number,
) {
  const q = rowQuery(db, dialect, f)
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const items = await allRows(db, dialect, f, pageSize, (page - 1) * pageSize)
  return { total: Number(total.n), items }
}

export async function allRows(db: Tx, dialect: DialectName, f: RowFilter, limit: number, offset = 0) {
  let q = rowQuery(db, dialect, f)
    .innerJoin('org_units as u', 'u.id', 'r.org_unit_id')
    .selectAll('r')
    .select('u.name as unit_name')
  q = f.sortSlot ? q.orderBy(sql.ref(`r.${f.sortSlot}`), f.order) : q.orderBy('r.period_date', f.order)
  return (await q.orderBy('r.id').limit(limit).offset(offset).execute()) as (RowRecord & {
    unit_name: string
  })[]
}

/** Names and paths of units by id (org columns, submitters). */
export async function unitsByIds(db: Tx, ids: number[]) {
  const out = new Map<number, { id: number; name: string; path: string; kind: string }>()
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += 500) {
    const part = unique.slice(i, i + 500)
    if (!part.length) continue
    for (const u of await db
      .selectFrom('org_units')
      .select(['id', 'name', 'path', 'kind'])
      .where('id', 'in', part)
      .execute())
      out.set(u.id, u)
  }
  return out
}

/** Live units of a kind inside a subtree (cities for the in-city rule, expected submitters). */
export function liveUnitsUnder(db: Tx, path: string, kinds: string[]) {
  let q = db
    .selectFrom('org_units')
    .select(['id', 'name', 'short_name', 'path', 'kind', 'parent_id'])
    .where('path', 'like', `${path}%`)
    .where('voided_at', 'is', null)
  if (kinds.length) q = q.where('kind', 'in', kinds)
  return q.orderBy('path').execute()
}

/** Live units by exact name or short name inside a subtree (import of org columns). */
export function liveUnitsNamed(db: Tx, path: string, names: string[]) {
  if (!names.length) return Promise.resolve([])
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'short_name', 'path', 'kind'])
    .where('path', 'like', `${path}%`)
    .where('voided_at', 'is', null)
    .where((eb) => eb.or([eb('name', 'in', names), eb('short_name', 'in', names)]))
    .execute()
}

/** One submission with its unit's name and live row count. */
export function submissionWithCount(db: Tx, id: number) {
  return db
    .selectFrom('stats_submissions as s')
    .innerJoin('org_units as u', 'u.id', 's.org_unit_id')
    .selectAll('s')
    .select('u.name as unit_name')
    .select((eb) =>
      eb
        .selectFrom('stats_rows as r')
        .whereRef('r.submission_id', '=', 's.id')
        .where('r.voided_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('c'))
        .as('row_count'),
    )
    .where('s.id', '=', id)
    .executeTakeFirst()
}

/** Every live unit with what the demo generator needs to fill the built-in ledgers. */
export function allLiveUnits(db: Tx) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'kind', 'path', 'parent_id', 'ownership', 'inclusive', 'rural', 'stage'])
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute()
}

export async function insertSubmissions(
  db: Kysely<Database>,
  dialect: DialectName,
  rows: Omit<SubmissionRecord, 'id'>[],
): Promise<number[]> {
  const ids: number[] = []
  for (let i = 0; i < rows.length; i += 500) {
    const r = await insertMany<{ id: number }>(db, dialect, 'stats_submissions', rows.slice(i, i + 500), [
      'id',
    ])
    ids.push(...r.map((x) => Number(x.id)))
  }
  return ids
}
