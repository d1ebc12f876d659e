/**
 * The two ledgers in tests/fixtures are shaped like real county and city files; expected.json
 * holds figures computed from the same data independently of this code.
 */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { defineImport, type ImportResult, type ImportRow, parseImport, parseSheet } from './import.js'
import { parsers as p } from './parse.js'
import { readWorkbook } from './read.js'

const dir = new URL('../../tests/fixtures/', import.meta.url)
const fixture = (name: string) => readFileSync(new URL(name, dir))
const expected: {
  petitions: {
    cases: number
    blank_rows: number
    categories_used: number
    demands_used: number
    cutoff: string
    as_of: string
    stock_at_cutoff: number
    stock_resolved: number
    new_since_cutoff: number
    new_resolved: number
    open_now: number
    id_numbers_mangled_to_float: number
    cases_by_county: Record<string, number>
  }
  techTransfer: Record<
    '2022' | '2023',
    {
      contracts: number
      amount_yuan: number
      amount_yi: number
      in_city_contracts: number
      in_city_amount_yi: number
    }
  > & { yoy: { contracts_delta: number; amount_delta_yi: number } }
} = JSON.parse(fixture('expected.json').toString('utf8'))

const round2 = (n: number) => Math.round(n * 100) / 100

describe('科技成果转化统计表.xlsx', () => {
  const contracts = defineImport({
    key: 'tech-transfer',
    columns: [
      {
        field: 'university',
        header: '高校名称',
        headerEn: 'University',
        aliases: ['大学'],
        required: true,
        parser: p.text(),
      },
      { field: 'seq', header: '序号', headerEn: 'No.', parser: p.integer({ min: 1 }) },
      {
        field: 'title',
        header: '成果/合同名称',
        headerEn: 'Contract',
        aliases: ['合同名称'],
        required: true,
        parser: p.text(),
      },
      {
        field: 'mode',
        header: '转化方式',
        headerEn: 'Mode',
        required: true,
        parser: p.enumOf({ 转让: [], 许可: ['许可使用'], 作价投资: ['作价入股'] }),
      },
      {
        field: 'amountFen',
        header: '合同金额（万元）',
        headerEn: 'Amount (10k yuan)',
        aliases: ['金额(万元)'],
        required: true,
        parser: p.money({ unit: 'wan' }),
      },
      { field: 'signed', header: '签订日期', headerEn: 'Signed', required: true, parser: p.date() },
      {
        field: 'buyerPlace',
        header: '受让方所在地',
        headerEn: 'Buyer location',
        required: true,
        parser: p.text(),
      },
      { field: 'note', header: '备注', headerEn: 'Note', parser: p.text() },
    ],
    toRow: (v) => ({ ...v, inCity: v.buyerPlace.startsWith('示例市') || v.buyerPlace === '本市' }),
    keyOf: (row) => `${row.university}#${row.seq}`,
  })

  const results = new Map<string, ImportResult<ImportRow<typeof contracts>>>()
  beforeAll(async () => {
    for (const sheet of await readWorkbook(fixture('科技成果转化统计表.xlsx'))) {
      results.set(sheet.name, parseSheet(contracts, sheet))
    }
  })

  const figures = (year: '2022' | '2023') => {
    const r = results.get(`${year}年`)
    if (!r) throw new Error(`no sheet for ${year}`)
    const rows = r.rows.map((x) => x.value)
    const fen = rows.reduce((s, v) => s + v.amountFen, 0)
    const inCity = rows.filter((v) => v.inCity)
    const inCityFen = inCity.reduce((s, v) => s + v.amountFen, 0)
    return { r, contracts: rows.length, fen, inCity: inCity.length, inCityFen }
  }

  for (const year of ['2022', '2023'] as const) {
    it(`parses every ${year} contract and matches expected.json`, () => {
      const f = figures(year)
      const want = expected.techTransfer[year]
      expect(f.r.errors).toEqual([])
      expect(f.r.header.headerRowIndex).toBe(1)
      expect(f.r.skipped).toEqual([
        { excelRow: f.r.header.dataStartIndex + want.contracts + 1, reason: 'summary' },
      ])
      expect(f.contracts).toBe(want.contracts)
      expect(f.fen % 100).toBe(0)
      expect(f.fen / 100).toBe(want.amount_yuan)
      expect(round2(f.fen / 1e10)).toBe(want.amount_yi)
      expect(f.inCity).toBe(want.in_city_contracts)
      expect(round2(f.inCityFen / 1e10)).toBe(want.in_city_amount_yi)
    })
  }

  it('fills the university merged down over its contracts', () => {
    const rows = results.get('2022年')?.rows ?? []
    expect(rows.find((r) => r.excelRow === 15)?.value.university).toBe('示例理工大学')
    expect(rows.find((r) => r.excelRow === 16)?.value.university).toBe('示例大学')
    expect(new Set(rows.map((r) => r.value.university)).size).toBe(7)
  })

  it('reads amounts written as numbers, "12.5万" and "1,200.00" alike', () => {
    const rows = results.get('2022年')?.rows ?? []
    const at = (excelRow: number) => rows.find((r) => r.excelRow === excelRow)?.value
    expect(at(3)?.amountFen).toBe(211_660_000) // 211.66
    expect(at(4)?.amountFen).toBe(248_650_000) // "248.65万"
    expect(at(10)?.amountFen).toBe(198_430_000) // "198.43"
    expect(at(9)?.signed).toBe('2022-05-25') // a real Excel date
    expect(at(3)?.signed).toBe('2022-05-13') // " 2022-5-13 "
  })

  it('computes the year-on-year deltas', () => {
    const a = figures('2022')
    const b = figures('2023')
    expect(b.contracts - a.contracts).toBe(expected.techTransfer.yoy.contracts_delta)
    expect(round2((b.fen - a.fen) / 1e10)).toBe(expected.techTransfer.yoy.amount_delta_yi)
  })
})

const CATEGORIES = {
  师德师风类: [],
  人事编制类: [],
  职称评聘类: [],
  招生入学类: [],
  民办教育类: [],
  学校管理类: [],
  教师待遇类: [],
} as const

function petitionSpec(strictId: boolean) {
  return defineImport({
    key: 'petitions',
    columns: [
      { field: 'seq', header: '序号', headerEn: 'No.', parser: p.integer() },
      {
        field: 'caseNo',
        header: '案件编号',
        headerEn: 'Case number',
        required: true,
        parser: p.text({ maxLength: 40 }),
      },
      { field: 'received', header: '登记日期', headerEn: 'Received', required: true, parser: p.date() },
      { field: 'channel', header: '信访形式', headerEn: 'Channel', required: true, parser: p.text() },
      { field: 'name', header: '信访人/姓名', headerEn: 'Petitioner', required: true, parser: p.text() },
      {
        field: 'idNumber',
        header: '身份证号码',
        headerEn: 'ID number',
        parser: strictId ? p.idNumber() : p.text(),
      },
      { field: 'phone', header: '联系电话', headerEn: 'Phone', parser: p.phone() },
      { field: 'county', header: '所属县（市、区）', headerEn: 'County', required: true, parser: p.text() },
      {
        field: 'category',
        header: '问题类别',
        headerEn: 'Category',
        required: true,
        parser: p.enumOf(CATEGORIES, { optionalSuffix: '类' }),
      },
      { field: 'demand', header: '具体诉求', headerEn: 'Demand', required: true, parser: p.text() },
      { field: 'summary', header: '诉求内容摘要', headerEn: 'Summary', parser: p.text({ multiline: true }) },
      {
        field: 'level',
        header: '责任层级',
        headerEn: 'Level',
        parser: p.enumOf({ 市级: [], 县级: ['区县级'], 学校: ['校级'] }),
      },
      { field: 'unit', header: '责任单位', headerEn: 'Responsible unit', parser: p.text() },
      { field: 'leader', header: '包案领导', headerEn: 'Responsible leader', parser: p.text() },
      {
        field: 'status',
        header: '办理状态',
        headerEn: 'Status',
        required: true,
        parser: p.enumOf({ 已办结: ['办结'], 办理中: [], 已受理: [], 延期办理: ['延期'] }),
      },
      { field: 'closed', header: '办结日期', headerEn: 'Closed', parser: p.date() },
      { field: 'remark', header: '备注', headerEn: 'Remark', parser: p.text() },
    ],
    toRow: (v, ctx) => {
      if (v.status === '已办结' && v.closed === null) return ctx.reject('closed', 'required')
      if (v.closed !== null && v.closed < v.received)
        return ctx.reject('closed', 'too_small', { min: v.received })
      return v
    },
    keyOf: (row) => row.caseNo,
    keyField: 'caseNo',
  })
}

describe('信访案件台账.xlsx', () => {
  const want = expected.petitions
  const buf = fixture('信访案件台账.xlsx')
  const mangledRows = [11, 82, 101, 103, 123, 180, 183, 192, 222, 227, 260, 261, 292, 298, 320, 347, 349, 370]

  it('finds the two-level header under the title and 填报单位 rows', async () => {
    const r = await parseImport(petitionSpec(true), buf)
    expect(r.sheetName).toBe('信访台账')
    expect(r.header).toMatchObject({
      headerRowIndex: 2,
      headerRowCount: 2,
      dataStartIndex: 4,
      unknownColumns: [],
    })
    expect(r.header.labels.slice(4, 7)).toEqual(['信访人/姓名', '信访人/身份证号码', '信访人/联系电话'])
  })

  it('reports exactly the ID numbers Excel turned into floats, with row and column', async () => {
    const r = await parseImport(petitionSpec(true), buf)
    expect(r.errors).toHaveLength(want.id_numbers_mangled_to_float)
    expect(r.errors.map((e) => e.excelRow)).toEqual(mangledRows)
    for (const e of r.errors) {
      expect(e).toMatchObject({
        column: 'F',
        header: '身份证号码',
        field: 'idNumber',
        key: 'id_number_mangled',
      })
    }
    expect(r.rows.length + new Set(r.errors.map((e) => e.excelRow)).size).toBe(want.cases)
    expect(r.skipped.filter((s) => s.reason === 'blank')).toHaveLength(want.blank_rows)
    expect(r.skipped.filter((s) => s.reason === 'summary')).toEqual([{ excelRow: 395, reason: 'summary' }])
  })

  describe('every case, ID numbers aside', () => {
    type RowOf = ImportRow<ReturnType<typeof petitionSpec>>
    let r: ImportResult<RowOf>
    beforeAll(async () => {
      r = await parseImport(petitionSpec(false), buf)
    })
    const cases = () => r.rows.map((x) => x.value)

    it('parses all cases with no errors', () => {
      expect(r.errors).toEqual([])
      expect(r.rows).toHaveLength(want.cases)
      expect(r.skipped.map((s) => s.excelRow)).toEqual([41, 48, 84, 117, 142, 143, 257, 395])
    })

    it('parses the dates in every form the file uses', () => {
      const at = (excelRow: number) => r.rows.find((x) => x.excelRow === excelRow)?.value
      expect(at(5)?.received).toBe('2018-01-21') // Excel date
      expect(at(5)?.closed).toBe('2018-04-24') // "2018.4.24"
      expect(at(6)?.received).toBe('2021-12-02') // "2021.12.2"
      expect(at(7)?.received).toBe('2017-12-05') // " 2017-12-5 "
      expect(at(14)?.received).toBe('2015-04-13') // "2015/04/13"
      expect(at(23)?.received).toBe('2022-08-18') // "2022年8月18日"
      expect(at(8)?.closed).toBeNull()
    })

    it('normalises categories, demands, statuses and phones', () => {
      expect(new Set(cases().map((c) => c.category)).size).toBe(want.categories_used)
      expect(new Set(cases().map((c) => c.demand)).size).toBe(want.demands_used)
      expect(new Set(cases().map((c) => c.status))).toEqual(
        new Set(['已办结', '办理中', '已受理', '延期办理']),
      )
      expect(cases().every((c) => c.phone === null || /^1\d{10}$/.test(c.phone))).toBe(true)
    })

    it('counts cases by county', () => {
      const byCounty: Record<string, number> = {}
      for (const c of cases()) byCounty[c.county] = (byCounty[c.county] ?? 0) + 1
      expect(byCounty).toEqual(want.cases_by_county)
    })

    it('has what the stock/new figures need (computed here, owned by the petitions module)', () => {
      const { cutoff, as_of: asOf } = want
      const closedBy = (c: RowOf, day: string) =>
        c.status === '已办结' && c.closed !== null && c.closed <= day
      const stock = cases().filter((c) => c.received < cutoff && (c.closed === null || c.closed >= cutoff))
      const fresh = cases().filter((c) => c.received >= cutoff && c.received <= asOf)
      expect(stock).toHaveLength(want.stock_at_cutoff)
      expect(stock.filter((c) => closedBy(c, asOf))).toHaveLength(want.stock_resolved)
      expect(fresh).toHaveLength(want.new_since_cutoff)
      expect(fresh.filter((c) => closedBy(c, asOf))).toHaveLength(want.new_resolved)
      expect(cases().filter((c) => c.status !== '已办结')).toHaveLength(want.open_now)
    })
  })
})
