/**
 * Definitions, form entry, submissions and approval, completeness, and the demo's figures, on the
 * city demo: 和平区's county bureau submits, 高等教育处's department user approves.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { type Client, DEMO_PASSWORD, errorOf, forEachDatabase } from '../../../tests/harness.js'
import { aggregateLedger, checkAggregate, ledgerChangedAt, listLedgerDefinitions } from './aggregate.js'
import { BUILTIN_LEDGERS } from './builtin.js'
import { ledgerCompleteness } from './completeness.js'

forEachDatabase(
  'statistics ledgers',
  (h) => {
    let admin: Client
    let county: Client
    let office: Client
    let heping: { id: number; path: string }
    beforeAll(async () => {
      admin = await h.admin()
      county = await h.loginAs('county_heping', DEMO_PASSWORD)
      office = await h.loginAs('dept_gaojiao', DEMO_PASSWORD)
      heping = await h.unitByName('和平区')
    })

    const ledger = {
      key: 'school_sports',
      nameZh: '学校体育场地',
      nameEn: 'School sports grounds',
      periodKind: 'year',
      keyColumns: ['school'],
      orgColumn: 'school',
      dueDays: 10,
      submitterKinds: ['county'],
      columns: [
        { key: 'school', labelZh: '学校', labelEn: 'School', type: 'org', required: true },
        { key: 'area', labelZh: '运动场面积', labelEn: 'Area', type: 'decimal', required: true },
        {
          key: 'grade',
          labelZh: '达标等级',
          labelEn: 'Grade',
          type: 'enum',
          options: [
            { value: 'a', labelZh: '优秀', labelEn: 'Excellent' },
            { value: 'b', labelZh: '合格', labelEn: 'Pass' },
          ],
        },
        { key: 'funds', labelZh: '投入资金', labelEn: 'Funds', type: 'money' },
      ],
    }

    it('seeds every built-in ledger once, with its columns', async () => {
      const defs = await listLedgerDefinitions(h.db)
      expect(defs.map((d) => d.key)).toEqual(expect.arrayContaining(BUILTIN_LEDGERS.map((b) => b.key)))
      const tech = defs.find((d) => d.key === 'tech_transfer')
      expect(tech?.columns.find((c) => c.key === 'amount')).toMatchObject({
        labelZh: '合同金额',
        type: 'money',
      })
    })

    it('the demo fills every built-in ledger for last year and this year, approved', async () => {
      for (const b of BUILTIN_LEDGERS) {
        const all = await aggregateLedger(h.db, {
          ledger: b.key,
          fn: 'count',
          from: '1900-01-01',
          to: '2026-12-31',
          scopePath: '/',
        })
        expect(all.value, b.key).toBeGreaterThan(0)
      }
      const year = (y: number) =>
        aggregateLedger(h.db, {
          ledger: 'tech_transfer',
          fn: 'sum',
          column: 'amount',
          from: `${y}-01-01`,
          to: `${y}-12-31`,
          scopePath: '/',
        })
      expect((await year(2025)).rows).toBeGreaterThan(0)
      expect((await year(2026)).rows).toBeGreaterThan(0)
      // Scope: 和平区's subtree holds its own migrant-children rows only (two school types).
      const mine = await aggregateLedger(h.db, {
        ledger: 'migrant_children',
        fn: 'count',
        from: '2026-01-01',
        to: '2026-12-31',
        scopePath: heping.path,
      })
      expect(mine.value).toBe(2)
    })

    it('shows how a derived column is computed, so an edit can send the rule back', async () => {
      const d = (await admin.get('/api/statistics/ledgers/tech_transfer')).json() as {
        columns: { key: string; derived: boolean; derive?: unknown }[]
      }
      // The demo names an owning department for each built-in ledger.
      const owner = (
        await admin.get(`/api/org-units/${(d as unknown as { ownerUnitId: number }).ownerUnitId}`)
      ).json()
      expect(owner).toMatchObject({ name: '科技处', kind: 'department' })
      const inCity = d.columns.find((c) => c.derived)
      expect(inCity?.derive).toEqual({ rule: 'in_city', from: 'buyer_location' })
      expect(d.columns.filter((c) => !c.derived).every((c) => c.derive === undefined)).toBe(true)
    })

    it('an admin defines a ledger; a bad definition names its fields', async () => {
      const bad = await admin.post('/api/statistics/ledgers', {
        ...ledger,
        key: 'bad_one',
        keyColumns: ['grade'],
        orgColumn: 'area',
      })
      expect(bad.statusCode).toBe(400)
      expect(
        errorOf(bad)
          .fields?.map((f) => f.field)
          .sort(),
      ).toEqual(['keyColumns.0', 'orgColumn'])
      const res = await admin.post('/api/statistics/ledgers', ledger)
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json().columns.map((c: { key: string }) => c.key)).toEqual([
        'school',
        'area',
        'grade',
        'funds',
      ])
      expect((await county.post('/api/statistics/ledgers', { ...ledger, key: 'x_y' })).statusCode).toBe(403)
    })

    it('form entry checks every value and names the field', async () => {
      const school = await h.buildSchool({ countyId: heping.id })
      const shenhe = await h.unitByName('沈河区')
      const other = await h.buildSchool({ countyId: shenhe.id })
      const bad = await county.post('/api/statistics/ledgers/school_sports/rows', {
        period: '2026',
        values: { school: other.id, area: 'much', grade: '很好', funds: 12.5, extra: 1 },
      })
      expect(bad.statusCode).toBe(400)
      expect(
        errorOf(bad)
          .fields?.map((f) => f.field)
          .sort(),
      ).toEqual(['values.area', 'values.extra', 'values.funds', 'values.grade'])
      const outside = await county.post('/api/statistics/ledgers/school_sports/rows', {
        period: '2026',
        values: { school: other.id, area: 1 },
      })
      expect(errorOf(outside).fields?.[0]).toMatchObject({ field: 'values.school' })
      const noPeriod = await county.post('/api/statistics/ledgers/school_sports/rows', {
        values: { school: school.id, area: 1 },
      })
      expect(errorOf(noPeriod).fields?.[0]?.field).toBe('period')
      const ok = await county.post('/api/statistics/ledgers/school_sports/rows', {
        period: '2026',
        values: { school: school.id, area: 5200.5, grade: '优秀', funds: 1_250_000 },
      })
      expect(ok.statusCode, ok.body).toBe(201)
      expect(ok.json()).toMatchObject({
        status: 'draft',
        values: { grade: 'a', funds: 1_250_000, area: 5200.5 },
      })
      const again = await county.post('/api/statistics/ledgers/school_sports/rows', {
        period: '2026',
        values: { school: school.id, area: 1 },
      })
      expect(again.statusCode).toBe(400)
      expect(errorOf(again).fields?.[0]?.field).toBe('values.school')
      // A stale version is 409; a good one updates.
      const row = ok.json() as { id: number; version: number }
      const stale = await county.patch(`/api/statistics/ledgers/school_sports/rows/${row.id}`, {
        version: 9,
        values: { area: 6000 },
      })
      expect(stale.statusCode).toBe(409)
      const upd = await county.patch(`/api/statistics/ledgers/school_sports/rows/${row.id}`, {
        version: row.version,
        values: { area: 6000 },
      })
      expect(upd.json()).toMatchObject({ version: 2, values: { area: 6000, grade: 'a' } })
    })

    it('rows count only once approved; a return needs a reason and reopens them', async () => {
      const q = {
        ledger: 'school_sports',
        fn: 'sum' as const,
        column: 'area',
        from: '2026-01-01',
        to: '2026-12-31',
        scopePath: '/',
      }
      expect(await aggregateLedger(h.db, q)).toEqual({ value: 0, rows: 0 })
      const subs = (await county.get('/api/statistics/ledgers/school_sports/submissions')).json().items as {
        id: number
        version: number
        status: string
        rows: number
      }[]
      expect(subs).toHaveLength(1)
      const sub = subs[0] as { id: number; version: number }
      const submitted = await county.post(
        `/api/statistics/ledgers/school_sports/submissions/${sub.id}/submit`,
        { version: sub.version },
      )
      expect(submitted.json()).toMatchObject({ status: 'submitted', firstSubmittedOn: '2026-11-27', rows: 1 })
      // Locked for the county while with the approver.
      const rows = (await county.get('/api/statistics/ledgers/school_sports/rows')).json().items as {
        id: number
        version: number
      }[]
      const locked = await county.patch(`/api/statistics/ledgers/school_sports/rows/${rows[0]?.id}`, {
        version: rows[0]?.version,
        values: { area: 1 },
      })
      expect(locked.statusCode).toBe(409)
      expect(
        (
          await county.post(`/api/statistics/ledgers/school_sports/submissions/${sub.id}/approve`, {
            version: 2,
          })
        ).statusCode,
      ).toBe(403)
      const noReason = await office.post(
        `/api/statistics/ledgers/school_sports/submissions/${sub.id}/return`,
        { version: 2 },
      )
      expect(noReason.statusCode).toBe(400)
      const returned = await office.post(
        `/api/statistics/ledgers/school_sports/submissions/${sub.id}/return`,
        { version: 2, reason: '面积有误' },
      )
      expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '面积有误' })
      const resubmitted = await county.post(
        `/api/statistics/ledgers/school_sports/submissions/${sub.id}/submit`,
        { version: 3 },
      )
      expect(resubmitted.json()).toMatchObject({ status: 'submitted', firstSubmittedOn: '2026-11-27' })
      const before = await ledgerChangedAt(h.db, 'school_sports')
      h.clock.advance(60_000)
      const approved = await office.post(
        `/api/statistics/ledgers/school_sports/submissions/${sub.id}/approve`,
        { version: 4 },
      )
      expect(approved.json()).toMatchObject({ status: 'approved' })
      expect(await ledgerChangedAt(h.db, 'school_sports')).not.toBe(before)
      expect(await aggregateLedger(h.db, q)).toEqual({ value: 6000, rows: 1 })
    })

    it('completeness: expected counties, approved ones, and whether they came by the due date', async () => {
      const c = await ledgerCompleteness(h.db, 'school_sports', '2026', '/')
      expect(c.dueOn).toBe('2027-01-10')
      expect(c.expected).toBe(10)
      expect(c.approved).toBe(1)
      expect(c.onTime).toBe(1)
      expect(c.completeness).toBe(10)
      expect(c.units.find((u) => u.orgUnitId === heping.id)).toMatchObject({
        status: 'approved',
        onTime: true,
      })
      const res = await county.get('/api/statistics/ledgers/school_sports/completeness?period=2026')
      expect(res.json()).toMatchObject({ expected: 1, approved: 1 })
    })

    it('checkAggregate names what is wrong with an indicator definition', async () => {
      expect(await checkAggregate(h.db, { ledger: 'tech_transfer', fn: 'sum', column: 'amount' })).toEqual([])
      const p = await checkAggregate(h.db, {
        ledger: 'tech_transfer',
        fn: 'sum',
        column: 'university',
        filters: [
          { column: 'kind', op: 'eq', value: '赠与' },
          { column: 'nope', op: 'eq', value: 1 },
        ],
      })
      expect(p.map((x) => [x.field, x.key])).toEqual([
        ['fn', 'stats_fn_type'],
        ['filters.0.value', 'stats_filter_value'],
        ['filters.1.column', 'stats_unknown_column'],
      ])
      expect((await checkAggregate(h.db, { ledger: 'nope', fn: 'count' }))[0]?.key).toBe(
        'stats_unknown_ledger',
      )
    })

    describe('definitions keep their slots', () => {
      it('a column with data is renamed but not retyped; a column dropped keeps its slot', async () => {
        const cur = (await admin.get('/api/statistics/ledgers/school_sports')).json()
        const columns = ledger.columns.map((c) => (c.key === 'area' ? { ...c, type: 'percent' } : c))
        const retype = await admin.patch('/api/statistics/ledgers/school_sports', {
          ...ledger,
          key: undefined,
          version: cur.version,
          columns,
        })
        expect(retype.statusCode).toBe(400)
        expect(errorOf(retype).fields?.[0]?.field).toBe('columns.1.type')
        const renamed = ledger.columns
          .filter((c) => c.key !== 'funds')
          .map((c) => (c.key === 'area' ? { ...c, labelZh: '运动场地面积' } : c))
        const { key: _k, ...fields } = ledger
        const ok = await admin.patch('/api/statistics/ledgers/school_sports', {
          ...fields,
          version: cur.version,
          columns: renamed,
        })
        expect(ok.statusCode, ok.body).toBe(200)
        expect(ok.json().columns.map((c: { labelZh: string }) => c.labelZh)).toEqual([
          '学校',
          '运动场地面积',
          '达标等级',
        ])
        expect(
          await aggregateLedger(h.db, {
            ledger: 'school_sports',
            fn: 'sum',
            column: 'area',
            from: '2026-01-01',
            to: '2026-12-31',
            scopePath: '/',
          }),
        ).toEqual({ value: 6000, rows: 1 })
      })
    })
  },
  { demo: 'city' },
)
