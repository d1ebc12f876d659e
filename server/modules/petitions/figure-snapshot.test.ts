/**
 * The in-process snapshot against the SQL it replaces, on the city demo with 3,000 cases: the same
 * visible cases as `visibleTo` for several actors (accusations against the actor's unit and against
 * himself included), the same groups, repeats and monthly series for several cut-offs, as-of dates
 * and counties, and the same again after every kind of write (actions, void, a linked repeat,
 * import inserts and updates, a calendar change moving deadlines). The bookkeeping (transactions
 * committing out of id order, odd dates) is in figure-snapshot-sync.test.ts.
 */
import { randomBytes } from 'node:crypto'
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { addDays } from '../../../domain/calendar/calendar.js'
import { type Client, forEachDatabase, type Harness } from '../../../tests/harness.js'
import { type Actor, SYSTEM_ACTOR } from '../../context.js'
import type { Role } from '../../policies/roles.js'
import type { JobView } from '../jobs/schema.js'
import { figureSnapshot } from './figure-snapshot.js'
import { computeFigures, isVisible, type SnapshotFigures, visibilityFor } from './figure-snapshot-compute.js'
import type { FigureParams } from './figures-repository.js'
import { sqlFigures } from './figures-source.js'
import { visibleTo } from './repository.js'

const TODAY = '2026-11-27'

const params = (cutoff: string, asOf: string, countyId?: number): FigureParams => ({
  cutoff,
  asOf,
  today: TODAY,
  soon: addDays(TODAY, 7),
  backlogBefore: addDays(asOf, -180),
  countyId,
})
const monthsFrom = (asOf: string) => `${addDays(asOf, -730).slice(0, 7)}-01`

/** The SQL's months come in no promised order; the roll-up does not care, the comparison must not. */
function normalised(f: SnapshotFigures): SnapshotFigures {
  const byMonth = (a: { month: string }, b: { month: string }) => a.month.localeCompare(b.month)
  return {
    ...f,
    series: {
      received: [...f.series.received].sort(byMonth),
      resolved: [...f.series.resolved].sort(byMonth),
    },
  }
}

/** A small ledger as a county keeps it (the columns import.test.ts uses). */
async function ledger(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('台账')
  ws.addRow(['某区教育局信访台账'])
  ws.addRow([
    '案件编号',
    '登记日期',
    '信访形式',
    '姓名',
    '所属县（市、区）',
    '问题类别',
    '具体诉求',
    '办理状态',
    '办结日期',
  ])
  for (const r of rows) ws.addRow(r)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function runImport(h: Harness, c: Client, bytes: Buffer): Promise<JobView> {
  const b = `----edu-test-${randomBytes(8).toString('hex')}`
  const payload = Buffer.concat([
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="台账.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${b}--\r\n`),
  ])
  const res = await c.request({
    method: 'POST',
    url: '/api/petitions/import',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
  })
  expect(res.statusCode, res.body).toBe(202)
  await h.services.jobs.idle()
  const job = (await c.get(`/api/jobs/${(res.json() as { job: JobView }).job.id}`)).json() as JobView
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded')
  return job
}

async function actorOf(h: Harness, username: string): Promise<Actor> {
  const u = await h.db
    .selectFrom('users as u')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.org_unit_id', 'o.path'])
    .where('u.username', '=', username)
    .executeTakeFirstOrThrow()
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    orgUnitId: u.org_unit_id,
    scopePath: u.path,
  }
}

forEachDatabase(
  'figure snapshot against the SQL',
  (h) => {
    const actors: Actor[] = []
    let hepingId: number
    let office: Client
    /** Cases the accusation rule hides from someone whose scope holds them. */
    const hidden: { caseId: number; from: Actor; shownTo: Actor }[] = []

    async function expectSame(label: string, actor: Actor, p: FigureParams) {
      const cols = await figureSnapshot(h.db).sync(h.db)
      const ours = computeFigures(cols, actor, p, monthsFrom(p.asOf))
      const reference = await sqlFigures(h.db, actor, p, monthsFrom(p.asOf))
      expect(normalised(ours), `${label} as ${actor.username}`).toEqual(normalised(reference))
      return ours
    }

    async function expectAllSame(label: string) {
      const combos = [
        params('2026-01-01', TODAY),
        params('2023-04-01', '2025-06-30'),
        params('2020-01-01', '2019-12-31'),
        params('2025-01-01', TODAY, hepingId),
      ]
      for (const actor of actors) for (const p of combos) await expectSame(label, actor, p)
    }

    beforeAll(async () => {
      actors.push(SYSTEM_ACTOR)
      for (const name of ['leader', 'dept_gaojiao', 'county_heping', 'school_demo', 'expert_demo'])
        actors.push(await actorOf(h, name))
      const county = actors[3] as Actor
      hepingId = county.orgUnitId
      office = await h.loginAs('dept_gaojiao')
      // Written straight into the table before the snapshot first loads: an accusation against
      // the Heping bureau (its staff must not see it, the city must), and one against the county
      // user himself (the app never sets the accused user yet; the rule must hold when it does).
      const inHeping = await h.db
        .selectFrom('petition_cases')
        .select(['id', 'scope_path'])
        .where('scope_path', 'like', `${county.scopePath}%`)
        .where('voided_at', 'is', null)
        .orderBy('id')
        .limit(2)
        .execute()
      const [a, b] = inHeping
      if (!a || !b) throw new Error('no cases in Heping')
      await h.db
        .updateTable('petition_cases')
        .set({ kind: 'accusation', accused_path: county.scopePath, accused_unit_id: hepingId })
        .where('id', '=', a.id)
        .execute()
      await h.db
        .updateTable('petition_cases')
        .set({ kind: 'accusation', accused_path: null, accused_user_id: county.id })
        .where('id', '=', b.id)
        .execute()
      const leader = actors[1] as Actor
      // Someone else in the county bureau: sees the second, not the first.
      const colleague = { ...county, id: county.id + 100_000, username: 'colleague' }
      actors.push(colleague)
      hidden.push({ caseId: a.id, from: county, shownTo: leader })
      hidden.push({ caseId: a.id, from: colleague, shownTo: leader })
      hidden.push({ caseId: b.id, from: county, shownTo: colleague })
    })

    it('sees exactly the cases visibleTo lets each actor see', async () => {
      const cols = await figureSnapshot(h.db).sync(h.db)
      expect(cols.count).toBeGreaterThan(2900)
      for (const actor of actors) {
        const v = visibilityFor(cols, actor)
        const ours: number[] = []
        for (let i = 0; i < cols.end; i++) if (isVisible(cols, v, i)) ours.push(i)
        const rows = await h.db
          .selectFrom('petition_cases')
          .select('id')
          .where(visibleTo(actor))
          .where('voided_at', 'is', null)
          .orderBy('id')
          .execute()
        expect(ours, actor.username).toEqual(rows.map((r) => r.id))
      }
      for (const x of hidden) {
        const seen = (actor: Actor) => isVisible(cols, visibilityFor(cols, actor), x.caseId)
        expect(seen(x.from), `${x.caseId} hidden from ${x.from.username}`).toBe(false)
        expect(seen(x.shownTo), `${x.caseId} shown to ${x.shownTo.username}`).toBe(true)
      }
    })

    it('computes the same groups, repeats and monthly series as the SQL', async () => {
      await expectAllSame('as loaded')
      const f = await expectSame('sanity', actors[0] as Actor, params('2026-01-01', TODAY))
      expect(f.groups.length).toBeGreaterThan(20)
      expect(f.repeats).toBeGreaterThan(0)
      expect(f.series.received.length).toBeGreaterThan(20)
    })

    it('agrees again after actions, a void and a linked repeat, without loading afresh', async () => {
      const snap = figureSnapshot(h.db)
      const loads = snap.loads
      const pick = (status: string) =>
        h.db
          .selectFrom('petition_cases')
          .select(['id', 'version'])
          .where('status', '=', status)
          .where('voided_at', 'is', null)
          .where('duplicate_of', 'is', null)
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow()
      const act = async (c: { id: number; version: number }, body: Record<string, unknown>) => {
        const r = await office.post(`/api/petitions/cases/${c.id}/actions`, {
          version: c.version,
          on: TODAY,
          ...body,
        })
        expect(r.statusCode, r.body).toBe(200)
      }
      await act(await pick('registered'), { action: 'accept' })
      await act(await pick('handling'), { action: 'reply', outcome: 'supported' })
      await act(await pick('replied'), { action: 'visit', satisfaction: 'basic' })
      const gone = await pick('handling')
      const v = await office.post(`/api/petitions/cases/${gone.id}/void`, {
        version: gone.version,
        reason: '重复登记',
      })
      expect(v.statusCode, v.body).toBe(200)
      const first = await h.db
        .selectFrom('petition_cases')
        .selectAll()
        .where('county_id', '=', hepingId)
        .where('voided_at', 'is', null)
        .where('duplicate_of', 'is', null)
        .where('kind', '!=', 'accusation')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
      const again = await office.post('/api/petitions/cases', {
        receivedOn: TODAY,
        channel: 'letter',
        kind: 'claim',
        petitioners: [{ name: '王重复' }],
        categoryId: first.category_id,
        demandId: first.demand_id,
        orgUnitId: first.org_unit_id,
        level: first.level,
        responsibleUnitId: first.responsible_unit_id,
        duplicateOf: first.id,
      })
      expect(again.statusCode, again.body).toBe(201)
      await expectAllSame('after writes')
      expect(snap.loads).toBe(loads)
      const cols = await snap.sync(h.db)
      expect(isVisible(cols, visibilityFor(cols, actors[0] as Actor), gone.id)).toBe(false)
    })

    it('agrees again after a calendar change moves open deadlines', async () => {
      const admin = await h.admin()
      const before = await h.db
        .selectFrom('petition_events')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
      const r = await admin.post('/api/calendar/overrides', {
        date: '2026-12-02',
        kind: 'holiday',
        name: '测试假日',
      })
      expect(r.statusCode, r.body).toBe(200)
      const moved = await h.db
        .selectFrom('petition_events')
        .select(sql<number>`count(*)`.as('n'))
        .where('action', '=', 'deadline_recomputed')
        .executeTakeFirstOrThrow()
      expect(Number(moved.n)).toBeGreaterThan(0)
      expect(Number(before.n)).toBeGreaterThan(0)
      await expectAllSame('after a calendar change')
    })

    it('agrees again after an import inserts cases and after one updates them (no event: loads afresh)', async () => {
      const snap = figureSnapshot(h.db)
      const loads = snap.loads
      const rows = [
        ['SNAP-1', '2026-03-02', '来信', '甲', '和平区', '教师待遇类', '工资待遇落实', '办理中', ''],
        [
          'SNAP-2',
          '2026-04-01',
          '来访',
          '乙',
          '和平区',
          '教师待遇类',
          '工资待遇落实',
          '已办结',
          '2026-05-06',
        ],
      ]
      const inserted = await runImport(h, office, await ledger(rows))
      expect(inserted.result).toMatchObject({ created: 2 })
      await expectAllSame('after an import inserting')
      expect(snap.loads).toBe(loads)

      const f0 = (await office.get('/api/petitions/figures?cutoff=2026-01-01')).json()
      const closed = [...rows]
      closed[0] = [
        'SNAP-1',
        '2026-03-02',
        '来信',
        '甲',
        '和平区',
        '教师待遇类',
        '工资待遇落实',
        '已办结',
        '2026-06-01',
      ]
      const updated = await runImport(h, office, await ledger(closed))
      expect(updated.result).toMatchObject({ created: 0, updated: 1 })
      await expectAllSame('after an import updating')
      // The updated case has an import_update event: refreshed by id, no full reload.
      expect(snap.loads).toBe(loads)
      // The figures' result cache sees it too (its stamp is the newest event id).
      const f1 = (await office.get('/api/petitions/figures?cutoff=2026-01-01')).json()
      expect(f1.openNow).toBe(f0.openNow - 1)
    })
  },
  { demo: 'city', petitions: 3000 },
)
