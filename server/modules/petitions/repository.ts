/** SQL of the petition ledger: cases, people, events, taxonomy. Figures are in figures-repository. */
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { Actor, Tx } from '../../context.js'
import type { DialectName } from '../../db/dialect.js'
import { likeOperator } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import type { PetitionCaseTable, PetitionEventTable, PetitionPersonTable } from './tables.js'

export type CaseRow = Omit<PetitionCaseTable, 'id'> & { id: number }
export type CaseListRow = CaseRow & {
  category_name: string
  demand_name: string
  county_name: string | null
  responsible_unit_name: string
}

type CaseEb = ExpressionBuilder<Database, 'petition_cases'>

/**
 * What an actor may see: cases whose responsible unit lies in his subtree, except accusations
 * against his own unit (or a unit above him) or against himself, which never reach the accused.
 */
export function visibleTo(actor: Actor) {
  return (eb: CaseEb) =>
    eb.and([
      eb('petition_cases.scope_path', 'like', `${actor.scopePath}%`),
      eb.or([
        eb('petition_cases.kind', '!=', 'accusation'),
        eb.and([
          eb.or([
            eb('petition_cases.accused_path', 'is', null),
            eb(
              sql`substr(${actor.scopePath}, 1, length(petition_cases.accused_path))`,
              '!=',
              sql.ref('petition_cases.accused_path'),
            ),
          ]),
          eb.or([
            eb('petition_cases.accused_user_id', 'is', null),
            eb('petition_cases.accused_user_id', '!=', actor.id),
          ]),
        ]),
      ]),
    ])
}

export function findCase(db: Tx, id: number): Promise<CaseRow | undefined> {
  return db.selectFrom('petition_cases').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    CaseRow | undefined
  >
}

export function findCaseByNo(db: Tx, caseNo: string) {
  return db
    .selectFrom('petition_cases')
    .select(['id', 'version'])
    .where('case_no', '=', caseNo)
    .executeTakeFirst()
}

function withNames(q: SelectQueryBuilder<Database, 'petition_cases', object>) {
  return q
    .innerJoin('petition_categories as cat', 'cat.id', 'petition_cases.category_id')
    .innerJoin('petition_categories as dem', 'dem.id', 'petition_cases.demand_id')
    .innerJoin('org_units as ru', 'ru.id', 'petition_cases.responsible_unit_id')
    .leftJoin('org_units as cty', 'cty.id', 'petition_cases.county_id')
    .selectAll('petition_cases')
    .select([
      'cat.name as category_name',
      'dem.name as demand_name',
      'cty.name as county_name',
      'ru.name as responsible_unit_name',
    ])
}

export function findCaseWithNames(db: Tx, id: number): Promise<CaseListRow | undefined> {
  return withNames(db.selectFrom('petition_cases'))
    .where('petition_cases.id', '=', id)
    .executeTakeFirst() as Promise<CaseListRow | undefined>
}

export interface CaseFilter {
  q?: string | undefined
  status?: string | undefined
  open?: boolean | undefined
  overdueBefore?: string | undefined
  dueBetween?: [string, string] | undefined
  categoryId?: number | undefined
  demandId?: number | undefined
  countyId?: number | undefined
  campaignId?: number | undefined
  receivedFrom?: string | undefined
  receivedTo?: string | undefined
  includeVoided?: boolean | undefined
}

function filtered(db: Tx, dialect: DialectName, actor: Actor, f: CaseFilter) {
  let q = db.selectFrom('petition_cases').where(visibleTo(actor))
  if (!f.includeVoided) q = q.where('petition_cases.voided_at', 'is', null)
  if (f.status) q = q.where('petition_cases.status', '=', f.status)
  if (f.open === true) q = q.where('petition_cases.closed_on', 'is', null)
  if (f.open === false) q = q.where('petition_cases.closed_on', 'is not', null)
  if (f.overdueBefore) q = q.where('petition_cases.current_due', '<', f.overdueBefore)
  if (f.dueBetween)
    q = q
      .where('petition_cases.current_due', '>=', f.dueBetween[0])
      .where('petition_cases.current_due', '<=', f.dueBetween[1])
  if (f.categoryId) q = q.where('petition_cases.category_id', '=', f.categoryId)
  if (f.demandId) q = q.where('petition_cases.demand_id', '=', f.demandId)
  if (f.countyId) q = q.where('petition_cases.county_id', '=', f.countyId)
  if (f.receivedFrom) q = q.where('petition_cases.received_on', '>=', f.receivedFrom)
  if (f.receivedTo) q = q.where('petition_cases.received_on', '<=', f.receivedTo)
  if (f.campaignId) {
    const cid = f.campaignId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('petition_campaign_cases as pcc')
          .select('pcc.case_id')
          .whereRef('pcc.case_id', '=', 'petition_cases.id')
          .where('pcc.campaign_id', '=', cid),
      ),
    )
  }
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const op = likeOperator(dialect)
    q = q.where((eb) =>
      eb.or([
        eb(sql`petition_cases.case_no`, op, sql`${pattern} escape '\\'`),
        eb(sql`petition_cases.summary`, op, sql`${pattern} escape '\\'`),
      ]),
    )
  }
  return q
}

export async function listCases(
  db: Tx,
  dialect: DialectName,
  actor: Actor,
  f: CaseFilter,
  page: { limit: number; offset: number; orderBy: 'received' | 'due' },
) {
  const base = filtered(db, dialect, actor, f)
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  let q = withNames(base)
  q =
    page.orderBy === 'due'
      ? q.orderBy('petition_cases.current_due').orderBy('petition_cases.id')
      : q.orderBy('petition_cases.received_on', 'desc').orderBy('petition_cases.id', 'desc')
  const items = (await q.limit(page.limit).offset(page.offset).execute()) as CaseListRow[]
  return { items, total: Number(total.n) }
}

/** Every matching case, in pages of ids, for exports (bounded by the caller). */
export function listCasesForExport(db: Tx, dialect: DialectName, actor: Actor, f: CaseFilter, limit: number) {
  return withNames(filtered(db, dialect, actor, f))
    .orderBy('petition_cases.received_on')
    .orderBy('petition_cases.id')
    .limit(limit)
    .execute() as Promise<CaseListRow[]>
}

export async function insertCase(db: Tx, row: Omit<CaseRow, 'id'>): Promise<number> {
  const r = await db.insertInto('petition_cases').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

/** Optimistic write: true when the row still had `version`. */
export async function updateCaseVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<CaseRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('petition_cases')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export function updateCaseDerived(
  db: Tx,
  id: number,
  patch: Pick<CaseRow, 'notice_due' | 'handling_due' | 'current_stage' | 'current_due'>,
) {
  return db.updateTable('petition_cases').set(patch).where('id', '=', id).execute()
}

/** Open cases whose deadlines a calendar change between `from` and `to` could move. */
export function listOpenCasesForRecompute(db: Tx, from: string) {
  return db
    .selectFrom('petition_cases')
    .selectAll()
    .where('voided_at', 'is', null)
    .where('current_due', 'is not', null)
    .where('current_due', '>=', from)
    .execute() as Promise<CaseRow[]>
}

/**
 * The next free `XF<year><serial>` number. The serial comes from a per-year counter row bumped
 * atomically (an upsert that returns the new value), so concurrent registrations never draw the
 * same number; a number already taken (an imported case may hold it) is skipped.
 */
export async function nextCaseNo(db: Tx, year: string): Promise<string> {
  const key = `petitions.caseNo.${year}`
  // First use in a year: start after the highest serial already there (demo or imported data).
  if (!(await db.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst())) {
    const top = await db
      .selectFrom('petition_cases')
      .select((eb) => eb.fn.max('case_no').as('max'))
      .where('case_no', 'like', `XF${year}_____`)
      .executeTakeFirst()
    const start = top?.max ? Number(String(top.max).slice(6)) || 0 : 0
    await db
      .insertInto('settings')
      .values({ key, value_json: String(start), updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
  }
  for (;;) {
    const r = await db
      .insertInto('settings')
      .values({ key, value_json: '1', updated_at: new Date().toISOString() })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ value_json: sql<string>`cast(cast(settings.value_json as integer) + 1 as text)` }),
      )
      .returning('value_json')
      .executeTakeFirstOrThrow()
    const caseNo = `XF${year}${String(Number(r.value_json)).padStart(5, '0')}`
    if (!(await findCaseByNo(db, caseNo))) return caseNo
  }
}

export function insertPeople(db: Tx, rows: Omit<PetitionPersonTable, 'id'>[]) {
  if (rows.length === 0) return Promise.resolve()
  return db.insertInto('petition_people').values(rows).execute()
}

export function listPeople(db: Tx, caseId: number) {
  return db.selectFrom('petition_people').selectAll().where('case_id', '=', caseId).orderBy('seq').execute()
}

/** Cases of the same person, found by keyed hash of ID number or phone. */
export function casesOfPerson(
  db: Tx,
  hashes: { idHash?: string | undefined; phoneHash?: string | undefined },
) {
  const { idHash, phoneHash } = hashes
  if (!idHash && !phoneHash) return Promise.resolve([] as { case_id: number }[])
  return db
    .selectFrom('petition_people')
    .select('case_id')
    .distinct()
    .where((eb) =>
      eb.or([
        ...(idHash ? [eb('id_hash', '=', idHash)] : []),
        ...(phoneHash ? [eb('phone_hash', '=', phoneHash)] : []),
      ]),
    )
    .limit(200)
    .execute()
}

export function insertEvent(db: Tx, row: Omit<PetitionEventTable, 'id'>) {
  return db.insertInto('petition_events').values(row).execute()
}

export function listEvents(db: Tx, caseId: number) {
  return db.selectFrom('petition_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute()
}

export function campaignsOfCase(db: Tx, caseId: number) {
  return db
    .selectFrom('petition_campaign_cases as pcc')
    .innerJoin('petition_campaigns as c', 'c.id', 'pcc.campaign_id')
    .select(['c.id', 'c.name'])
    .where('pcc.case_id', '=', caseId)
    .execute()
}

/** Erases personal fields of the given cases (retention), keeping the anonymous case. */
export async function erasePeople(db: Tx, caseIds: number[], at: string) {
  if (caseIds.length === 0) return
  await db
    .updateTable('petition_people')
    .set({
      name_enc: null,
      name_hash: null,
      id_enc: null,
      id_hash: null,
      phone_enc: null,
      phone_hash: null,
      address_enc: null,
      name_mask: '（已清除）',
      id_mask: null,
      phone_mask: null,
    })
    .where('case_id', 'in', caseIds)
    .execute()
  await db
    .updateTable('petition_cases')
    .set({ personal_erased_at: at, petitioner_mask: '（已清除）' })
    .where('id', 'in', caseIds)
    .execute()
}

export function listErasable(db: Tx, closedBefore: string, limit: number) {
  return db
    .selectFrom('petition_cases')
    .select('id')
    .where('closed_on', '<', closedBefore)
    .where('personal_erased_at', 'is', null)
    .limit(limit)
    .execute()
}
