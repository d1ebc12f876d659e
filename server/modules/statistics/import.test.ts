/**
 * The fixture every bureau file looks like: 科技成果转化统计表.xlsx (title rows, university merged
 * down, amounts in 万元 as numbers, "12.5万" and "1,200.00", text dates, a 合计 row, one sheet per
 * year) imports into `tech_transfer` and gives the figures of expected.json through the same
 * aggregate the indicator registry calls.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { beforeAll, expect, it } from 'vitest'
import { type Client, forEachDatabase } from '../../../tests/harness.js'
import { readWorkbook } from '../../spreadsheet/read.js'
import { aggregateLedger, aggregateLedgerBy, ledgerChangedAt } from './aggregate.js'
import { importLedger, multipart } from './testing.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const FIXTURE = readFileSync(path.join(ROOT, 'tests/fixtures/科技成果转化统计表.xlsx'))
const EXPECTED = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/expected.json'), 'utf8'))
  .techTransfer as Record<
  '2022' | '2023',
  {
    contracts: number
    amount_yuan: number
    amount_yi: number
    in_city_contracts: number
    in_city_amount_yi: number
  }
> & { yoy: { contracts_delta: number; amount_delta_yi: number } }

const yi = (fen: number | null) => Math.round((fen ?? 0) / 100 / 1e6) / 100

forEachDatabase('statistics import', (h) => {
  let office: Client
  let cityPath = ''
  beforeAll(async () => {
    const city = await h.buildCity({ name: '示例市' })
    await h.buildCounty({ parentId: city.id, name: '和平区' })
    cityPath = city.path
    const u = await h.buildUser({ role: 'department', orgUnitId: city.id })
    office = await h.loginAs(u.username, u.password)
  })

  const figures = async (year: '2022' | '2023') => {
    const q = {
      ledger: 'tech_transfer',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      scopePath: cityPath,
    } as const
    const inCity = [{ column: 'in_city', op: 'is_true' as const }]
    return {
      contracts: (await aggregateLedger(h.db, { ...q, fn: 'count' })).value,
      amount: (await aggregateLedger(h.db, { ...q, fn: 'sum', column: 'amount' })).value,
      inCity: (await aggregateLedger(h.db, { ...q, fn: 'count', filters: inCity })).value,
      inCityAmount: (await aggregateLedger(h.db, { ...q, fn: 'sum', column: 'amount', filters: inCity }))
        .value,
    }
  }

  it('previews the mapping: header below the title, money in 万元 from the header, both sheets', async () => {
    const res = await office.request({
      method: 'POST',
      url: '/api/statistics/ledgers/tech_transfer/import/preview',
      ...multipart('科技成果转化统计表.xlsx', FIXTURE),
    })
    expect(res.statusCode, res.body).toBe(200)
    const p = res.json()
    expect(p.sheets.map((s: { name: string }) => s.name)).toEqual(['2022年', '2023年'])
    const s = p.sheets[0]
    expect(s.headerRow).toBe(2)
    expect(s.moneyUnits).toEqual({ amount: 'wan' })
    expect(
      Object.fromEntries(s.columns.map((c: { label: string; field: string | null }) => [c.label, c.field])),
    ).toMatchObject({
      高校名称: 'university',
      '合同金额（万元）': 'amount',
      签订日期: 'contract_date',
      受让方所在地: 'buyer_location',
    })
    // 211.66 (万元) → fen; " 2022-5-13 " → ISO; the university filled down from the merge.
    expect(s.sample[0].values).toMatchObject({
      university: '示例理工大学',
      amount: 2_116_600_00,
      contract_date: '2022-05-13',
    })
    expect(s.errors).toBe(0)
    expect(s.rows).toBe(EXPECTED['2022'].contracts)
  })

  it('imports both sheets and gives the figures of expected.json', async () => {
    const before = await ledgerChangedAt(h.db, 'tech_transfer')
    const job = await importLedger(h, office, 'tech_transfer', '科技成果转化统计表.xlsx', FIXTURE)
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded')
    expect(job.result).toMatchObject({ created: 194, updated: 0, unchanged: 0, periods: ['2022', '2023'] })
    expect(await ledgerChangedAt(h.db, 'tech_transfer')).not.toBe(before)
    for (const year of ['2022', '2023'] as const) {
      const f = await figures(year)
      const e = EXPECTED[year]
      expect(f.contracts).toBe(e.contracts)
      expect((f.amount ?? 0) / 100).toBe(e.amount_yuan)
      expect(yi(f.amount)).toBe(e.amount_yi)
      expect(f.inCity).toBe(e.in_city_contracts)
      expect(yi(f.inCityAmount)).toBe(e.in_city_amount_yi)
    }
    const [a, b] = [await figures('2022'), await figures('2023')]
    expect((b.contracts ?? 0) - (a.contracts ?? 0)).toBe(EXPECTED.yoy.contracts_delta)
    expect(yi(b.amount) - yi(a.amount)).toBeCloseTo(EXPECTED.yoy.amount_delta_yi, 6)
    // 96 / 98 contracts: 96 + 98 = 194, split by year through the group-by too.
    const byYear = await aggregateLedgerBy(
      h.db,
      { ledger: 'tech_transfer', fn: 'count', from: '2022-01-01', to: '2023-12-31', scopePath: '/' },
      'period',
    )
    expect(byYear.map((g) => [g.group, g.value])).toEqual([
      ['2022', 96],
      ['2023', 98],
    ])
  })

  it('importing the same file again changes nothing; a changed amount updates its row', async () => {
    const again = await importLedger(h, office, 'tech_transfer', '科技成果转化统计表.xlsx', FIXTURE)
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 194 })
    const sheets = await readWorkbook(FIXTURE)
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('2022年')
    for (const row of sheets[0]?.rows.slice(1, 4) ?? []) ws.addRow(row)
    ws.getCell('E3').value = '300万'
    const changed = await importLedger(
      h,
      office,
      'tech_transfer',
      'part.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    )
    expect(changed.result).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
    const r = await aggregateLedger(h.db, {
      ledger: 'tech_transfer',
      fn: 'count',
      from: '2022-01-01',
      to: '2022-12-31',
      scopePath: '/',
    })
    expect(r.value).toBe(96)
  })

  it('a file with a bad cell writes nothing and reports the row and column', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('2024年')
    ws.addRow(['高校名称', '序号', '转化方式', '合同金额（万元）', '签订日期', '受让方所在地'])
    ws.addRow(['示例大学', 1, '转让', '12.5万', '2024.3.15', '本市'])
    ws.addRow(['示例大学', 2, '赠与', '1,200.00', '2024年3月15日', '本市'])
    ws.addRow(['示例大学', 3, '许可', '十万', '2024/02/30', '北京市'])
    ws.addRow(['合计', null, null, 1212.5])
    const job = await importLedger(
      h,
      office,
      'tech_transfer',
      'bad.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
    )
    expect(job.status).toBe('failed')
    expect(job.error?.message).toMatch(/3/)
    const report = await office.get(`/api/jobs/${job.id}/error-report.xlsx`)
    expect(report.statusCode).toBe(200)
    const text = JSON.stringify((await readWorkbook(report.rawPayload))[0]?.rows)
    expect(text).toContain('赠与')
    const none = await aggregateLedger(h.db, {
      ledger: 'tech_transfer',
      fn: 'count',
      from: '2024-01-01',
      to: '2024-12-31',
      scopePath: '/',
    })
    expect(none).toEqual({ value: 0, rows: 0 })
  })
})
