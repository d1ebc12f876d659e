/**
 * The demo petition cases: every stored deadline is the domain's, every timeline replays through
 * the state machine, nothing happens after today, the mix is plausible, personal data is sealed,
 * and the same seed gives the same cases.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../../domain/calendar/calendar.js'
import {
  type ActionInput,
  applyAction,
  checkAction,
  isClosed,
  nextStatus,
  type Status,
} from '../../../domain/petitions/lifecycle.js'
import { maskName } from '../../../domain/privacy/mask.js'
import { forEachDatabase, TEST_DEMO_PETITIONS } from '../../../tests/harness.js'
import type { Services } from '../../context.js'
import { loadDemo } from '../../demo/load.js'
import type { Runtime } from '../../runtime.js'
import { idNumberProblem } from '../../spreadsheet/parse-id.js'
import { workCalendar } from '../calendar/work-calendar.js'
import { DEMO_CAMPAIGN } from './demo.js'
import { caseDates, deadlinesOf, derived, todayInChina } from './derive.js'
import type { CaseRow } from './repository.js'

const COUNT = 1_500
const SEED = 7

const DATE_COLUMNS = [
  'received_on',
  'forwarded_on',
  'accepted_on',
  'replied_on',
  'review_requested_on',
  'review_decided_on',
  'rereview_requested_on',
  'rereview_decided_on',
  'closed_on',
  'visited_on',
] as const

async function allCases(s: Services): Promise<CaseRow[]> {
  return (await s.db.selectFrom('petition_cases').selectAll().orderBy('id').execute()) as CaseRow[]
}

forEachDatabase(
  'petition demo',
  (h) => {
    let rt: Runtime
    let cases: CaseRow[]
    let today: string

    beforeAll(async () => {
      rt = await h.freshRuntime({ startJobs: false })
      await loadDemo(rt.services, 'city', SEED, { petitions: COUNT })
      cases = await allCases(rt.services)
      today = todayInChina(rt.services.now())
    }, 120_000)

    it('loads the small test demo with the harness, and the requested count here', async () => {
      const n = await h.db
        .selectFrom('petition_cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(n.n)).toBe(TEST_DEMO_PETITIONS)
      expect(cases).toHaveLength(COUNT)
      expect(new Set(cases.map((c) => c.case_no)).size).toBe(COUNT)
      expect(cases.every((c) => /^XF20\d{2}\d{5}$/.test(c.case_no))).toBe(true)
      expect(cases.every((c) => c.case_no.slice(2, 6) === c.received_on.slice(0, 4))).toBe(true)
    })

    it('stores exactly the deadlines the domain computes', async () => {
      const cal = await workCalendar(rt.services.db)
      for (const c of cases) {
        expect({ case: c.case_no, ...derived(cal, c.status as Status, c) }).toEqual({
          case: c.case_no,
          notice_due: c.notice_due,
          handling_due: c.handling_due,
          current_stage: c.current_stage,
          current_due: c.current_due,
        })
      }
    })

    it('has nothing after today, from 2015 on, and every stage on or after the one before', () => {
      for (const c of cases) {
        expect(c.received_on >= '2015-01-01').toBe(true)
        for (const col of DATE_COLUMNS) {
          const v = c[col]
          if (v !== null) expect(v <= today, `${c.case_no} ${col} ${v}`).toBe(true)
        }
        const chain = [
          c.received_on,
          c.forwarded_on,
          c.accepted_on,
          c.replied_on,
          c.review_requested_on,
          c.review_decided_on,
          c.rereview_requested_on,
          c.rereview_decided_on,
        ].filter((d): d is string => d !== null)
        expect(chain, c.case_no).toEqual([...chain].sort())
        if (c.visited_on) expect(c.replied_on && c.visited_on >= c.replied_on, c.case_no).toBeTruthy()
        expect(c.closed_on === null, c.case_no).toBe(!isClosed(c.status as Status))
        if (c.replied_on) expect(c.closed_on).toBe(c.replied_on)
        expect(c.extension_days).toBeGreaterThanOrEqual(0)
        expect(c.extension_days).toBeLessThanOrEqual(30)
      }
    })

    it('has a timeline that replays through the state machine to the stored case', async () => {
      const cal = await workCalendar(rt.services.db)
      const events = await rt.services.db
        .selectFrom('petition_events')
        .selectAll()
        .orderBy('case_id')
        .orderBy('id')
        .execute()
      const byCase = new Map<number, typeof events>()
      for (const e of events) {
        const list = byCase.get(e.case_id) ?? []
        list.push(e)
        byCase.set(e.case_id, list)
      }
      for (const c of cases) {
        const [first, ...rest] = byCase.get(c.id) ?? []
        expect(first?.action, c.case_no).toBe('register')
        expect(first?.on_date).toBe(c.received_on)
        let status: Status = 'registered'
        let dates = caseDates({ ...c, ...nullDates(c) })
        let prev = c.received_on
        for (const e of rest) {
          expect(e.on_date >= prev && e.on_date <= today, `${c.case_no} ${e.action}`).toBe(true)
          prev = e.on_date
          const detail = JSON.parse(e.detail_json) as Record<string, unknown>
          const input = {
            action: e.action,
            on: e.on_date,
            ...(e.action === 'extend' ? { extensionDays: detail.days } : {}),
            ...(e.action === 'reply' ? { outcome: detail.outcome } : {}),
            ...(e.action === 'visit' ? { satisfaction: detail.satisfaction } : {}),
          } as ActionInput
          expect(checkAction(cal, status, dates, input), `${c.case_no} ${e.action} ${e.on_date}`).toBeNull()
          if (e.action === 'extend') {
            const due = deadlinesOf(cal, status, {
              ...c,
              accepted_on: dates.acceptedOn,
              extension_days: dates.extensionDays,
            }).handlingDue
            expect(due !== null && e.on_date <= due, `${c.case_no} extended late`).toBe(true)
          }
          status = nextStatus(status, input.action) as Status
          dates = applyAction(dates, input)
        }
        expect(status, c.case_no).toBe(c.status)
        expect(dates).toEqual(caseDates(c))
      }
    })

    it('has a plausible mix: mostly closed, some open, overdue, backlog, repeats', () => {
      const count = (f: (c: CaseRow) => boolean) => cases.filter(f).length
      const open = count((c) => c.closed_on === null)
      expect(open).toBeGreaterThan(COUNT * 0.03)
      expect(open).toBeLessThan(COUNT * 0.2)
      expect(count((c) => c.current_due !== null && c.current_due < today)).toBeGreaterThan(0)
      expect(count((c) => c.closed_on === null && c.received_on < addDays(today, -180))).toBeGreaterThan(0)
      for (const s of ['replied', 'final', 'not_accepted', 'handling', 'extended'])
        expect(
          count((c) => c.status === s),
          s,
        ).toBeGreaterThan(0)
      expect(count((c) => c.status === 'replied')).toBeGreaterThan(COUNT / 2)

      const accepted = cases.filter((c) => c.accepted_on !== null && c.notice_due !== null)
      const onTime = accepted.filter((c) => (c.accepted_on as string) <= (c.notice_due as string)).length
      expect(onTime / accepted.length).toBeGreaterThan(0.8)
      expect(onTime / accepted.length).toBeLessThan(0.97)

      const replied = cases.filter((c) => c.replied_on !== null)
      const visited = replied.filter((c) => c.satisfaction !== null).length
      expect(visited / replied.length).toBeGreaterThan(0.45)
      expect(visited / replied.length).toBeLessThan(0.75)

      const kinds = count((c) => c.kind === 'accusation') / COUNT
      expect(kinds).toBeGreaterThan(0.02)
      expect(kinds).toBeLessThan(0.1)
      expect(count((c) => c.kind === 'claim')).toBeGreaterThan(COUNT * 0.6)
      for (const ch of ['online', 'letter', 'phone', 'fax', 'visit'])
        expect(
          count((c) => c.channel === ch),
          ch,
        ).toBeGreaterThan(0)
      const groups = cases.filter((c) => c.group_size !== null)
      expect(groups.length).toBeGreaterThan(0)
      for (const g of groups) {
        expect(g.channel).toBe('visit')
        expect(g.group_size).toBeGreaterThanOrEqual(6)
        expect(g.group_size).toBeLessThanOrEqual(60)
        expect(g.people_count).toBeLessThanOrEqual(5)
      }
      const repeats = count((c) => c.duplicate_of !== null) / COUNT
      expect(repeats).toBeGreaterThan(0.01)
      expect(repeats).toBeLessThan(0.06)
    })

    it('places cases in counties, their schools and the responsible units', async () => {
      const units = await rt.services.db.selectFrom('org_units').select(['id', 'path', 'kind']).execute()
      const unit = new Map(units.map((u) => [u.id, u]))
      const counties = new Set<number>()
      for (const c of cases) {
        const county = unit.get(c.county_id ?? 0)
        const concerned = unit.get(c.org_unit_id)
        const responsible = unit.get(c.responsible_unit_id)
        expect(county?.kind).toBe('county')
        counties.add(c.county_id ?? 0)
        expect(concerned?.path.startsWith(county?.path ?? '?'), c.case_no).toBe(true)
        expect(c.scope_path).toBe(responsible?.path)
        const expectedKind = { city: 'city', county: 'county', school: concerned?.kind }[c.level]
        expect(responsible?.kind, c.case_no).toBe(expectedKind)
        if (c.level === 'school') expect(c.responsible_unit_id).toBe(c.org_unit_id)
        if (c.kind === 'accusation') {
          expect(c.accused_unit_id).toBe(c.org_unit_id)
          expect(c.accused_path).toBe(concerned?.path)
          // The accused never handles the accusation against it.
          expect(c.level).not.toBe('school')
        } else {
          expect(c.accused_unit_id).toBeNull()
        }
        expect(['张副局长', '李副局长', '王局长', '赵副局长']).toContain(c.responsible_leader)
        expect(c.region_leader).toMatch(/^.副(区长|县长|市长)$/)
      }
      expect(counties.size).toBe(10)
    })

    it('seals personal data and links repeats to the same person', async () => {
      const s = rt.services
      const people = await s.db.selectFrom('petition_people').selectAll().orderBy('id').execute()
      const byCase = new Map<number, typeof people>()
      for (const p of people) byCase.set(p.case_id, [...(byCase.get(p.case_id) ?? []), p])
      for (const c of cases) {
        const ps = byCase.get(c.id) ?? []
        expect(ps.length, c.case_no).toBe(c.people_count)
        expect(ps.map((p) => p.seq)).toEqual(ps.map((_, i) => i + 1))
        for (const p of ps) {
          expect(p.role).toBe(c.group_size ? 'representative' : 'petitioner')
          expect(p.name_enc?.startsWith('v1:')).toBe(true)
          const name = s.personal.decrypt(p.name_enc as string)
          expect(name).toMatch(/^\p{Script=Han}{2,3}$/u)
          expect(p.name_enc).not.toContain(name)
          expect(p.name_mask).toBe(maskName(name))
          if (p.id_enc) {
            const id = s.personal.decrypt(p.id_enc)
            expect(p.id_enc).not.toContain(id)
            expect(idNumberProblem(id, today), id).toBeNull()
            expect(p.id_hash).toBe(s.personal.lookupHash(`id:${id}`))
            expect(p.id_mask).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`)
          } else {
            expect(p.id_hash).toBeNull()
          }
          if (p.phone_enc) expect(s.personal.decrypt(p.phone_enc)).toMatch(/^1[3-9]\d{9}$/)
          if (p.address_enc) expect(s.personal.decrypt(p.address_enc)).toMatch(/^\p{Script=Han}/u)
        }
        expect(c.petitioner_mask).toBe(ps[0]?.name_mask)
      }
      const byId = new Map(cases.map((c) => [c.id, c]))
      for (const c of cases.filter((x) => x.duplicate_of !== null)) {
        const original = byId.get(c.duplicate_of as number)
        expect(original, c.case_no).toBeDefined()
        expect((original as CaseRow).id).toBeLessThan(c.id)
        expect((original as CaseRow).received_on <= c.received_on).toBe(true)
        const mine = byCase.get(c.id)?.[0]?.id_hash
        expect(mine).toBeTruthy()
        expect(byCase.get((original as CaseRow).id)?.[0]?.id_hash).toBe(mine)
      }
    })

    it('has the campaign with stock cases and plans that leave a category uncovered', async () => {
      const db = rt.services.db
      const campaign = await db.selectFrom('petition_campaigns').selectAll().executeTakeFirstOrThrow()
      expect(campaign).toMatchObject({ name: DEMO_CAMPAIGN.name, cutoff_on: '2023-04-01', goal: '减存控增' })
      const tagged = await db
        .selectFrom('petition_campaign_cases')
        .select('case_id')
        .where('campaign_id', '=', campaign.id)
        .execute()
      expect(tagged.length).toBeGreaterThan(20)
      expect(tagged.length).toBeLessThanOrEqual(200)
      const byId = new Map(cases.map((c) => [c.id, c]))
      for (const { case_id } of tagged) {
        const c = byId.get(case_id) as CaseRow
        expect(c.received_on < campaign.cutoff_on).toBe(true)
        expect(c.closed_on === null || c.closed_on >= campaign.cutoff_on).toBe(true)
      }
      const plans = await db.selectFrom('petition_plans').selectAll().execute()
      expect(plans.length).toBeGreaterThanOrEqual(2)
      expect(plans.length).toBeLessThanOrEqual(3)
      const planned = new Set(plans.map((p) => p.category_id))
      const openCategories = new Set(cases.filter((c) => c.closed_on === null).map((c) => c.category_id))
      expect([...openCategories].some((id) => !planned.has(id))).toBe(true)
    })

    describe('the same seed', () => {
      it('gives the same cases, statuses and people', async () => {
        const other = await h.freshRuntime({ startJobs: false })
        await loadDemo(other.services, 'city', SEED, { petitions: COUNT })
        const again = await allCases(other.services)
        const shape = (c: CaseRow) => [c.case_no, c.status, c.received_on, c.closed_on, c.current_due]
        expect(again.map(shape)).toEqual(cases.map(shape))
        const names = async (s: Services) =>
          (await s.db.selectFrom('petition_people').select('name_enc').orderBy('id').limit(50).execute()).map(
            (p) => s.personal.decrypt(p.name_enc as string),
          )
        expect(await names(other.services)).toEqual(await names(rt.services))
      }, 120_000)
    })
  },
  { demo: 'city', petitions: TEST_DEMO_PETITIONS, app: false, startJobs: false },
)

/** The dates a case starts with, before any action. */
function nullDates(c: CaseRow) {
  return {
    received_on: c.received_on,
    forwarded_on: null,
    accepted_on: null,
    extension_days: 0,
    replied_on: null,
    review_requested_on: null,
    review_decided_on: null,
    rereview_requested_on: null,
    rereview_decided_on: null,
  }
}
