/** SQL of problems, measures, evidence, their history, and teacher-ethics cases. Kysely only, no rules. */
import { type ExpressionBuilder, type Insertable, type SelectQueryBuilder, sql } from 'kysely'
import type { Tx } from '../../context.js'
import type { DialectName } from '../../db/dialect.js'
import { likeOperator } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import type {
  EthicsCaseTable,
  RectificationEventTable,
  RectificationEvidenceTable,
  RectificationMeasureTable,
  RectificationProblemTable,
} from './tables.js'

export type ProblemRow = Omit<RectificationProblemTable, 'id'> & { id: number }
export type MeasureRow = Omit<RectificationMeasureTable, 'id'> & { id: number }
export type EvidenceMetaRow = Omit<RectificationEvidenceTable, 'id' | 'bytes'> & { id: number }
export type EthicsCaseRow = Omit<EthicsCaseTable, 'id'> & { id: number }
export type ProblemListRow = ProblemRow & {
  category_name: string
  unit_name: string
  measures_total: number
  measures_done: number
  measures_overdue: number
  next_deadline: string | null
  evidence_count: number
}
export type EthicsListRow = EthicsCaseRow & { school_name: string; violation_type_name: string }

const escapeLike = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

// ---------------------------------------------------------------------------------------------
// Problems

export interface ProblemFilter {
  /** Subtree to look in: the actor's scope, or a unit inside it. */
  scopePath: string
  q?: string | undefined
  status?: string | undefined
  source?: string | undefined
  categoryId?: number | undefined
  campaign?: string | undefined
  campaignId?: number | undefined
  fixAtOnce?: boolean | undefined
  /** Only problems with a live measure not done and due before this day. */
  overdueBefore?: string | undefined
  includeVoided?: boolean | undefined
}

type ProblemEb = ExpressionBuilder<Database, 'rectification_problems'>

/** Live measures of the problem, not done, due before `today`. */
function overdueMeasures(eb: ProblemEb, today: string) {
  return eb
    .selectFrom('rectification_measures as om')
    .whereRef('om.problem_id', '=', 'rectification_problems.id')
    .where('om.voided_at', 'is', null)
    .where('om.status', '!=', 'done')
    .where('om.deadline', '<', today)
}

function filteredProblems(db: Tx, dialect: DialectName, f: ProblemFilter) {
  let q = db
    .selectFrom('rectification_problems')
    .where('rectification_problems.scope_path', 'like', `${f.scopePath}%`)
  if (!f.includeVoided) q = q.where('rectification_problems.voided_at', 'is', null)
  if (f.status) q = q.where('rectification_problems.status', '=', f.status)
  if (f.source) q = q.where('rectification_problems.source', '=', f.source)
  if (f.categoryId) q = q.where('rectification_problems.category_id', '=', f.categoryId)
  if (f.campaign) q = q.where('rectification_problems.campaign', '=', f.campaign)
  if (f.campaignId) q = q.where('rectification_problems.campaign_id', '=', f.campaignId)
  if (f.fixAtOnce !== undefined) q = q.where('rectification_problems.fix_at_once', '=', f.fixAtOnce ? 1 : 0)
  const before = f.overdueBefore
  if (before) q = q.where((eb) => eb.exists(overdueMeasures(eb, before).select('om.id')))
  if (f.q) {
    const pattern = escapeLike(f.q)
    const op = likeOperator(dialect)
    q = q.where((eb) =>
      eb.or([
        eb(sql`rectification_problems.code`, op, sql`${pattern} escape '\\'`),
        eb(sql`rectification_problems.description`, op, sql`${pattern} escape '\\'`),
        eb(sql`coalesce(rectification_problems.responsible_leader, '')`, op, sql`${pattern} escape '\\'`),
      ]),
    )
  }
  return q
}

function withListColumns(q: SelectQueryBuilder<Database, 'rectification_problems', object>, today: string) {
  return q
    .innerJoin('rectification_categories as cat', 'cat.id', 'rectification_problems.category_id')
    .innerJoin('org_units as ru', 'ru.id', 'rectification_problems.responsible_unit_id')
    .selectAll('rectification_problems')
    .select((eb) => [
      'cat.name as category_name',
      'ru.name as unit_name',
      eb
        .selectFrom('rectification_measures as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.problem_id', '=', 'rectification_problems.id')
        .where('m.voided_at', 'is', null)
        .as('measures_total'),
      eb
        .selectFrom('rectification_measures as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.problem_id', '=', 'rectification_problems.id')
        .where('m.voided_at', 'is', null)
        .where('m.status', '=', 'done')
        .as('measures_done'),
      overdueMeasures(eb, today)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('measures_overdue'),
      eb
        .selectFrom('rectification_measures as m')
        .select((e) => e.fn.min('m.deadline').as('d'))
        .whereRef('m.problem_id', '=', 'rectification_problems.id')
        .where('m.voided_at', 'is', null)
        .where('m.status', '!=', 'done')
        .as('next_deadline'),
      eb
        .selectFrom('rectification_evidence as ev')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ev.problem_id', '=', 'rectification_problems.id')
        .where('ev.voided_at', 'is', null)
        .as('evidence_count'),
    ])
}

function numbers(r: Record<string, unknown>): ProblemListRow {
  const row = r as ProblemListRow
  return {
    ...row,
    measures_total: Number(row.measures_total ?? 0),
    measures_done: Number(row.measures_done ?? 0),
    measures_overdue: Number(row.measures_overdue ?? 0),
    evidence_count: Number(row.evidence_count ?? 0),
  }
}

export async function listProblems(
  db: Tx,
  dialect: DialectName,
  f: ProblemFilter,
  today: string,
  page: { limit: number; offset: number },
) {
  const base = filteredProblems(db, dialect, f)
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await withListColumns(base, today)
    .orderBy('rectification_problems.found_on', 'desc')
    .orderBy('rectification_problems.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return { items: rows.map(numbers), total: Number(total.n) }
}

export async function listProblemsForExport(
  db: Tx,
  dialect: DialectName,
  f: ProblemFilter,
  today: string,
  limit: number,
) {
  const rows = await withListColumns(filteredProblems(db, dialect, f), today)
    .orderBy('rectification_problems.found_on')
    .orderBy('rectification_problems.id')
    .limit(limit)
    .execute()
  return rows.map(numbers)
}

export async function findProblemWithNames(db: Tx, id: number, today: string) {
  const r = await withListColumns(db.selectFrom('rectification_problems'), today)
    .where('rectification_problems.id', '=', id)
    .executeTakeFirst()
  return r ? numbers(r) : undefined
}

export function findProblem(db: Tx, id: number): Promise<ProblemRow | undefined> {
  return db.selectFrom('rectification_problems').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findProblemByCode(db: Tx, code: string) {
  return db.selectFrom('rectification_problems').selectAll().where('code', '=', code).executeTakeFirst()
}

/** A live problem of the same campaign and description in the subtree (the import's second key). */
export function findProblemByCampaignAndDescription(
  db: Tx,
  scopePath: string,
  campaign: string,
  description: string,
) {
  return db
    .selectFrom('rectification_problems')
    .selectAll()
    .where('scope_path', 'like', `${scopePath}%`)
    .where('campaign', '=', campaign)
    .where('description', '=', description)
    .where('voided_at', 'is', null)
    .orderBy('id')
    .executeTakeFirst()
}

export async function insertProblem(db: Tx, row: Omit<ProblemRow, 'id'>): Promise<number> {
  const r = await db
    .insertInto('rectification_problems')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

/** Optimistic write: true when the row still had `version`. */
export async function updateProblemVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<ProblemRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('rectification_problems')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/**
 * Any change to a problem's measures or evidence moves the problem's version, unconditionally:
 * independent changes (two files uploaded at once) both succeed. The update takes the row lock
 * first and returns the row as it is now, so the caller checks its status after any concurrent
 * status change has committed (and a concurrent status change sees the version move).
 */
export function touchProblem(db: Tx, id: number, at: string): Promise<ProblemRow | undefined> {
  return db
    .updateTable('rectification_problems')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

/**
 * The next serial of a yearly number series from an atomic counter in `settings` (an upsert that
 * increments and returns, so concurrent writers on PostgreSQL never draw the same number). On a
 * year's first use it starts after the highest number already stored (demo or imported data);
 * a number someone typed in by hand is skipped.
 */
async function nextSerial(
  db: Tx,
  key: string,
  highest: () => Promise<number>,
  taken: (n: number) => Promise<boolean>,
): Promise<number> {
  if (!(await db.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst())) {
    await db
      .insertInto('settings')
      .values({ key, value_json: String(await highest()), updated_at: new Date().toISOString() })
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
    const n = Number(r.value_json)
    if (!(await taken(n))) return n
  }
}

/** ZG + year + 5 digits: 问题编号. */
export async function nextProblemCode(db: Tx, year: string): Promise<string> {
  const prefix = `ZG${year}`
  const code = (n: number) => `${prefix}${String(n).padStart(5, '0')}`
  const n = await nextSerial(
    db,
    `rectification.code.${year}`,
    async () => {
      const r = await db
        .selectFrom('rectification_problems')
        .select((eb) => eb.fn.max('code').as('max'))
        .where('code', 'like', `${prefix}_____`)
        .executeTakeFirst()
      return r?.max ? Number(String(r.max).slice(prefix.length)) || 0 : 0
    },
    async (k) => !!(await findProblemByCode(db, code(k))),
  )
  return code(n)
}

// ---------------------------------------------------------------------------------------------
// Measures, evidence, history

export function listMeasures(db: Tx, problemId: number): Promise<MeasureRow[]> {
  return db
    .selectFrom('rectification_measures')
    .selectAll()
    .where('problem_id', '=', problemId)
    .orderBy('seq')
    .orderBy('id')
    .execute()
}

export async function insertMeasures(db: Tx, rows: Omit<MeasureRow, 'id'>[]): Promise<void> {
  if (rows.length === 0) return
  await db.insertInto('rectification_measures').values(rows).execute()
}

export async function nextMeasureSeq(db: Tx, problemId: number): Promise<number> {
  const r = await db
    .selectFrom('rectification_measures')
    .select((eb) => eb.fn.max('seq').as('max'))
    .where('problem_id', '=', problemId)
    .executeTakeFirst()
  return Number(r?.max ?? 0) + 1
}

export async function updateMeasureVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<MeasureRow, 'id' | 'version' | 'problem_id'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('rectification_measures')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

const EVIDENCE_META = [
  'id',
  'problem_id',
  'measure_id',
  'filename',
  'content_type',
  'file_type',
  'size_bytes',
  'sha256',
  'note',
  'uploaded_by',
  'uploaded_by_name',
  'created_at',
  'voided_at',
  'void_reason',
] as const

/** Evidence of a problem, without the bytes. */
export function listEvidence(db: Tx, problemId: number): Promise<EvidenceMetaRow[]> {
  return db
    .selectFrom('rectification_evidence')
    .select(EVIDENCE_META)
    .where('problem_id', '=', problemId)
    .orderBy('id')
    .execute()
}

export function findEvidenceMeta(db: Tx, id: number): Promise<EvidenceMetaRow | undefined> {
  return db.selectFrom('rectification_evidence').select(EVIDENCE_META).where('id', '=', id).executeTakeFirst()
}

export async function findEvidenceBytes(db: Tx, id: number): Promise<Buffer | undefined> {
  const r = await db
    .selectFrom('rectification_evidence')
    .select('bytes')
    .where('id', '=', id)
    .executeTakeFirst()
  return r ? Buffer.from(r.bytes) : undefined
}

export async function insertEvidence(db: Tx, row: Insertable<RectificationEvidenceTable>): Promise<number> {
  const r = await db
    .insertInto('rectification_evidence')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

export async function countLiveEvidence(db: Tx, problemId: number): Promise<number> {
  const r = await db
    .selectFrom('rectification_evidence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('problem_id', '=', problemId)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export function voidEvidenceRow(db: Tx, id: number, at: string, reason: string) {
  return db
    .updateTable('rectification_evidence')
    .set({ voided_at: at, void_reason: reason })
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
}

export function insertEvent(db: Tx, row: Omit<RectificationEventTable, 'id'>) {
  return db.insertInto('rectification_events').values(row).execute()
}

export function listEvents(db: Tx, problemId: number) {
  return db
    .selectFrom('rectification_events')
    .selectAll()
    .where('problem_id', '=', problemId)
    .orderBy('id')
    .execute()
}

// ---------------------------------------------------------------------------------------------
// Figures

export interface FiguresFilter {
  scopePath: string
  campaign?: string | undefined
  campaignId?: number | undefined
}

function liveProblemsIn(db: Tx, f: FiguresFilter) {
  let q = db
    .selectFrom('rectification_problems as p')
    .where('p.scope_path', 'like', `${f.scopePath}%`)
    .where('p.voided_at', 'is', null)
  if (f.campaign) q = q.where('p.campaign', '=', f.campaign)
  if (f.campaignId) q = q.where('p.campaign_id', '=', f.campaignId)
  return q
}

/** Live problems counted by source × category × responsible unit × status × fix-at-once. */
export async function problemCounts(db: Tx, f: FiguresFilter) {
  const rows = await liveProblemsIn(db, f)
    .select((eb) => [
      'p.source',
      'p.category_id',
      'p.scope_path',
      'p.campaign',
      'p.status',
      'p.fix_at_once',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['p.source', 'p.category_id', 'p.scope_path', 'p.campaign', 'p.status', 'p.fix_at_once'])
    .execute()
  return rows.map((r) => ({ ...r, n: Number(r.n) }))
}

/** Live measures of live problems, not done, due before `today`, by source × category × unit. */
export async function overdueMeasureCounts(db: Tx, f: FiguresFilter, today: string) {
  const rows = await liveProblemsIn(db, f)
    .innerJoin('rectification_measures as m', 'm.problem_id', 'p.id')
    .where('m.voided_at', 'is', null)
    .where('m.status', '!=', 'done')
    .where('m.deadline', '<', today)
    .select((eb) => [
      'p.source',
      'p.category_id',
      'p.scope_path',
      'p.campaign',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['p.source', 'p.category_id', 'p.scope_path', 'p.campaign'])
    .execute()
  return rows.map((r) => ({ ...r, n: Number(r.n) }))
}

/** Problems found and signed off per month (YYYY-MM) from `fromMonth` on: the progress line. */
export async function problemMonths(db: Tx, f: FiguresFilter, fromMonth: string) {
  const found = await liveProblemsIn(db, f)
    .select([sql<string>`substr(p.found_on, 1, 7)`.as('month'), sql<number>`count(*)`.as('n')])
    .where('p.found_on', '>=', `${fromMonth}-01`)
    .groupBy(sql`substr(p.found_on, 1, 7)`)
    .execute()
  // Signed-off instants are UTC: fetched (problems number in the thousands, not millions) and put
  // in China's month in code, where eight hours are simple to add on both databases.
  const signed = await liveProblemsIn(db, f)
    .select('p.signed_off_at')
    .where('p.status', '=', 'signed_off')
    .where('p.signed_off_at', '>=', `${fromMonth}-01`)
    .execute()
  const byMonth = new Map<string, number>()
  for (const r of signed) {
    if (!r.signed_off_at) continue
    const month = new Date(Date.parse(r.signed_off_at) + 8 * 3_600_000).toISOString().slice(0, 7)
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1)
  }
  return {
    found: found.map((r) => ({ month: r.month, n: Number(r.n) })),
    signedOff: [...byMonth].map(([month, n]) => ({ month, n })),
  }
}

export function unitsByIds(db: Tx, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'short_name', 'path', 'sort_order'])
    .where('id', 'in', ids)
    .execute()
}

// ---------------------------------------------------------------------------------------------
// Teacher-ethics cases

export interface EthicsFilter {
  scopePath: string
  q?: string | undefined
  violationTypeId?: number | undefined
  handling?: string | undefined
  published?: boolean | undefined
  teacherIdHash?: string | undefined
  from?: string | undefined
  to?: string | undefined
  includeVoided?: boolean | undefined
}

function filteredEthics(db: Tx, dialect: DialectName, f: EthicsFilter) {
  let q = db.selectFrom('ethics_cases').where('ethics_cases.scope_path', 'like', `${f.scopePath}%`)
  if (!f.includeVoided) q = q.where('ethics_cases.voided_at', 'is', null)
  if (f.violationTypeId) q = q.where('ethics_cases.violation_type_id', '=', f.violationTypeId)
  if (f.handling) q = q.where('ethics_cases.handling', '=', f.handling)
  if (f.published !== undefined) q = q.where('ethics_cases.published', '=', f.published ? 1 : 0)
  if (f.teacherIdHash) q = q.where('ethics_cases.teacher_id_hash', '=', f.teacherIdHash)
  if (f.from) q = q.where('ethics_cases.occurred_on', '>=', f.from)
  if (f.to) q = q.where('ethics_cases.occurred_on', '<=', f.to)
  if (f.q) {
    // Only the masked texts are searchable: the clear ones are ciphertext.
    const pattern = escapeLike(f.q)
    const op = likeOperator(dialect)
    q = q.where((eb) =>
      eb.or([
        eb(sql`ethics_cases.case_no`, op, sql`${pattern} escape '\\'`),
        eb(sql`ethics_cases.finding_mask`, op, sql`${pattern} escape '\\'`),
      ]),
    )
  }
  return q
}

function withEthicsNames(q: SelectQueryBuilder<Database, 'ethics_cases', object>) {
  return q
    .innerJoin('org_units as su', 'su.id', 'ethics_cases.school_unit_id')
    .innerJoin('ethics_violation_types as vt', 'vt.id', 'ethics_cases.violation_type_id')
    .selectAll('ethics_cases')
    .select(['su.name as school_name', 'vt.name as violation_type_name'])
}

export async function listEthicsCases(
  db: Tx,
  dialect: DialectName,
  f: EthicsFilter,
  page: { limit: number; offset: number },
) {
  const base = filteredEthics(db, dialect, f)
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const items: EthicsListRow[] = await withEthicsNames(base)
    .orderBy('ethics_cases.occurred_on', 'desc')
    .orderBy('ethics_cases.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return { items, total: Number(total.n) }
}

export function listEthicsForExport(db: Tx, dialect: DialectName, f: EthicsFilter, limit: number) {
  return withEthicsNames(filteredEthics(db, dialect, f))
    .orderBy('ethics_cases.occurred_on')
    .orderBy('ethics_cases.id')
    .limit(limit)
    .execute() as Promise<EthicsListRow[]>
}

export function findEthicsWithNames(db: Tx, id: number): Promise<EthicsListRow | undefined> {
  return withEthicsNames(db.selectFrom('ethics_cases')).where('ethics_cases.id', '=', id).executeTakeFirst()
}

export async function insertEthicsCase(db: Tx, row: Omit<EthicsCaseRow, 'id'>): Promise<number> {
  const r = await db.insertInto('ethics_cases').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

export async function updateEthicsVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<EthicsCaseRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('ethics_cases')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Cases by their numbers, voided or not, whatever the scope (the import decides what it may touch). */
export async function findEthicsByCaseNos(db: Tx, caseNos: string[]): Promise<Map<string, EthicsListRow>> {
  const out = new Map<string, EthicsListRow>()
  for (let i = 0; i < caseNos.length; i += 500) {
    const rows = await withEthicsNames(db.selectFrom('ethics_cases'))
      .where('ethics_cases.case_no', 'in', caseNos.slice(i, i + 500))
      .execute()
    for (const r of rows) out.set(r.case_no, r)
  }
  return out
}

/** Live cases under `scopePath` counted by violation type × handling × occurrence year × publication year. */
export async function ethicsCounts(db: Tx, scopePath: string) {
  const rows = await db
    .selectFrom('ethics_cases')
    .where('scope_path', 'like', `${scopePath}%`)
    .where('voided_at', 'is', null)
    .select((eb) => [
      'violation_type_id',
      'handling',
      sql<string>`substr(occurred_on, 1, 4)`.as('year'),
      sql<string | null>`substr(published_on, 1, 4)`.as('published_year'),
      'published',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy([
      'violation_type_id',
      'handling',
      sql`substr(occurred_on, 1, 4)`,
      sql`substr(published_on, 1, 4)`,
      'published',
    ])
    .execute()
  return rows.map((r) => ({ ...r, n: Number(r.n) }))
}

/** SD + year + 4 digits: 案件编号. */
export async function nextEthicsCaseNo(db: Tx, year: string): Promise<string> {
  const prefix = `SD${year}`
  const caseNo = (n: number) => `${prefix}${String(n).padStart(4, '0')}`
  const n = await nextSerial(
    db,
    `ethics.caseNo.${year}`,
    async () => {
      const r = await db
        .selectFrom('ethics_cases')
        .select((eb) => eb.fn.max('case_no').as('max'))
        .where('case_no', 'like', `${prefix}____`)
        .executeTakeFirst()
      return r?.max ? Number(String(r.max).slice(prefix.length)) || 0 : 0
    },
    async (k) =>
      !!(await db
        .selectFrom('ethics_cases')
        .select('id')
        .where('case_no', '=', caseNo(k))
        .executeTakeFirst()),
  )
  return caseNo(n)
}

/** The unit and the regions above it (for the public summary's term list), nearest first. */
export async function unitWithAncestors(db: Tx, unitId: number) {
  const unit = await db
    .selectFrom('org_units')
    .select(['id', 'name', 'short_name', 'kind', 'path'])
    .where('id', '=', unitId)
    .executeTakeFirst()
  if (!unit) return undefined
  const ids = unit.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== unit.id)
  const above =
    ids.length === 0
      ? []
      : await db
          .selectFrom('org_units')
          .select(['id', 'name', 'short_name', 'kind', 'depth'])
          .where('id', 'in', ids)
          .orderBy('depth', 'desc')
          .execute()
  return { unit, above }
}

/** The live measures of many problems at once (exports), by problem. */
export async function measuresOfProblems(db: Tx, ids: number[]): Promise<Map<number, MeasureRow[]>> {
  const out = new Map<number, MeasureRow[]>()
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('rectification_measures')
      .selectAll()
      .where('problem_id', 'in', ids.slice(i, i + 500))
      .where('voided_at', 'is', null)
      .orderBy('problem_id')
      .orderBy('seq')
      .execute()
    for (const m of rows) out.set(m.problem_id, [...(out.get(m.problem_id) ?? []), m])
  }
  return out
}

/** Every live org unit, for finding a school by the name a ledger gives it (a province: ~12,000 rows). */
export function liveUnitNames(db: Tx) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'code', 'path'])
    .where('voided_at', 'is', null)
    .execute()
}
