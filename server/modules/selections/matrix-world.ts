/**
 * Fixtures for the selections rows of `server/policies/matrix.test.ts` (see MATRIX.md), made
 * through this module's use cases acting as the city demo's own users (dept_gaojiao, leader,
 * school_demo, expert_demo), so every fixture passes the same checks as the API. Test-only.
 */
import type { Actor, Ctx, Services } from '../../context.js'
import { findRoot } from '../org/repository.js'
import { createUser } from '../users/manage-users.js'
import { writeApplication } from './applications.js'
import { assignByHand } from './assign.js'
import { writeExpert } from './experts.js'
import { lodgeObjection } from './objections.js'
import { actOnProgramme } from './programme-actions.js'
import { writeProgramme } from './programmes.js'
import { findProgramme, liveAssignments } from './repository.js'
import { saveScores, submitReview } from './reviews.js'
import { writeRubric } from './rubrics.js'

export interface SelectionsWorld {
  selRubric: number
  /** Open, with a school_demo draft application (`selApplication`). */
  selOpen: number
  selApplication: number
  /** Under public notice (published today): objections are accepted. */
  selNotice: number
  /** The demo's final innovation-college programme (exports). */
  selFinal: number
  /** expert_demo's pool entry and one assignment of his (unsubmitted). */
  selExpertDemo: number
  selReview: number
  freshSelRubric(): Promise<{ id: number; version: number }>
  freshSelDraft(): Promise<{ id: number; version: number }>
  /** An open programme nobody applied to. */
  freshSelOpen(): Promise<number>
  /** A draft application of school_demo's (no materials required). */
  freshSelApplication(): Promise<{ id: number; version: number }>
  /** A reviewing programme (one submitted application, no experts yet). */
  freshSelReviewing(): Promise<{ id: number; version: number; applicationId: number }>
  /** A live assignment of expert_demo's: its id, version; `scored` saves every leaf first. */
  freshSelAssignment(scored?: boolean): Promise<{ id: number; version: number }>
  freshSelExpert(): Promise<{ id: number; version: number }>
  freshSelUser(): Promise<number>
  freshSelObjection(): Promise<{ id: number; version: number }>
}

async function actorOf(s: Services, username: string): Promise<Ctx> {
  const u = await s.db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.org_unit_id', 'o.path'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow()
  const actor: Actor = {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Actor['role'],
    orgUnitId: u.org_unit_id,
    scopePath: u.path,
  }
  return { ...s, actor, locale: 'zh-CN' }
}

let n = 0
export async function selectionsWorld(s: Services): Promise<SelectionsWorld> {
  const dept = await actorOf(s, 'dept_gaojiao')
  const leader = await actorOf(s, 'leader')
  const school = await actorOf(s, 'school_demo')
  const expert = await actorOf(s, 'expert_demo')
  const criteria = [{ key: 'overall', title: '综合评价', weight: 100, maxScore: 100 }]
  const rubric = () =>
    s.db
      .transaction()
      .execute((trx) =>
        writeRubric(
          trx,
          dept,
          { name: '矩阵细则', total: 100, criteria, note: '', ownerUnitId: dept.actor.orgUnitId },
          null,
        ),
      )
  const selRubric = await rubric()
  const draft = () =>
    s.db.transaction().execute((trx) =>
      writeProgramme(trx, dept, {
        name: `矩阵遴选${++n}`,
        kind: 'selection',
        batch: '首批',
        description: '',
        quota: 1,
        eligibleKinds: ['school', 'county', 'university'],
        opensOn: '2026-11-01',
        closesOn: '2026-12-10',
        materials: [],
        rubricId: selRubric,
        expertsPerApplication: 1,
        aggregation: 'mean',
        dispersionMargin: 15,
        blind: false,
        noticeDays: 5,
      }),
    )
  const version = async (id: number) => (await findProgramme(s.db, id))?.version ?? 1
  const act = async (ctx: Ctx, id: number, action: 'open' | 'close' | 'decide' | 'approve' | 'publish') =>
    actOnProgramme(ctx, id, { version: await version(id), action })
  const open = async () => {
    const id = await draft()
    await act(dept, id, 'open')
    return id
  }
  const application = async (programmeId: number) => {
    const p = await findProgramme(s.db, programmeId)
    if (!p) throw new Error('no programme')
    const id = await s.db
      .transaction()
      .execute((trx) =>
        writeApplication(trx, school, p, { title: '矩阵申报', field: '创新创业', summary: '', form: {} }),
      )
    return { id, version: 1 }
  }
  const reviewing = async () => {
    const id = await open()
    const a = await application(id)
    await s.db
      .updateTable('selection_applications')
      .set({ status: 'submitted' })
      .where('id', '=', a.id)
      .execute()
    await act(dept, id, 'close')
    return { id, version: await version(id), applicationId: a.id }
  }
  const pool = await s.db
    .selectFrom('selection_experts')
    .select('id')
    .where('user_id', '=', expert.actor.id)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow()
  const assignment = async (scored = false) => {
    const r = await reviewing()
    await assignByHand(dept, r.applicationId, pool.id)
    const mine = (await liveAssignments(s.db, { applicationId: r.applicationId }))[0]
    if (!mine) throw new Error('no assignment')
    if (!scored) return { id: mine.id, version: mine.version }
    const saved = await saveScores(expert, mine.id, {
      version: mine.version,
      scores: { overall: 90 },
      comments: {},
    })
    return { id: mine.id, version: saved.version }
  }
  const selOpen = await open()
  const selApplication = (await application(selOpen)).id
  // A programme taken to its public notice, published today.
  const noticed = await assignment(true)
  const noticeId = (
    await s.db
      .selectFrom('selection_assignments')
      .select('programme_id')
      .where('id', '=', noticed.id)
      .executeTakeFirstOrThrow()
  ).programme_id
  await submitReview(expert, noticed.id, noticed.version)
  await act(dept, noticeId, 'decide')
  await act(leader, noticeId, 'approve')
  await act(dept, noticeId, 'publish')
  const final = await s.db
    .selectFrom('selection_programmes')
    .select('id')
    .where('source', '=', 'demo')
    .where('status', '=', 'final')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  const root = await findRoot(s.db)
  const freshSelUser = async () =>
    (
      await createUser(
        { ...s, actor: { ...dept.actor, role: 'admin', scopePath: root?.path ?? '/' }, locale: 'zh-CN' },
        {
          username: `m_expert_${Date.now() % 100000}${++n}`,
          displayName: '矩阵专家',
          role: 'expert',
          orgUnitId: dept.actor.orgUnitId,
          password: 'Passw0rd2026',
        },
      )
    ).id
  return {
    selRubric,
    selOpen,
    selApplication,
    selNotice: noticeId,
    selFinal: final.id,
    selExpertDemo: pool.id,
    selReview: (await assignment()).id,
    freshSelRubric: async () => ({ id: await rubric(), version: 1 }),
    freshSelDraft: async () => ({ id: await draft(), version: 1 }),
    freshSelOpen: open,
    freshSelApplication: async () => application(await open()),
    freshSelReviewing: reviewing,
    freshSelAssignment: assignment,
    freshSelExpert: async () => {
      const userId = await freshSelUser()
      const id = await s.db.transaction().execute((trx) =>
        writeExpert(trx, dept, {
          userId,
          name: '矩阵专家',
          unitName: '',
          title: '',
          fields: ['创新创业'],
          conflictUnitIds: [],
          note: '',
        }),
      )
      return { id, version: 1 }
    },
    freshSelUser,
    freshSelObjection: async () => {
      const v = await lodgeObjection(school, noticeId, { text: '矩阵异议' })
      const o = v.objections[v.objections.length - 1]
      if (!o) throw new Error('no objection')
      return { id: o.id, version: o.version }
    },
  }
}
