/**
 * The indicator registry end to end: the technology-transfer fixture imported into its ledger,
 * then read through the built-in indicators with 同比 (expected.json's deltas), an expression (the
 * in-city share), a manual national benchmark and the difference in percentage points, a target
 * reached early, the cache following a data change, and definitions refused when they name what
 * does not exist or would loop.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, expect, it } from 'vitest'
import { type Client, errorOf, forEachDatabase } from '../../../tests/harness.js'
import { importLedger } from '../statistics/testing.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const FIXTURE = readFileSync(path.join(ROOT, 'tests/fixtures/科技成果转化统计表.xlsx'))
const EXPECTED = JSON.parse(
  readFileSync(path.join(ROOT, 'tests/fixtures/expected.json'), 'utf8'),
).techTransfer

interface FigureView {
  figure: { value: number | null; cached: boolean; changedAt: string | null; rows: number | null }
  comparisons: {
    yoy?: { figure: { value: number | null }; comparison: { delta: number | null; direction: string } }
  }
  target: { attained: boolean; attainedEarly: boolean; light: string; attainmentPct: number } | null
  trail: { period: { label: string }; value: number | null }[]
}

forEachDatabase('indicator registry', (h) => {
  let office: Client
  let county: Client
  let cityId = 0
  let countyId = 0
  const figure = async (c: Client, key: string, query: string) => {
    const res = await c.get(`/api/indicators/${key}/figure?${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as FigureView
  }

  beforeAll(async () => {
    const city = await h.buildCity({ name: '示例市' })
    const heping = await h.buildCounty({ parentId: city.id, name: '和平区' })
    cityId = city.id
    countyId = heping.id
    const u = await h.buildUser({ role: 'department', orgUnitId: city.id })
    office = await h.loginAs(u.username, u.password)
    const cu = await h.buildUser({ role: 'county', orgUnitId: heping.id })
    county = await h.loginAs(cu.username, cu.password)
    const job = await importLedger(h, office, 'tech_transfer', '科技成果转化统计表.xlsx', FIXTURE)
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded')
  })

  it('lists module and built-in indicators, each once', async () => {
    const res = await office.get('/api/indicators')
    const items = (res.json() as { items: { key: string; source: string }[] }).items
    const keys = items.map((i) => i.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(items.find((i) => i.key === 'stats.tech_transfer_contracts')?.source).toBe('aggregate')
    expect(items.find((i) => i.key === 'petitions.received')?.source).toBe('module')
  })

  it('gives expected.json through the registry, with 同比 deltas and a sparkline', async () => {
    const c = await figure(
      office,
      'stats.tech_transfer_contracts',
      `period=2023&orgUnitId=${cityId}&compare=yoy&trail=1`,
    )
    expect(c.figure.value).toBe(EXPECTED['2023'].contracts)
    expect(c.comparisons.yoy?.figure.value).toBe(EXPECTED['2022'].contracts)
    expect(c.comparisons.yoy?.comparison).toMatchObject({
      delta: EXPECTED.yoy.contracts_delta,
      direction: 'up',
    })
    expect(c.trail).toEqual([
      { period: expect.objectContaining({ label: '2022' }), value: EXPECTED['2022'].contracts },
    ])
    const a = await figure(
      office,
      'stats.tech_transfer_amount',
      `period=2023&orgUnitId=${cityId}&compare=yoy`,
    )
    expect(a.figure.value).toBe(EXPECTED['2023'].amount_yuan * 100)
    const deltaYi = Math.round((a.comparisons.yoy?.comparison.delta ?? 0) / 1e8) / 100
    expect(deltaYi).toBe(EXPECTED.yoy.amount_delta_yi)
    expect(a.comparisons.yoy?.comparison.direction).toBe('down')
    // The expression: in-city value ÷ value × 100, from the same rows.
    const share = await figure(office, 'stats.tech_transfer_in_city_share', `period=2023&orgUnitId=${cityId}`)
    expect(share.figure.value).toBeCloseTo(
      ((EXPECTED['2023'].in_city_amount_yi * 1e8) / EXPECTED['2023'].amount_yuan) * 100,
      0,
    )
  })

  it('a national benchmark entered once applies below, and the difference is in points', async () => {
    const put = await office.put('/api/indicators/stats.migrant_public_share_national/values', {
      orgUnitId: cityId,
      period: '2023',
      value: 84.5,
      source: '全国教育事业发展统计公报',
    })
    expect(put.statusCode, put.body).toBe(200)
    const atCounty = await figure(county, 'stats.migrant_public_share_national', 'period=2023')
    expect(atCounty.figure.value).toBe(84.5)
    // A computed indicator takes no hand-entered value.
    const refused = await office.put('/api/indicators/stats.job_fairs/values', {
      orgUnitId: cityId,
      period: '2023',
      value: 3,
    })
    expect(refused.statusCode).toBe(400)
    expect(errorOf(refused).fields?.[0]).toMatchObject({ field: 'value' })
  })

  it('a target reached before the year is out is 提前达到; short of it is a yellow or red light', async () => {
    const set = await office.put('/api/indicators/stats.tech_transfer_contracts/targets', {
      orgUnitId: cityId,
      period: '2026',
      target: 1,
    })
    expect(set.statusCode, set.body).toBe(200)
    // The fixed clock is 2026-11-27; no 2026 contracts yet: red.
    let f = await figure(office, 'stats.tech_transfer_contracts', `period=2026&orgUnitId=${cityId}`)
    expect(f.target).toMatchObject({ attained: false, light: 'red' })
    // A moment later a contract is entered: the ledger's "last changed" moves past the cached value's.
    h.clock.advance(1000)
    const row = await office.post('/api/statistics/ledgers/tech_transfer/rows', {
      period: '2026',
      values: {
        university: '示例理工大学',
        seq_no: 1,
        title: '新合同',
        kind: 'transfer',
        amount: 100_000_00,
        contract_date: '2026-11-20',
        buyer_location: '示例市',
      },
    })
    expect(row.statusCode, row.body).toBe(201)
    f = await figure(office, 'stats.tech_transfer_contracts', `period=2026&orgUnitId=${cityId}`)
    // The office's own entry counts at once (approved on submit), and the cache saw the change.
    expect(f.figure.value).toBe(1)
    expect(f.figure.cached).toBe(false)
    expect(f.target).toMatchObject({ attained: true, attainedEarly: true, light: 'green' })
    const again = await figure(office, 'stats.tech_transfer_contracts', `period=2026&orgUnitId=${cityId}`)
    expect(again.figure).toMatchObject({ value: 1, cached: true })
  })

  it('never serves a cached value after a write, in the same millisecond or committed out of time order', async () => {
    const key = 'stats.migrant_public_share_national'
    const put = (value: number, version?: number) =>
      office.put(`/api/indicators/${key}/values`, { orgUnitId: countyId, period: '2022', value, version })
    expect((await put(70)).statusCode).toBe(200)
    expect((await figure(county, key, 'period=2022')).figure).toMatchObject({ value: 70, cached: false })
    expect((await figure(county, key, 'period=2022')).figure).toMatchObject({ value: 70, cached: true })
    // The clock does not move: the write shares the cached value's millisecond.
    const second = await put(71, 1)
    expect(second.statusCode, second.body).toBe(200)
    expect((await figure(county, key, 'period=2022')).figure).toMatchObject({ value: 71, cached: false })
    expect((await figure(county, key, 'period=2022')).figure).toMatchObject({ value: 71, cached: true })
    // A writer that took its time before the cached value's source time and committed after it (an
    // import taking its time, then inserting for seconds): the newest time stays where it was.
    await h.withOtherConnection((db) =>
      db
        .updateTable('indicator_values')
        .set({ value: 72, updated_at: '2001-01-01T00:00:00.000Z' })
        .where('indicator_key', '=', key)
        .where('org_unit_id', '=', countyId)
        .where('period_label', '=', '2022')
        .execute(),
    )
    expect((await figure(county, key, 'period=2022')).figure).toMatchObject({ value: 72, cached: false })
    expect((await figure(county, key, 'period=2022')).figure).toMatchObject({ value: 72, cached: true })
    if (h.target !== 'postgres') return // SQLite: one writer at a time, nothing commits in between
    // Truly side by side on PostgreSQL: a transaction open across another's commit and a cached read.
    await h.withOtherConnection((db) =>
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable('indicator_values')
          .set({ value: 73, updated_at: '2001-01-01T00:00:00.000Z' })
          .where('indicator_key', '=', key)
          .where('org_unit_id', '=', countyId)
          .where('period_label', '=', '2022')
          .execute()
        const other = await office.put(`/api/indicators/${key}/values`, {
          orgUnitId: cityId,
          period: '2022',
          value: 80,
        })
        expect(other.statusCode, other.body).toBe(200)
        expect((await figure(county, key, 'period=2022')).figure).toMatchObject({ value: 72, cached: false })
        expect((await figure(county, key, 'period=2022')).figure).toMatchObject({ value: 72, cached: true })
      }),
    )
    expect((await figure(county, key, 'period=2022')).figure).toMatchObject({ value: 73, cached: false })
  })

  it('refuses definitions that name what does not exist or loop, naming the field', async () => {
    const base = { zh: '测试', en: 'Test', unit: 'count', unitZh: '个' }
    const bad = await office.post('/api/indicators', {
      ...base,
      key: 'local.bad_column',
      definition: { kind: 'aggregate', aggregate: { ledger: 'tech_transfer', fn: 'sum', column: 'no_such' } },
    })
    expect(bad.statusCode).toBe(400)
    expect(errorOf(bad).fields?.[0]?.field).toMatch(/^definition\.aggregate\./)
    const unknown = await office.post('/api/indicators', {
      ...base,
      key: 'local.ratio',
      definition: { kind: 'expression', expression: { op: 'ratio', of: ['stats.job_fairs', 'local.none'] } },
    })
    expect(errorOf(unknown).fields).toEqual([
      expect.objectContaining({ field: 'definition.expression.of.1' }),
    ])
    const reserved = await office.post('/api/indicators', {
      ...base,
      key: 'petitions.mine',
      definition: { kind: 'manual', manual: {} },
    })
    expect(errorOf(reserved).fields?.[0]).toMatchObject({ field: 'key' })
    // a → b fine; then b → a would loop.
    const a = await office.post('/api/indicators', {
      ...base,
      key: 'local.a',
      definition: { kind: 'manual', manual: {} },
    })
    expect(a.statusCode, a.body).toBe(201)
    const b = await office.post('/api/indicators', {
      ...base,
      key: 'local.b',
      definition: { kind: 'expression', expression: { op: 'sum', of: ['local.a'] } },
    })
    expect(b.statusCode, b.body).toBe(201)
    const loop = await office.patch('/api/indicators/local.a', {
      version: 1,
      definition: { kind: 'expression', expression: { op: 'sum', of: ['local.b'] } },
    })
    expect(loop.statusCode).toBe(400)
    expect(errorOf(loop).fields?.[0]?.message).toContain('引用了它自己')
    // And an indicator an expression uses cannot be voided.
    const v = await office.post('/api/indicators/local.a/void', { version: 1, reason: '测试' })
    expect(v.statusCode).toBe(409)
  })

  it('a county sees only its subtree: the city is 404 to it, its own figure is computed', async () => {
    expect(
      (await county.get(`/api/indicators/stats.job_fairs/figure?period=2023&orgUnitId=${cityId}`)).statusCode,
    ).toBe(404)
    const own = await figure(county, 'stats.tech_transfer_contracts', `period=2023&orgUnitId=${countyId}`)
    expect(own.figure.value).toBe(0)
    const bad = await county.get('/api/indicators/stats.job_fairs/figure?period=2023-13')
    expect(bad.statusCode).toBe(400)
    expect(errorOf(bad).fields?.[0]).toMatchObject({
      field: 'period',
      message: expect.stringContaining('2023-13'),
    })
  })

  it('ranks the counties and pivots indicators × periods', async () => {
    const r = await office.get(
      `/api/indicators/stats.tech_transfer_contracts/ranking?period=2023&parentId=${cityId}`,
    )
    expect(r.statusCode, r.body).toBe(200)
    expect((r.json() as { items: { unit: { id: number }; rank: number | null }[] }).items).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ id: countyId }), rank: 1 }),
    ])
    const p = await office.get(
      `/api/indicators/pivot?keys=stats.tech_transfer_contracts,stats.tech_transfer_in_city_contracts&periods=2022,2023&orgUnitIds=${cityId}`,
    )
    expect(p.statusCode, p.body).toBe(200)
    const rows = (p.json() as { rows: { period: string; values: Record<string, number> }[] }).rows
    expect(
      rows.map((x) => [
        x.period,
        x.values['stats.tech_transfer_contracts'],
        x.values['stats.tech_transfer_in_city_contracts'],
      ]),
    ).toEqual([
      ['2022', EXPECTED['2022'].contracts, EXPECTED['2022'].in_city_contracts],
      ['2023', EXPECTED['2023'].contracts, EXPECTED['2023'].in_city_contracts],
    ])
    const x = await office.get(
      `/api/indicators/pivot.xlsx?keys=stats.tech_transfer_amount&periods=2023&orgUnitIds=${cityId}`,
    )
    expect(x.statusCode).toBe(200)
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK')
  })
})
