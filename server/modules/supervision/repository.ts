/** SQL of supervision: campaigns, aspects, tasks and their children, events, notices. No rules here. */
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { Actor, Tx } from '../../context.js'
import { type DialectName, likeOperator } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import type {
  SupervisionCampaignTable,
  SupervisionExtensionTable,
  SupervisionMilestoneTable,
  SupervisionNoticeTable,
  SupervisionProgressNoteTable,
  SupervisionTaskEventTable,
  SupervisionTaskTable,
} from './tables.js'

type WithId<T> = Omit<T, 'id'> & { id: number }
export type CampaignRow = WithId<SupervisionCampaignTable>
export type TaskRow = WithId<SupervisionTaskTable>
export type MilestoneRow = WithId<SupervisionMilestoneTable>
export type NoteRow = WithId<SupervisionProgressNoteTable>
export type ExtensionRow = WithId<SupervisionExtensionTable>
export type EventRow = WithId<SupervisionTaskEventTable>
export type NoticeRow = WithId<SupervisionNoticeTable>
export type TaskListRow = TaskRow & { campaign_name: string; aspect_name: string; lead_unit_name: string }

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

// ---------------------------------------------------------------------------------------------
// Campaigns and aspects

/**
 * A campaign is seen from its own unit's subtree and from below it (a county sees the city's
 * campaign, whose tasks reach it), and from above (the city sees a county's own campaign).
 * `cu` is the campaign's unit.
 */
export function campaignVisibleTo(actor: Actor) {
  return sql<boolean>`(cu.path like ${`${actor.scopePath}%`} or substr(${actor.scopePath}, 1, length(cu.path)) = cu.path)`
}

function campaignsWithUnit(db: Tx) {
  return db
    .selectFrom('supervision_campaigns')
    .innerJoin('org_units as cu', 'cu.id', 'supervision_campaigns.org_unit_id')
    .selectAll('supervision_campaigns')
    .select(['cu.name as unit_name', 'cu.path as unit_path'])
}
export type CampaignListRow = CampaignRow & { unit_name: string; unit_path: string }

export function listCampaignRows(db: Tx, actor: Actor, includeVoided: boolean) {
  let q = campaignsWithUnit(db).where(campaignVisibleTo(actor))
  if (!includeVoided) q = q.where('supervision_campaigns.voided_at', 'is', null)
  return q
    .orderBy('supervision_campaigns.starts_on', 'desc')
    .orderBy('supervision_campaigns.id', 'desc')
    .execute() as Promise<CampaignListRow[]>
}

export function findCampaign(db: Tx, id: number) {
  return campaignsWithUnit(db).where('supervision_campaigns.id', '=', id).executeTakeFirst() as Promise<
    CampaignListRow | undefined
  >
}

export async function insertCampaign(db: Tx, row: Omit<CampaignRow, 'id'>): Promise<number> {
  const r = await db.insertInto('supervision_campaigns').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

export async function updateCampaignVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<CampaignRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('supervision_campaigns')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export function listAspects(db: Tx, campaignIds: number[], includeVoided = false) {
  if (campaignIds.length === 0) return Promise.resolve([])
  let q = db.selectFrom('supervision_aspects').selectAll().where('campaign_id', 'in', campaignIds)
  if (!includeVoided) q = q.where('voided_at', 'is', null)
  return q.orderBy('campaign_id').orderBy('sort_order').orderBy('id').execute()
}

export async function insertAspect(
  db: Tx,
  row: { campaign_id: number; name: string; sort_order: number; at: string },
): Promise<number> {
  const r = await db
    .insertInto('supervision_aspects')
    .values({
      campaign_id: row.campaign_id,
      name: row.name,
      sort_order: row.sort_order,
      created_at: row.at,
      updated_at: row.at,
      voided_at: null,
      void_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

export function updateAspect(
  db: Tx,
  id: number,
  patch: { name?: string; sort_order?: number; updated_at: string; voided_at?: string; void_reason?: string },
) {
  return db.updateTable('supervision_aspects').set(patch).where('id', '=', id).execute()
}

/** Live tasks per aspect, among those the actor sees (counts never reveal other units' tasks). */
export function taskCountsByAspect(db: Tx, actor: Actor, campaignIds: number[]) {
  if (campaignIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('supervision_tasks')
    .select(['aspect_id', sql<number>`count(*)`.as('n')])
    .where('campaign_id', 'in', campaignIds)
    .where('voided_at', 'is', null)
    .where(taskVisibleTo(actor))
    .groupBy('aspect_id')
    .execute()
}

/** Live tasks of an aspect, any scope (an aspect in use cannot be voided). */
export async function liveTasksOfAspect(db: Tx, aspectId: number): Promise<number> {
  const r = await db
    .selectFrom('supervision_tasks')
    .select(sql<number>`count(*)`.as('n'))
    .where('aspect_id', '=', aspectId)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function liveTasksOfCampaign(db: Tx, campaignId: number): Promise<number> {
  const r = await db
    .selectFrom('supervision_tasks')
    .select(sql<number>`count(*)`.as('n'))
    .where('campaign_id', '=', campaignId)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

// ---------------------------------------------------------------------------------------------
// Tasks

type TaskEb = ExpressionBuilder<Database, 'supervision_tasks'>

/** Seen by users whose scope contains the task's lead unit or one of its co-units. */
export function taskVisibleTo(actor: Actor) {
  return (eb: TaskEb) =>
    eb.exists(
      eb
        .selectFrom('supervision_task_units as vtu')
        .innerJoin('org_units as vu', 'vu.id', 'vtu.org_unit_id')
        .select('vtu.task_id')
        .whereRef('vtu.task_id', '=', 'supervision_tasks.id')
        .where('vu.path', 'like', `${actor.scopePath}%`),
    )
}

export function findTask(db: Tx, id: number) {
  return db.selectFrom('supervision_tasks').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    TaskRow | undefined
  >
}

export async function isTaskVisible(db: Tx, actor: Actor, id: number): Promise<boolean> {
  const r = await db
    .selectFrom('supervision_tasks')
    .select('id')
    .where('id', '=', id)
    .where(taskVisibleTo(actor))
    .executeTakeFirst()
  return r !== undefined
}

function withNames(q: SelectQueryBuilder<Database, 'supervision_tasks', object>) {
  return q
    .innerJoin('supervision_campaigns as tc', 'tc.id', 'supervision_tasks.campaign_id')
    .innerJoin('supervision_aspects as ta', 'ta.id', 'supervision_tasks.aspect_id')
    .innerJoin('org_units as lu', 'lu.id', 'supervision_tasks.lead_unit_id')
    .selectAll('supervision_tasks')
    .select(['tc.name as campaign_name', 'ta.name as aspect_name', 'lu.name as lead_unit_name'])
}

export function findTaskWithNames(db: Tx, id: number) {
  return withNames(db.selectFrom('supervision_tasks'))
    .where('supervision_tasks.id', '=', id)
    .executeTakeFirst() as Promise<TaskListRow | undefined>
}

export interface TaskFilter {
  campaignId?: number | undefined
  aspectId?: number | undefined
  status?: string | undefined
  open?: boolean | undefined
  /** deadline < this (with open: overdue). */
  deadlineBefore?: string | undefined
  /** deadline within [from, to] inclusive. */
  deadlineBetween?: [string, string] | undefined
  startsOn?: string | undefined
  /** Lead or co-unit at or below this path. */
  unitPath?: string | undefined
  /** Lead unit exactly. */
  leadUnitId?: number | undefined
  leader?: string | undefined
  q?: string | undefined
  topLevel?: boolean | undefined
  parentId?: number | undefined
  ids?: number[] | undefined
  includeVoided?: boolean | undefined
}

const OPEN = ['not_started', 'in_progress']

function filtered(db: Tx, dialect: DialectName, actor: Actor, f: TaskFilter) {
  // A unit filter inside the actor's scope already implies visibility (a unit at or below it is in
  // scope): one correlated sub-query per row instead of two, which PostgreSQL notices on 100,000 tasks.
  const impliedByUnit = f.unitPath?.startsWith(actor.scopePath) === true
  let q = impliedByUnit
    ? db.selectFrom('supervision_tasks')
    : db.selectFrom('supervision_tasks').where(taskVisibleTo(actor))
  if (!f.includeVoided) q = q.where('supervision_tasks.voided_at', 'is', null)
  if (f.campaignId) q = q.where('supervision_tasks.campaign_id', '=', f.campaignId)
  if (f.aspectId) q = q.where('supervision_tasks.aspect_id', '=', f.aspectId)
  if (f.status) q = q.where('supervision_tasks.status', '=', f.status)
  if (f.open) q = q.where('supervision_tasks.status', 'in', OPEN)
  if (f.deadlineBefore) q = q.where('supervision_tasks.deadline', '<', f.deadlineBefore)
  if (f.deadlineBetween)
    q = q
      .where('supervision_tasks.deadline', '>=', f.deadlineBetween[0])
      .where('supervision_tasks.deadline', '<=', f.deadlineBetween[1])
  if (f.startsOn) q = q.where('supervision_tasks.starts_on', '=', f.startsOn)
  if (f.leadUnitId) q = q.where('supervision_tasks.lead_unit_id', '=', f.leadUnitId)
  if (f.leader) q = q.where('supervision_tasks.leader', '=', f.leader)
  if (f.topLevel) q = q.where('supervision_tasks.parent_id', 'is', null)
  if (f.parentId) q = q.where('supervision_tasks.parent_id', '=', f.parentId)
  if (f.ids) q = q.where('supervision_tasks.id', 'in', f.ids.length ? f.ids : [0])
  if (f.unitPath) {
    const path = f.unitPath
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('supervision_task_units as ftu')
          .innerJoin('org_units as fu', 'fu.id', 'ftu.org_unit_id')
          .select('ftu.task_id')
          .whereRef('ftu.task_id', '=', 'supervision_tasks.id')
          .where('fu.path', 'like', `${path}%`),
      ),
    )
  }
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`
    const op = likeOperator(dialect)
    q = q.where((eb) =>
      eb.or([
        eb(sql`supervision_tasks.title`, op, sql`${pattern} escape '\\'`),
        eb(sql`coalesce(supervision_tasks.leader, '')`, op, sql`${pattern} escape '\\'`),
      ]),
    )
  }
  return q
}

export async function listTaskRows(
  db: Tx,
  dialect: DialectName,
  actor: Actor,
  f: TaskFilter,
  page: { limit: number; offset: number },
) {
  const base = filtered(db, dialect, actor, f)
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const items = (await withNames(base)
    .orderBy('supervision_tasks.deadline')
    .orderBy('supervision_tasks.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()) as TaskListRow[]
  return { items, total: Number(total.n) }
}

/** Every matching task up to `limit` (exports, boards, figures), ordered by deadline. */
export function listAllTaskRows(db: Tx, dialect: DialectName, actor: Actor, f: TaskFilter, limit: number) {
  return withNames(filtered(db, dialect, actor, f))
    .orderBy('supervision_tasks.deadline')
    .orderBy('supervision_tasks.id')
    .limit(limit)
    .execute() as Promise<TaskListRow[]>
}

export async function countTasks(db: Tx, dialect: DialectName, actor: Actor, f: TaskFilter) {
  const r = await filtered(db, dialect, actor, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export interface TaskUnitRow {
  task_id: number
  org_unit_id: number
  role: string
  sort_order: number
  name: string
  path: string
}

/** Lead and co-units of the given tasks, lead first, in entry order. */
export async function unitsOfTasks(db: Tx, taskIds: number[]): Promise<TaskUnitRow[]> {
  const out: TaskUnitRow[] = []
  for (let i = 0; i < taskIds.length; i += 500) {
    const rows = await db
      .selectFrom('supervision_task_units as tu')
      .innerJoin('org_units as u', 'u.id', 'tu.org_unit_id')
      .select(['tu.task_id', 'tu.org_unit_id', 'tu.role', 'tu.sort_order', 'u.name', 'u.path'])
      .where('tu.task_id', 'in', taskIds.slice(i, i + 500))
      .orderBy('tu.task_id')
      .orderBy('tu.sort_order')
      .execute()
    out.push(...rows)
  }
  return out
}

export async function insertTask(db: Tx, row: Omit<TaskRow, 'id'>): Promise<number> {
  const r = await db.insertInto('supervision_tasks').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

/** Many tasks at once; ids come back with the (campaign, title) that tells them apart. */
export function insertTasks(db: Tx, rows: Omit<TaskRow, 'id'>[]) {
  return db.insertInto('supervision_tasks').values(rows).returning(['id', 'campaign_id', 'title']).execute()
}

export async function updateTaskVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<TaskRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('supervision_tasks')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Derived progress: not a user's edit, so the version stays. */
export function setTaskProgress(db: Tx, id: number, progressBp: number) {
  return db.updateTable('supervision_tasks').set({ progress_bp: progressBp }).where('id', '=', id).execute()
}

export async function replaceTaskUnits(
  db: Tx,
  taskId: number,
  leadUnitId: number,
  coUnitIds: readonly number[],
) {
  await db.deleteFrom('supervision_task_units').where('task_id', '=', taskId).execute()
  await insertTaskUnits(db, [{ taskId, leadUnitId, coUnitIds }])
}

export async function insertTaskUnits(
  db: Tx,
  tasks: readonly { taskId: number; leadUnitId: number; coUnitIds: readonly number[] }[],
) {
  const rows = tasks.flatMap((t) => [
    { task_id: t.taskId, org_unit_id: t.leadUnitId, role: 'lead', sort_order: 0 },
    ...t.coUnitIds.map((u, i) => ({ task_id: t.taskId, org_unit_id: u, role: 'co', sort_order: i + 1 })),
  ])
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('supervision_task_units')
      .values(rows.slice(i, i + 500))
      .execute()
}

export function liveChildren(db: Tx, parentId: number) {
  return db
    .selectFrom('supervision_tasks')
    .select(['id', 'title', 'status', 'weight', 'progress_bp'])
    .where('parent_id', '=', parentId)
    .where('voided_at', 'is', null)
    .orderBy('id')
    .execute()
}

/** The ancestors' ids of a task, nearest first (stops at a cycle, which the use cases prevent). */
export async function ancestorIds(db: Tx, id: number): Promise<number[]> {
  const out: number[] = []
  let next: number | null = id
  while (next !== null && !out.includes(next) && out.length < 100) {
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom('supervision_tasks')
      .select('parent_id')
      .where('id', '=', next)
      .executeTakeFirst()
    next = row?.parent_id ?? null
    if (next !== null) out.push(next)
  }
  return out
}

/** Live tasks of campaigns by title, for imports (matched against what the importer sees). */
export function tasksByCampaignTitle(db: Tx, actor: Actor, campaignIds: number[]) {
  if (campaignIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('supervision_tasks')
    .selectAll()
    .where('campaign_id', 'in', campaignIds)
    .where('voided_at', 'is', null)
    .where(taskVisibleTo(actor))
    .execute() as Promise<TaskRow[]>
}

// ---------------------------------------------------------------------------------------------
// Milestones, notes, extensions

export function liveMilestones(db: Tx, taskId: number) {
  return db
    .selectFrom('supervision_milestones')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('voided_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('id')
    .execute() as Promise<MilestoneRow[]>
}

export function findMilestone(db: Tx, id: number) {
  return db
    .selectFrom('supervision_milestones')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst() as Promise<MilestoneRow | undefined>
}

export async function insertMilestones(db: Tx, rows: Omit<MilestoneRow, 'id'>[]): Promise<number[]> {
  if (rows.length === 0) return []
  const r = await db.insertInto('supervision_milestones').values(rows).returning('id').execute()
  return r.map((x) => x.id)
}

export async function updateMilestoneVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<MilestoneRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('supervision_milestones')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function nextMilestoneOrder(db: Tx, taskId: number): Promise<number> {
  const r = await db
    .selectFrom('supervision_milestones')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('task_id', '=', taskId)
    .executeTakeFirst()
  return Number(r?.m ?? 0) + 1
}

export function liveNotes(db: Tx, taskId: number) {
  return db
    .selectFrom('supervision_progress_notes as n')
    .innerJoin('org_units as u', 'u.id', 'n.org_unit_id')
    .selectAll('n')
    .select('u.name as unit_name')
    .where('n.task_id', '=', taskId)
    .where('n.voided_at', 'is', null)
    .orderBy('n.on_date', 'desc')
    .orderBy('n.id', 'desc')
    .execute() as Promise<(NoteRow & { unit_name: string })[]>
}

export async function insertNote(db: Tx, row: Omit<NoteRow, 'id'>): Promise<number> {
  const r = await db
    .insertInto('supervision_progress_notes')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

/** One live progress note with the path of its unit (attachments check scope against it). */
export function findLiveNote(db: Tx, id: number) {
  return db
    .selectFrom('supervision_progress_notes as n')
    .innerJoin('org_units as u', 'u.id', 'n.org_unit_id')
    .select(['n.id', 'n.task_id', 'n.org_unit_id', 'u.path as unit_path'])
    .where('n.id', '=', id)
    .where('n.voided_at', 'is', null)
    .executeTakeFirst()
}

export async function latestNotePercent(db: Tx, taskId: number): Promise<number | null> {
  const r = await db
    .selectFrom('supervision_progress_notes')
    .select('percent')
    .where('task_id', '=', taskId)
    .where('voided_at', 'is', null)
    .where('percent', 'is not', null)
    .orderBy('on_date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return r?.percent ?? null
}

/** Note dates per unit of a task (recurring duties). */
export function noteDatesByUnit(db: Tx, taskId: number) {
  return db
    .selectFrom('supervision_progress_notes')
    .select(['org_unit_id', 'on_date'])
    .where('task_id', '=', taskId)
    .where('voided_at', 'is', null)
    .execute()
}

type ExtensionListRow = ExtensionRow & { task_title: string; unit_name: string | null }

function extensionsWithNames(db: Tx) {
  return db
    .selectFrom('supervision_extensions as e')
    .innerJoin('supervision_tasks', 'supervision_tasks.id', 'e.task_id')
    .leftJoin('org_units as eu', 'eu.id', 'e.org_unit_id')
    .selectAll('e')
    .select(['supervision_tasks.title as task_title', 'eu.name as unit_name'])
}

export function extensionsOfTask(db: Tx, taskId: number) {
  return extensionsWithNames(db).where('e.task_id', '=', taskId).orderBy('e.id', 'desc').execute() as Promise<
    ExtensionListRow[]
  >
}

export function findExtension(db: Tx, id: number) {
  return extensionsWithNames(db).where('e.id', '=', id).executeTakeFirst() as Promise<
    ExtensionListRow | undefined
  >
}

/** Extension requests of visible, live tasks, newest first. */
export function listExtensionRows(db: Tx, actor: Actor, status: string | undefined, limit: number) {
  let q = extensionsWithNames(db).where(taskVisibleTo(actor)).where('supervision_tasks.voided_at', 'is', null)
  if (status) q = q.where('e.status', '=', status)
  return q.orderBy('e.id', 'desc').limit(limit).execute() as Promise<ExtensionListRow[]>
}

export async function countPendingExtensions(db: Tx, actor: Actor): Promise<number> {
  const r = await db
    .selectFrom('supervision_extensions as e')
    .innerJoin('supervision_tasks', 'supervision_tasks.id', 'e.task_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('e.status', '=', 'pending')
    .where('supervision_tasks.voided_at', 'is', null)
    .where(taskVisibleTo(actor))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export async function pendingExtensionOf(db: Tx, taskId: number) {
  return db
    .selectFrom('supervision_extensions')
    .select('id')
    .where('task_id', '=', taskId)
    .where('status', '=', 'pending')
    .executeTakeFirst()
}

export async function insertExtension(db: Tx, row: Omit<ExtensionRow, 'id'>): Promise<number> {
  const r = await db
    .insertInto('supervision_extensions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return r.id
}

export async function updateExtensionVersioned(
  db: Tx,
  id: number,
  version: number,
  patch: Partial<Omit<ExtensionRow, 'id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('supervision_extensions')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** Cancels a task's pending request (the task was finished, cancelled or voided meanwhile). */
export function closePendingExtensions(db: Tx, taskId: number, at: string, why: string) {
  return db
    .updateTable('supervision_extensions')
    .set({ status: 'refused', decided_at: at, decided_by_name: '系统', decision_reason: why })
    .where('task_id', '=', taskId)
    .where('status', '=', 'pending')
    .execute()
}

// ---------------------------------------------------------------------------------------------
// Events

export function insertEvents(db: Tx, rows: Omit<EventRow, 'id'>[]) {
  if (rows.length === 0) return Promise.resolve()
  return (async () => {
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('supervision_task_events')
        .values(rows.slice(i, i + 500))
        .execute()
  })()
}

export function listEvents(db: Tx, taskId: number) {
  return db
    .selectFrom('supervision_task_events')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('id')
    .execute() as Promise<EventRow[]>
}

/** Events of visible tasks since an instant, of the given kinds, oldest first. */
export function eventsSince(db: Tx, actor: Actor, sinceIso: string, actions: string[], limit: number) {
  return db
    .selectFrom('supervision_task_events as ev')
    .innerJoin('supervision_tasks', 'supervision_tasks.id', 'ev.task_id')
    .selectAll('ev')
    .select('supervision_tasks.title as task_title')
    .where('ev.at', '>=', sinceIso)
    .where('ev.action', 'in', actions)
    .where('supervision_tasks.voided_at', 'is', null)
    .where(taskVisibleTo(actor))
    .orderBy('ev.at')
    .orderBy('ev.id')
    .limit(limit)
    .execute() as Promise<(EventRow & { task_title: string })[]>
}

// ---------------------------------------------------------------------------------------------
// Notices

export async function insertNotice(db: Tx, row: Omit<NoticeRow, 'id'>): Promise<number> {
  const r = await db.insertInto('supervision_notices').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

export async function nextNoticeNo(db: Tx, year: string): Promise<string> {
  const prefix = `督办〔${year}〕`
  const rows = await db
    .selectFrom('supervision_notices')
    .select('notice_no')
    .where('notice_no', 'like', `${prefix}%`)
    .execute()
  const last = rows.reduce((m, r) => Math.max(m, Number(r.notice_no.slice(prefix.length, -1)) || 0), 0)
  return `${prefix}${last + 1}号`
}

export function listNoticeRows(
  db: Tx,
  actor: Actor,
  f: { unitId?: number | undefined; id?: number | undefined },
  page: { limit: number; offset: number },
) {
  let q = db
    .selectFrom('supervision_notices as n')
    .innerJoin('org_units as nu', 'nu.id', 'n.org_unit_id')
    .where('nu.path', 'like', `${actor.scopePath}%`)
    .where('n.voided_at', 'is', null)
  if (f.unitId) q = q.where('n.org_unit_id', '=', f.unitId)
  if (f.id) q = q.where('n.id', '=', f.id)
  return q
    .selectAll('n')
    .select('nu.name as unit_name')
    .orderBy('n.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute() as Promise<(NoticeRow & { unit_name: string })[]>
}

export async function countNotices(db: Tx, actor: Actor, unitId: number | undefined) {
  let q = db
    .selectFrom('supervision_notices as n')
    .innerJoin('org_units as nu', 'nu.id', 'n.org_unit_id')
    .where('nu.path', 'like', `${actor.scopePath}%`)
    .where('n.voided_at', 'is', null)
  if (unitId) q = q.where('n.org_unit_id', '=', unitId)
  const r = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()
  return Number(r.n)
}

// ---------------------------------------------------------------------------------------------
// Figures

/** The few columns the figures need, for every live visible task (of a campaign). */
export function figureRows(db: Tx, actor: Actor, campaignId: number | undefined) {
  let q = db
    .selectFrom('supervision_tasks')
    .innerJoin('supervision_aspects as fa', 'fa.id', 'supervision_tasks.aspect_id')
    .innerJoin('org_units as fu', 'fu.id', 'supervision_tasks.lead_unit_id')
    .select([
      'supervision_tasks.id',
      'supervision_tasks.parent_id',
      'supervision_tasks.aspect_id',
      'supervision_tasks.status',
      'supervision_tasks.starts_on',
      'supervision_tasks.deadline',
      'supervision_tasks.done_on',
      'supervision_tasks.lead_unit_id',
      'fa.name as aspect_name',
      'fa.sort_order as aspect_order',
      'fu.name as unit_name',
    ])
    .where('supervision_tasks.voided_at', 'is', null)
    .where(taskVisibleTo(actor))
  if (campaignId) q = q.where('supervision_tasks.campaign_id', '=', campaignId)
  return q.orderBy('supervision_tasks.id').execute()
}

/** Deadline moves (edits before start, approved extensions) of the tasks `figureRows` reads, oldest first. */
export function deadlineMoveRows(db: Tx, actor: Actor, campaignId: number | undefined) {
  let q = db
    .selectFrom('supervision_task_events as ev')
    .innerJoin('supervision_tasks', 'supervision_tasks.id', 'ev.task_id')
    .select(['ev.task_id', 'ev.on_date', 'ev.detail_json'])
    .where('ev.action', '=', 'deadline')
    .where('supervision_tasks.voided_at', 'is', null)
    .where(taskVisibleTo(actor))
  if (campaignId) q = q.where('supervision_tasks.campaign_id', '=', campaignId)
  return q.orderBy('ev.on_date').orderBy('ev.id').execute()
}
