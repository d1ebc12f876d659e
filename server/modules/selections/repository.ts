/** SQL of selections: rubrics, programmes, applications, experts, assignments, results, notice. No rules. */
import type { Insertable, Updateable } from 'kysely'
import type { Tx } from '../../context.js'
import type { Database } from '../../db/schema.js'
import type {
  SelectionApplicationTable,
  SelectionAssignmentTable,
  SelectionEventTable,
  SelectionExclusionTable,
  SelectionExpertTable,
  SelectionObjectionTable,
  SelectionProgrammeTable,
  SelectionResultTable,
  SelectionRubricTable,
} from './tables.js'

type WithId<T> = Omit<T, 'id'> & { id: number }
export type RubricRow = WithId<SelectionRubricTable> & { owner_name: string; owner_path: string }
export type ProgrammeRow = WithId<SelectionProgrammeTable> & { owner_name: string; owner_path: string }
export type ApplicationRow = WithId<SelectionApplicationTable> & {
  unit_name: string
  unit_path: string
  unit_kind: string
}
export type ExpertRow = WithId<SelectionExpertTable> & {
  owner_path: string
  tree_unit_name: string | null
  tree_unit_path: string | null
}
export type AssignmentRow = WithId<SelectionAssignmentTable> & { expert_name: string; user_id: number }
export type ResultRow = WithId<SelectionResultTable>
export type ObjectionRow = WithId<SelectionObjectionTable>
export type ExclusionRow = WithId<SelectionExclusionTable> & { expert_name: string }

type Versioned =
  | 'selection_rubrics'
  | 'selection_programmes'
  | 'selection_applications'
  | 'selection_experts'
  | 'selection_assignments'
  | 'selection_objections'

/** An update that only lands on the version read; false when someone else changed the row first. */
export async function updateVersioned<T extends Versioned>(
  db: Tx,
  table: T,
  id: number,
  version: number,
  patch: Updateable<Database[T]>,
): Promise<boolean> {
  const r = await (db as Tx)
    .updateTable(table as 'selection_programmes')
    .set({ ...(patch as object), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

async function insertOne<T extends keyof Database>(db: Tx, table: T, row: Insertable<Database[T]>) {
  const r = await (db as Tx)
    .insertInto(table as 'selection_events')
    .values(row as Insertable<SelectionEventTable>)
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

// ---------------------------------------------------------------------------------------------
// Rubrics and programmes

export const insertRubric = (db: Tx, row: Insertable<SelectionRubricTable>) =>
  insertOne(db, 'selection_rubrics', row)

const rubrics = (db: Tx) =>
  db
    .selectFrom('selection_rubrics as r')
    .innerJoin('org_units as o', 'o.id', 'r.owner_unit_id')
    .selectAll('r')
    .select(['o.name as owner_name', 'o.path as owner_path'])

export const findRubric = (db: Tx, id: number) =>
  rubrics(db).where('r.id', '=', id).executeTakeFirst() as Promise<RubricRow | undefined>

/** Rubrics owned in the subtree or above it (a city uses the province's rubric too). */
export async function listRubrics(db: Tx, scopePath: string, includeVoided: boolean): Promise<RubricRow[]> {
  let q = rubrics(db).orderBy('r.id', 'desc')
  if (!includeVoided) q = q.where('r.voided_at', 'is', null)
  const rows = (await q.execute()) as RubricRow[]
  return rows.filter((r) => r.owner_path.startsWith(scopePath) || scopePath.startsWith(r.owner_path))
}

export async function rubricUsage(db: Tx, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('selection_programmes')
    .select(['rubric_id', db.fn.countAll<number>().as('n')])
    .where('rubric_id', 'in', ids)
    .where('voided_at', 'is', null)
    .groupBy('rubric_id')
    .execute()
  return new Map(rows.map((r) => [r.rubric_id, Number(r.n)]))
}

export const insertProgramme = (db: Tx, row: Insertable<SelectionProgrammeTable>) =>
  insertOne(db, 'selection_programmes', row)

const programmes = (db: Tx) =>
  db
    .selectFrom('selection_programmes as p')
    .innerJoin('org_units as o', 'o.id', 'p.owner_unit_id')
    .selectAll('p')
    .select(['o.name as owner_name', 'o.path as owner_path'])

export const findProgramme = (db: Tx, id: number) =>
  programmes(db).where('p.id', '=', id).executeTakeFirst() as Promise<ProgrammeRow | undefined>

/** Programmes run in the subtree, or above it once opened (a school sees the city's calls). */
export async function listProgrammes(
  db: Tx,
  scopePath: string,
  f: { status?: string | undefined; kind?: string | undefined; includeVoided: boolean },
): Promise<ProgrammeRow[]> {
  let q = programmes(db).orderBy('p.opens_on', 'desc').orderBy('p.id', 'desc')
  if (f.status) q = q.where('p.status', '=', f.status)
  if (f.kind) q = q.where('p.kind', '=', f.kind)
  if (!f.includeVoided) q = q.where('p.voided_at', 'is', null)
  const rows = (await q.execute()) as ProgrammeRow[]
  return rows.filter(
    (p) => p.owner_path.startsWith(scopePath) || (p.status !== 'draft' && scopePath.startsWith(p.owner_path)),
  )
}

// ---------------------------------------------------------------------------------------------
// Applications

export const insertApplication = (db: Tx, row: Insertable<SelectionApplicationTable>) =>
  insertOne(db, 'selection_applications', row)

const applications = (db: Tx) =>
  db
    .selectFrom('selection_applications as a')
    .innerJoin('org_units as u', 'u.id', 'a.unit_id')
    .selectAll('a')
    .select(['u.name as unit_name', 'u.path as unit_path', 'u.kind as unit_kind'])

export const findApplication = (db: Tx, id: number) =>
  applications(db).where('a.id', '=', id).executeTakeFirst() as Promise<ApplicationRow | undefined>

export function listApplications(
  db: Tx,
  f: {
    programmeId?: number | undefined
    status?: string | undefined
    unitPathPrefix?: string
    ids?: number[]
  },
): Promise<ApplicationRow[]> {
  let q = applications(db).where('a.voided_at', 'is', null).orderBy('a.id')
  if (f.programmeId) q = q.where('a.programme_id', '=', f.programmeId)
  if (f.status) q = q.where('a.status', '=', f.status)
  if (f.unitPathPrefix) q = q.where('u.path', 'like', `${f.unitPathPrefix}%`)
  if (f.ids) q = q.where('a.id', 'in', f.ids.length ? f.ids : [0])
  return q.execute() as Promise<ApplicationRow[]>
}

export const liveApplicationOf = (db: Tx, programmeId: number, unitId: number) =>
  db
    .selectFrom('selection_applications')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('live_unit_id', '=', unitId)
    .executeTakeFirst()

// ---------------------------------------------------------------------------------------------
// Experts

export const insertExpert = (db: Tx, row: Insertable<SelectionExpertTable>) =>
  insertOne(db, 'selection_experts', row)

const experts = (db: Tx) =>
  db
    .selectFrom('selection_experts as e')
    .innerJoin('org_units as o', 'o.id', 'e.owner_unit_id')
    .leftJoin('org_units as eu', 'eu.id', 'e.unit_id')
    .selectAll('e')
    .select(['o.path as owner_path', 'eu.name as tree_unit_name', 'eu.path as tree_unit_path'])

export const findExpert = (db: Tx, id: number) =>
  experts(db).where('e.id', '=', id).executeTakeFirst() as Promise<ExpertRow | undefined>

/** Live experts of pools owned at `path` or above it (a programme draws from them). */
export async function expertsAbove(db: Tx, path: string): Promise<ExpertRow[]> {
  const rows = (await experts(db).where('e.voided_at', 'is', null).orderBy('e.id').execute()) as ExpertRow[]
  return rows.filter((e) => path.startsWith(e.owner_path))
}

/** Experts of pools in the subtree (what a manager lists and edits). */
export async function expertsIn(db: Tx, scopePath: string, includeVoided: boolean): Promise<ExpertRow[]> {
  let q = experts(db).where('o.path', 'like', `${scopePath}%`).orderBy('e.id')
  if (!includeVoided) q = q.where('e.voided_at', 'is', null)
  return q.execute() as Promise<ExpertRow[]>
}

export const expertsOfUser = (db: Tx, userId: number) =>
  db.selectFrom('selection_experts').select('id').where('user_id', '=', userId).execute()

// ---------------------------------------------------------------------------------------------
// Assignments, exclusions, results

export async function insertAssignments(db: Tx, rows: Insertable<SelectionAssignmentTable>[]) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('selection_assignments')
      .values(rows.slice(i, i + 200))
      .execute()
}

const assignments = (db: Tx) =>
  db
    .selectFrom('selection_assignments as s')
    .innerJoin('selection_experts as e', 'e.id', 's.expert_id')
    .selectAll('s')
    .select(['e.name as expert_name', 'e.user_id'])

export const findAssignment = (db: Tx, id: number) =>
  assignments(db).where('s.id', '=', id).executeTakeFirst() as Promise<AssignmentRow | undefined>

export function liveAssignments(
  db: Tx,
  f: { programmeId?: number; applicationId?: number; userId?: number },
): Promise<AssignmentRow[]> {
  let q = assignments(db).where('s.voided_at', 'is', null).orderBy('s.id')
  if (f.programmeId) q = q.where('s.programme_id', '=', f.programmeId)
  if (f.applicationId) q = q.where('s.application_id', '=', f.applicationId)
  if (f.userId) q = q.where('e.user_id', '=', f.userId)
  return q.execute() as Promise<AssignmentRow[]>
}

/** Records exclusions not recorded yet (one row per application and expert). */
export async function insertExclusions(db: Tx, rows: Insertable<SelectionExclusionTable>[]) {
  if (rows.length === 0) return
  const existing = await db
    .selectFrom('selection_exclusions')
    .select(['application_id', 'expert_id'])
    .where('programme_id', '=', rows[0]?.programme_id as number)
    .execute()
  const seen = new Set(existing.map((e) => `${e.application_id}:${e.expert_id}`))
  const fresh = rows.filter((r) => !seen.has(`${r.application_id}:${r.expert_id}`))
  for (let i = 0; i < fresh.length; i += 200)
    await db
      .insertInto('selection_exclusions')
      .values(fresh.slice(i, i + 200))
      .execute()
}

export const listExclusions = (db: Tx, programmeId: number) =>
  db
    .selectFrom('selection_exclusions as x')
    .innerJoin('selection_experts as e', 'e.id', 'x.expert_id')
    .selectAll('x')
    .select('e.name as expert_name')
    .where('x.programme_id', '=', programmeId)
    .orderBy('x.id')
    .execute() as Promise<ExclusionRow[]>

export async function insertResults(db: Tx, rows: Insertable<SelectionResultTable>[]) {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('selection_results')
      .values(rows.slice(i, i + 200))
      .execute()
}

export const listResults = (db: Tx, programmeId: number, decisionNo: number) =>
  db
    .selectFrom('selection_results')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('decision_no', '=', decisionNo)
    .orderBy('rank')
    .orderBy('application_id')
    .execute() as Promise<ResultRow[]>

export const setFinalOutcome = (db: Tx, id: number, finalOutcome: string) =>
  db.updateTable('selection_results').set({ final_outcome: finalOutcome }).where('id', '=', id).execute()

// ---------------------------------------------------------------------------------------------
// Objections and events

export const insertObjection = (db: Tx, row: Insertable<SelectionObjectionTable>) =>
  insertOne(db, 'selection_objections', row)

export const findObjection = (db: Tx, id: number) =>
  db.selectFrom('selection_objections').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    ObjectionRow | undefined
  >

export const listObjections = (db: Tx, programmeId: number) =>
  db
    .selectFrom('selection_objections')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute() as Promise<ObjectionRow[]>

export const insertEvents = (db: Tx, rows: Insertable<SelectionEventTable>[]) =>
  rows.length ? db.insertInto('selection_events').values(rows).execute() : Promise.resolve([])

export const listEvents = (db: Tx, programmeId: number) =>
  db
    .selectFrom('selection_events')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('id')
    .execute()

export async function lastEventAt(db: Tx): Promise<string | null> {
  const r = await db
    .selectFrom('selection_events')
    .select((eb) => eb.fn.max('at').as('at'))
    .executeTakeFirst()
  return (r?.at as string | null | undefined) ?? null
}
