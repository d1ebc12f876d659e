import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Cell } from './cells.js'
import { type CellParser, parsers as p } from './parse.js'
import { excelSerialToIso, isoToExcelSerial } from './parse-date.js'
import { idCheckChar } from './parse-id.js'
import { fenToYuanText, toFen } from './parse-money.js'
import { decimalText } from './parse-result.js'

function value<T>(parser: CellParser<T>, cell: Exclude<Cell, null>): T {
  const r = parser.parse(cell)
  if (!r.ok) throw new Error(`expected ok for ${String(cell)}, got ${r.key}: ${r.message}`)
  return r.value
}

function errorKey<T>(parser: CellParser<T>, cell: Exclude<Cell, null>): string {
  const r = parser.parse(cell)
  if (r.ok) throw new Error(`expected an error for ${String(cell)}, got ${String(r.value)}`)
  return r.key
}

describe('money → integer fen', () => {
  const yuan = p.money({ unit: 'yuan' })
  const wan = p.money({ unit: 'wan' })

  it('reads amounts with units written in the cell', () => {
    expect(value(yuan, '12.5万')).toBe(12_500_000)
    expect(value(wan, '12.5万')).toBe(12_500_000)
    expect(value(yuan, '0.5亿')).toBe(5_000_000_000)
    expect(value(wan, '3000元')).toBe(300_000)
    expect(value(yuan, '￥3,000')).toBe(300_000)
    expect(value(yuan, ' ¥ 3,000.50 元整')).toBe(300_050)
    expect(value(yuan, '15千元')).toBe(1_500_000)
  })

  it('applies the column unit to bare numbers and number cells', () => {
    expect(value(wan, '1,200.00')).toBe(1_200_000_000) // 1200万
    expect(value(yuan, '1,200.00')).toBe(120_000)
    expect(value(wan, 211.66)).toBe(211_660_000)
    expect(value(wan, '198.43')).toBe(198_430_000)
    expect(value(yuan, 0.1 + 0.2)).toBe(30) // no float drift
    expect(value(wan, 1.005)).toBe(1_005_000)
  })

  it('refuses what is not an amount, and negatives by default', () => {
    expect(errorKey(yuan, '十二元')).toBe('money_invalid')
    expect(errorKey(yuan, '1,20,0')).toBe('money_invalid')
    expect(errorKey(yuan, '12.5万元万')).toBe('money_invalid')
    expect(errorKey(yuan, true)).toBe('money_invalid')
    expect(errorKey(yuan, '-5')).toBe('too_small')
    expect(value(p.money({ min: -10_000 }), '-5')).toBe(-500)
  })

  it('rounds sub-fen amounts half away from zero', () => {
    expect(toFen('0.005', 'yuan')).toBe(1)
    expect(toFen('0.0049', 'yuan')).toBe(0)
    expect(toFen('-0.005', 'yuan')).toBe(-1)
    expect(fenToYuanText(12_500_005)).toBe('125000.05')
  })

  it('is exact for every amount with two decimals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (fen) => {
        const text = fenToYuanText(fen)
        return value(yuan, text) === fen && value(yuan, `${text}元`) === fen
      }),
    )
  })
})

describe('decimal text of Excel numbers', () => {
  it('uses the 15 significant digits Excel shows', () => {
    expect(decimalText(0.1 + 0.2)).toBe('0.3')
    expect(decimalText(12.299999999999999)).toBe('12.3')
    expect(decimalText(1e-7)).toBe('0.0000001')
    expect(decimalText(-2.5)).toBe('-2.5')
    expect(decimalText(1234567)).toBe('1234567')
  })
})

describe('dates → YYYY-MM-DD', () => {
  const d = p.date()

  it('reads every text form the ledgers use', () => {
    for (const text of [
      '2019.3.15',
      '2019年3月15日',
      '2019/03/15',
      ' 2019-3-15 ',
      '20190315',
      '2019-03-15 08:30',
      '２０１９－０３－１５',
    ]) {
      expect(value(d, text), text).toBe('2019-03-15')
    }
  })

  it('reads Excel dates by their UTC fields, whatever the server time zone', () => {
    expect(value(d, new Date(Date.UTC(2019, 2, 15)))).toBe('2019-03-15')
    expect(value(d, new Date(Date.UTC(2019, 2, 15, 23, 59, 59)))).toBe('2019-03-15')
  })

  it('reads serial numbers and compact numbers', () => {
    expect(value(d, 43539)).toBe('2019-03-15')
    expect(value(d, 43539.75)).toBe('2019-03-15')
    expect(value(d, 20190315)).toBe('2019-03-15')
    expect(excelSerialToIso(59)).toBe('1900-02-28')
    expect(excelSerialToIso(60)).toBeNull() // Excel's fictitious 1900-02-29
    expect(excelSerialToIso(61)).toBe('1900-03-01')
  })

  it('refuses impossible and unrecognised dates', () => {
    expect(errorKey(d, '2019-02-30')).toBe('date_impossible')
    expect(errorKey(d, '2019年13月1日')).toBe('date_impossible')
    expect(errorKey(d, '2100-02-29')).toBe('date_impossible')
    expect(value(d, '2000-02-29')).toBe('2000-02-29')
    expect(errorKey(d, '19-3-15')).toBe('date_invalid')
    expect(errorKey(d, '三月十五')).toBe('date_invalid')
    expect(errorKey(d, 2019)).toBe('date_invalid') // a year, not serial 2019
    expect(errorKey(p.date({ min: '2015-01-01' }), '2014-12-31')).toBe('date_out_of_range')
  })

  it('round-trips serial numbers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const iso = excelSerialToIso(serial)
        return iso !== null && isoToExcelSerial(iso) === serial
      }),
    )
  })
})

describe('resident ID numbers', () => {
  const id = p.idNumber()
  const withCheck = (first17: string) => first17 + idCheckChar(first17)

  it('accepts valid numbers, lower-case x and stray spaces', () => {
    expect(value(id, '11010519491231002X')).toBe('11010519491231002X')
    expect(value(id, ' 11010519491231002x ')).toBe('11010519491231002X')
    expect(value(id, '210110198604115188')).toBe('210110198604115188')
  })

  it('computes the GB 11643 check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(idCheckChar('21011019860411518')).toBe('8')
  })

  it('refuses a wrong check digit, bad dates, regions and lengths', () => {
    expect(errorKey(id, '110105194912310021')).toBe('id_number_checksum')
    expect(errorKey(id, withCheck('11010519490230002'))).toBe('id_number_date')
    expect(errorKey(id, withCheck('99010519491231002'))).toBe('id_number_region')
    expect(errorKey(id, '11010519491231002')).toBe('id_number_format')
    expect(errorKey(id, '1101051949123100XX')).toBe('id_number_format')
  })

  it('reports numbers Excel turned into floats as mangled, never guessing', () => {
    expect(errorKey(id, 210105195012154180)).toBe('id_number_mangled')
    expect(errorKey(id, '2.10102198503151E+17')).toBe('id_number_mangled')
    expect(errorKey(id, '2.10102198503151e17')).toBe('id_number_mangled')
    // The float's digits pasted back as text: 15 significant digits, then zeros.
    expect(errorKey(id, '210102198503151000')).toBe('id_number_mangled')
    const r = id.parse(210105195012154180)
    expect(r.ok ? '' : r.message).toBe(
      '身份证号被 Excel 转成了数字，末几位已丢失，请将该列设为文本后重新填写',
    )
    expect(r.ok ? {} : r.params).toEqual({}) // no personal data in messages
  })

  it('accepts every well-formed number (property)', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 3, maxLength: 3 })
    const birth = fc.date({
      min: new Date('1920-01-01T00:00:00Z'),
      max: new Date('2010-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    fc.assert(
      fc.property(birth, digits, (b, seq) => {
        const n = withCheck(`210102${b.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`)
        const r = id.parse(n)
        return r.ok && r.value === n
      }),
    )
  })
})

describe('other parsers', () => {
  it('text trims and collapses whitespace, counts characters', () => {
    expect(value(p.text(), '  示例\u3000 理工  大学 ')).toBe('示例 理工 大学')
    expect(value(p.text({ multiline: true }), ' 第一行  \n  第二行 ')).toBe('第一行\n第二行')
    expect(value(p.text(), 12.5)).toBe('12.5')
    expect(value(p.text(), new Date(Date.UTC(2020, 0, 2)))).toBe('2020-01-02')
    expect(errorKey(p.text({ maxLength: 3 }), '四个汉字')).toBe('text_too_long')
    expect(value(p.text({ maxLength: 4 }), '四个汉字')).toBe('四个汉字')
  })

  it('integer and decimal', () => {
    expect(value(p.integer(), '1,200')).toBe(1200)
    expect(value(p.integer(), 12.0)).toBe(12)
    expect(value(p.integer(), '12.00')).toBe(12)
    expect(errorKey(p.integer(), '12.5')).toBe('integer_invalid')
    expect(errorKey(p.integer({ min: 0 }), -1)).toBe('too_small')
    expect(value(p.decimal({ scale: 2 }), '3.10')).toBe(3.1)
    expect(errorKey(p.decimal({ scale: 1 }), 3.14)).toBe('decimal_scale')
    expect(errorKey(p.decimal(), 'abc')).toBe('number_invalid')
  })

  it('boolean', () => {
    const b = p.boolean()
    for (const yes of ['是', 'Y', 'y', '√', 'TRUE', '1', true, 1]) expect(value(b, yes)).toBe(true)
    for (const no of ['否', 'N', '×', 'false', '0', false, 0]) expect(value(b, no)).toBe(false)
    expect(errorKey(b, '也许')).toBe('boolean_invalid')
  })

  it('enum with synonyms, stray spaces and a missing 类', () => {
    const category = p.enumOf(
      { 教师待遇类: ['待遇'], 学校管理类: [], 招生入学类: [] },
      { optionalSuffix: '类' },
    )
    expect(value(category, '教师待遇')).toBe('教师待遇类')
    expect(value(category, '教师待遇类 ')).toBe('教师待遇类')
    expect(value(category, ' 学校管理类')).toBe('学校管理类')
    expect(value(category, '招生入学')).toBe('招生入学类')
    expect(value(category, '待遇')).toBe('教师待遇类')
    const r = category.parse('其他')
    expect(r.ok).toBe(false)
    expect(r.ok ? '' : r.message).toBe('“其他”不是可选值，可选：教师待遇类、学校管理类、招生入学类')
    expect(() => p.enumOf({ 甲: ['同'], 乙: ['同'] })).toThrow(/both/)
  })

  it('phone', () => {
    const ph = p.phone()
    expect(value(ph, '138-4620-9420')).toBe('13846209420')
    expect(value(ph, '+86 139 1234 5678')).toBe('13912345678')
    expect(value(ph, 13947887861)).toBe('13947887861')
    expect(value(ph, '(024)23456789')).toBe('024-23456789')
    expect(value(ph, '0411-8765432')).toBe('0411-8765432')
    expect(errorKey(ph, '23456789')).toBe('phone_invalid') // no area code
    expect(errorKey(ph, '1234567890')).toBe('phone_invalid')
    expect(errorKey(ph, '12345678901')).toBe('phone_invalid') // mobiles start 13-19
  })
})
