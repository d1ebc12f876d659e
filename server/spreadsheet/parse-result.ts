/**
 * The contract between cell parsers and the import runner. Parsers never throw for bad input:
 * they return a failure with an i18n key, so one import can report every bad cell at once.
 */
import type { Cell } from './cells.js'
import { renderMessage, type SheetLocale } from './messages.js'

export type ParseResult<T> =
  | { ok: true; value: T }
  | {
      ok: false
      /** Message key of the server catalogue (see messages.ts). */
      key: string
      params: Record<string, unknown>
      /** The Chinese text, for tests, logs and the error report. */
      message: string
    }

export type ParseFailure = Extract<ParseResult<unknown>, { ok: false }>

export type ParserKind =
  | 'text'
  | 'integer'
  | 'decimal'
  | 'money'
  | 'date'
  | 'boolean'
  | 'enum'
  | 'idNumber'
  | 'phone'

export interface CellParser<T> {
  kind: ParserKind
  /** Called for non-blank cells only: whether a blank is allowed is the column's `required`. */
  parse(cell: Exclude<Cell, null>): ParseResult<T>
  /** What to type, for the template's instructions sheet. */
  format: Record<SheetLocale, string>
  /** Allowed values (enums), listed in the instructions sheet. */
  options?: readonly string[]
  /** Excel number format for the template column: '@' (text) stops Excel mangling ID numbers. */
  numFmt?: string
}

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value }
}

export function fail(key: string, params: Record<string, unknown> = {}): ParseFailure {
  return { ok: false, key, params, message: renderMessage(key, params) }
}

/** Full-width digits, letters and punctuation to half-width, for number-like input only (never for prose). */
export function halfWidth(text: string): string {
  return text.normalize('NFKC')
}

/**
 * Exact decimal text for a number Excel stored: 15 significant digits (what Excel itself shows),
 * so 0.1 + 0.2 becomes "0.3" and a formula's 12.299999999999999 becomes "12.3". No exponent.
 */
export function decimalText(n: number): string {
  // Fast path: JavaScript's shortest round-trip form, when it has no exponent and at most 15
  // significant digits, is already what Excel shows.
  const plain = String(n)
  if (!plain.includes('e') && plain.replace(/^-?[0.]*/, '').replace('.', '').length <= 15) return plain
  const [mantissa = '0', exp = '0'] = n.toPrecision(15).split('e')
  const negative = mantissa.startsWith('-')
  const [intPart = '0', frac = ''] = mantissa.replace('-', '').split('.')
  let digits = intPart + frac
  let point = intPart.length + Number(exp)
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits
    point = 1
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length)
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '')
  const fraction = digits.slice(point).replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}

/**
 * Number text as people type it → canonical decimal text, or null. Accepts spaces, thousands
 * separators in the right places ("1,200.00"), a leading + or -, and full-width digits.
 */
export function normalizeNumberText(raw: string): string | null {
  const s = halfWidth(raw).replace(/\s+/g, '')
  const plain = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)
  const grouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)
  if (!plain && !grouped) return null
  let t = s.replace(/,/g, '').replace(/^\+/, '')
  if (t.startsWith('.') || t.startsWith('-.')) t = t.replace('.', '0.')
  return t.replace(/\.$/, '')
}
