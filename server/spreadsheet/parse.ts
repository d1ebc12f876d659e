/**
 * Cell parsers for ledger columns. Each returns `{ ok: true, value }` or a failure carrying an
 * i18n key, its params and the Chinese message; none throws. They see only non-blank cells:
 * whether a column may be blank is its `required` flag, decided by the import runner.
 *
 * Usage in a spec: `{ field: 'amount', header: '合同金额', parser: parsers.money({ unit: 'wan' }) }`.
 */
import { type Cell, cellToText } from './cells.js'
import { date } from './parse-date.js'
import { idNumber } from './parse-id.js'
import { money } from './parse-money.js'
import {
  type CellParser,
  decimalText,
  fail,
  halfWidth,
  normalizeNumberText,
  ok,
  type ParseResult,
} from './parse-result.js'

export type { CellParser, ParseResult } from './parse-result.js'

export interface TextOptions {
  /** Most characters (code points) allowed. */
  maxLength?: number
  /** Keep line breaks (a 摘要 column); otherwise every run of whitespace becomes one space. */
  multiline?: boolean
}

/** Trims, collapses inner whitespace, and turns numbers and dates into the text Excel shows. */
export function text(options: TextOptions = {}): CellParser<string> {
  const { maxLength, multiline = false } = options
  return {
    kind: 'text',
    format: {
      'zh-CN': maxLength ? `文字，最多 ${maxLength} 个字` : '文字',
      en: maxLength ? `Text, at most ${maxLength} characters` : 'Text',
    },
    parse(cell): ParseResult<string> {
      const raw = typeof cell === 'number' ? decimalText(cell) : cellToText(cell)
      const value = multiline
        ? raw
            .split(/\r\n|\r|\n/)
            .map((line) => line.replace(/\s+/g, ' ').trim())
            .join('\n')
            .trim()
        : raw.replace(/\s+/g, ' ').trim()
      const length = [...value].length
      if (maxLength !== undefined && length > maxLength)
        return fail('text_too_long', { max: maxLength, length })
      return ok(value)
    },
  }
}

export interface NumberOptions {
  min?: number
  max?: number
}

function numberText(cell: Exclude<Cell, null>): string | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? decimalText(cell) : null
  if (typeof cell === 'string') return normalizeNumberText(cell)
  return null
}

function inRange(value: number, options: NumberOptions): ParseResult<number> {
  if (options.min !== undefined && value < options.min) return fail('too_small', { min: options.min })
  if (options.max !== undefined && value > options.max) return fail('too_big', { max: options.max })
  return ok(value)
}

/** Whole numbers; "1,200" and "12.0" are fine, "12.5" is not. */
export function integer(options: NumberOptions = {}): CellParser<number> {
  return {
    kind: 'integer',
    format: { 'zh-CN': '整数', en: 'Whole number' },
    parse(cell) {
      const t = numberText(cell)
      const m = t === null ? null : /^(-?\d+)(?:\.0*)?$/.exec(t)
      const value = m?.[1] === undefined ? Number.NaN : Number(m[1])
      if (!Number.isSafeInteger(value)) return fail('integer_invalid', { value: cellToText(cell) })
      return inRange(value, options)
    },
  }
}

export interface DecimalOptions extends NumberOptions {
  /** Most decimal places accepted. */
  scale?: number
}

/** Decimal numbers, read through their decimal text so 0.1 + 0.2 stays 0.3. */
export function decimal(options: DecimalOptions = {}): CellParser<number> {
  const { scale } = options
  return {
    kind: 'decimal',
    format: {
      'zh-CN': scale === undefined ? '数字' : `数字，最多 ${scale} 位小数`,
      en: scale === undefined ? 'Number' : `Number, at most ${scale} decimal places`,
    },
    parse(cell) {
      const t = numberText(cell)
      if (t === null) return fail('number_invalid', { value: cellToText(cell) })
      const places = (t.split('.')[1] ?? '').replace(/0+$/, '').length
      if (scale !== undefined && places > scale) return fail('decimal_scale', { scale, value: t })
      return inRange(Number(t), options)
    },
  }
}

const TRUE_WORDS = new Set(['是', 'y', 'yes', '√', '✓', '✔', 'true', '1', '对', '有'])
const FALSE_WORDS = new Set(['否', 'n', 'no', '×', '✗', '✘', 'x', 'false', '0', '错', '无'])

/** 是/否, Y/N, √/×, true/false, 1/0. */
export function boolean(): CellParser<boolean> {
  return {
    kind: 'boolean',
    format: { 'zh-CN': '填“是”或“否”', en: 'Yes (是) or no (否)' },
    options: ['是', '否'],
    parse(cell) {
      if (typeof cell === 'boolean') return ok(cell)
      const word = halfWidth(cellToText(cell)).replace(/\s+/g, '').toLowerCase()
      if (TRUE_WORDS.has(word)) return ok(true)
      if (FALSE_WORDS.has(word)) return ok(false)
      return fail('boolean_invalid', { value: cellToText(cell) })
    },
  }
}

export interface EnumOptions {
  /** A suffix users often leave off, e.g. '类' ("教师待遇" for "教师待遇类"). */
  optionalSuffix?: string
}

const enumKey = (s: string) => halfWidth(s).replace(/\s+/g, '').toLowerCase()

/**
 * One of a fixed set of values, written as `{ canonical: [synonyms…] }`. Stray spaces, case and
 * full-width forms are ignored; returns the canonical spelling.
 */
export function enumOf<const K extends string>(
  values: Record<K, readonly string[]>,
  options: EnumOptions = {},
): CellParser<K> {
  const canonical = Object.keys(values).filter((k): k is K => k in values)
  const lookup = new Map<string, K>()
  const add = (word: string, value: K) => {
    const key = enumKey(word)
    const existing = lookup.get(key)
    if (existing !== undefined && existing !== value) {
      throw new Error(`enumOf: "${word}" would mean both "${existing}" and "${value}"`)
    }
    lookup.set(key, value)
  }
  const suffix = options.optionalSuffix
  for (const value of canonical) {
    for (const word of [value, ...values[value]]) {
      add(word, value)
      if (suffix && word.endsWith(suffix) && word.length > suffix.length)
        add(word.slice(0, -suffix.length), value)
    }
  }
  return {
    kind: 'enum',
    format: { 'zh-CN': `从可选值中选一个`, en: 'One of the allowed values' },
    options: canonical,
    parse(cell) {
      const found = lookup.get(enumKey(cellToText(cell)))
      if (found !== undefined) return ok(found)
      return fail('enum_invalid', { value: cellToText(cell).trim(), options: canonical.join('、') })
    },
  }
}

/**
 * Mobile (11 digits starting with 1) or landline with area code; dashes, spaces, brackets and a
 * +86 prefix are dropped. Returns '13912345678' or '024-23456789'.
 */
export function phone(): CellParser<string> {
  return {
    kind: 'phone',
    numFmt: '@',
    format: {
      'zh-CN': '11 位手机号，或带区号的固定电话（如 024-23456789）',
      en: '11-digit mobile number, or a landline with area code (e.g. 024-23456789)',
    },
    parse(cell) {
      const raw = typeof cell === 'number' && Number.isSafeInteger(cell) ? String(cell) : cellToText(cell)
      const s = halfWidth(raw).replace(/[\s\-–—()（）]+/g, '')
      const mobile = /^(?:\+?86|0086)?(1[3-9]\d{9})$/.exec(s)
      if (mobile?.[1]) return ok(mobile[1])
      const landline = /^(0[12]\d|0[3-9]\d{2})([2-9]\d{6,7})$/.exec(s)
      if (landline?.[1] && landline[2]) return ok(`${landline[1]}-${landline[2]}`)
      return fail('phone_invalid')
    },
  }
}

/** All parser factories in one place, for column specs. */
export const parsers = { text, integer, decimal, money, date, boolean, enumOf, idNumber, phone }
