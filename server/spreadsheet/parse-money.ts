/**
 * Money → integer fen (分), the only form the database stores.
 *
 * Ledgers mix units in one column: a header says 万元 while cells hold 211.66, "12.5万",
 * "1,200.00", "￥3,000" or "3000元". A unit written in the cell wins over the column's declared
 * unit. Arithmetic is on decimal digits with BigInt, so 12.5万 is exactly 12,500,000 fen with no
 * binary floating point on the way; amounts finer than a fen are rounded half away from zero.
 */
import { cellToText } from './cells.js'
import {
  type CellParser,
  decimalText,
  fail,
  halfWidth,
  normalizeNumberText,
  ok,
  type ParseResult,
} from './parse-result.js'

export type MoneyUnit = 'yuan' | 'qian' | 'wan' | 'yi'

/** Fen per unit. */
const FEN_PER: Record<MoneyUnit, bigint> = {
  yuan: 100n,
  qian: 100_000n,
  wan: 1_000_000n,
  yi: 10_000_000_000n,
}

const UNIT_SUFFIXES: [RegExp, MoneyUnit][] = [
  [/(亿元|亿)$/, 'yi'],
  [/(万元|万)$/, 'wan'],
  [/千元$/, 'qian'],
  [/元$/, 'yuan'],
]

const UNIT_NAMES: Record<MoneyUnit, { zh: string; en: string }> = {
  yuan: { zh: '元', en: 'yuan' },
  qian: { zh: '千元', en: 'thousand yuan' },
  wan: { zh: '万元', en: '10,000 yuan (万元)' },
  yi: { zh: '亿元', en: '100 million yuan (亿元)' },
}

/** Decimal text × unit → fen, rounded half away from zero; null if it does not fit a safe integer. */
export function toFen(decimal: string, unit: MoneyUnit): number | null {
  const negative = decimal.startsWith('-')
  const [whole = '0', frac = ''] = decimal.replace('-', '').split('.')
  const scaled = BigInt(whole + frac) * FEN_PER[unit]
  const divisor = 10n ** BigInt(frac.length)
  let fen = scaled / divisor
  if ((scaled % divisor) * 2n >= divisor) fen += 1n
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return null
  return Number(negative ? -fen : fen)
}

/** 12500000 → "125000.00" (yuan), for messages. */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** Splits "￥3,000元整" into the number text and the unit written in the cell, if any. */
function splitAmount(raw: string): { number: string; unit: MoneyUnit | null } {
  let s = halfWidth(raw)
    .replace(/\s+/g, '')
    .replace(/^(¥|RMB|CNY|人民币)/i, '')
    .replace(/整$/, '')
  let unit: MoneyUnit | null = null
  for (const [suffix, u] of UNIT_SUFFIXES) {
    if (suffix.test(s)) {
      s = s.replace(suffix, '')
      unit = u
      break
    }
  }
  return { number: s.replace(/^(¥|RMB|CNY|人民币)/i, ''), unit }
}

export interface MoneyOptions {
  /** The unit of bare numbers in this column (the header's "（万元）"). Default yuan. */
  unit?: MoneyUnit
  /** Least amount in fen; default 0 (no negative amounts). */
  min?: number
  /** Greatest amount in fen. */
  max?: number
}

/** Parses an amount to integer fen. */
export function money(options: MoneyOptions = {}): CellParser<number> {
  const unit = options.unit ?? 'yuan'
  const min = options.min ?? 0
  const name = UNIT_NAMES[unit]
  return {
    kind: 'money',
    format: {
      'zh-CN': `金额，单位${name.zh}；可写 1200、1,200.00，或带单位如 12.5万、3000元`,
      en: `Amount in ${name.en}; e.g. 1200, 1,200.00, or with a unit: 12.5万, 3000元`,
    },
    parse(cell): ParseResult<number> {
      let decimal: string | null = null
      let cellUnit = unit
      if (typeof cell === 'number') {
        decimal = decimalText(cell)
      } else if (typeof cell === 'string') {
        const split = splitAmount(cell)
        decimal = normalizeNumberText(split.number)
        cellUnit = split.unit ?? unit
      }
      if (decimal === null) return fail('money_invalid', { value: cellToText(cell) })
      const fen = toFen(decimal, cellUnit)
      if (fen === null) return fail('too_big', { max: fenToYuanText(options.max ?? Number.MAX_SAFE_INTEGER) })
      if (fen < min) return fail('too_small', { min: fenToYuanText(min) })
      if (options.max !== undefined && fen > options.max)
        return fail('too_big', { max: fenToYuanText(options.max) })
      return ok(fen)
    },
  }
}
