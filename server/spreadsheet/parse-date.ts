/**
 * Dates → 'YYYY-MM-DD', from every form a ledger holds them in: real Excel dates, bare serial
 * numbers, and text such as "2019.3.15", "2019年3月15日", "2019/03/15", " 2019-3-15 ", "20190315".
 *
 * exceljs gives a date cell as a Date at UTC midnight of the day Excel shows, so the UTC fields
 * are read (the local ones would give the previous day west of Greenwich, and the server's zone
 * must not matter). Impossible dates such as 2019-02-30 are refused, never rolled over.
 */
import { cellToText } from './cells.js'
import { type CellParser, fail, halfWidth, ok, type ParseResult } from './parse-result.js'

export interface DateOptions {
  /** Earliest accepted date, 'YYYY-MM-DD'. Default 1900-01-01. */
  min?: string
  /** Latest accepted date, 'YYYY-MM-DD'. Default 2099-12-31. */
  max?: string
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** 'YYYY-MM-DD' if the three parts make a real calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
  if (day > days) return null
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/**
 * Excel serial (1900 date system) → 'YYYY-MM-DD'. Serial 60 is Excel's fictitious 1900-02-29
 * (a Lotus 1-2-3 bug Excel keeps), so day numbers from 61 on are one day ahead of a real calendar.
 */
export function excelSerialToIso(serial: number): string | null {
  const day = Math.floor(serial)
  if (day < 1 || day > 2958465 || day === 60) return null
  const offset = day > 60 ? day - 1 : day
  const d = new Date(Date.UTC(1899, 11, 31) + offset * 86_400_000)
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** 'YYYY-MM-DD' → Excel serial, the inverse of `excelSerialToIso` (for writing dates). */
export function isoToExcelSerial(iso: string): number {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number)
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 31)) / 86_400_000
  return days >= 60 ? days + 1 : days
}

const TEXT_FORMS: RegExp[] = [
  /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
]

type Parsed = { iso: string } | { error: 'date_invalid' | 'date_impossible' }

function fromText(raw: string): Parsed {
  const s = halfWidth(raw)
    .trim()
    .replace(/\s*([-./年月日])\s*/g, '$1')
  for (const form of TEXT_FORMS) {
    const m = form.exec(s)
    if (!m) continue
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
    return iso ? { iso } : { error: 'date_impossible' }
  }
  return { error: 'date_invalid' }
}

function fromNumber(n: number): Parsed {
  // 20190315 typed into a General cell.
  if (Number.isInteger(n) && n >= 10_000_101 && n <= 99_991_231) return fromText(String(n))
  // 2019 alone is a year, not serial 2019 (1905-07-11).
  if (n >= 1900 && n <= 2100) return { error: 'date_invalid' }
  const iso = excelSerialToIso(n)
  return iso ? { iso } : { error: 'date_invalid' }
}

function fromDate(d: Date): Parsed {
  if (Number.isNaN(d.getTime())) return { error: 'date_invalid' }
  const iso = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
  return iso ? { iso } : { error: 'date_invalid' }
}

/** Parses a calendar date to 'YYYY-MM-DD'. */
export function date(options: DateOptions = {}): CellParser<string> {
  const min = options.min ?? '1900-01-01'
  const max = options.max ?? '2099-12-31'
  return {
    kind: 'date',
    numFmt: 'yyyy-mm-dd',
    format: {
      'zh-CN': '日期，如 2019-03-15（也可写 2019/3/15、2019.3.15、2019年3月15日）',
      en: 'A date such as 2019-03-15 (2019/3/15, 2019.3.15 and 2019年3月15日 also work)',
    },
    parse(cell): ParseResult<string> {
      let parsed: Parsed
      if (cell instanceof Date) parsed = fromDate(cell)
      else if (typeof cell === 'number') parsed = fromNumber(cell)
      else if (typeof cell === 'string') parsed = fromText(cell)
      else parsed = { error: 'date_invalid' }
      if ('error' in parsed) return fail(parsed.error, { value: cellToText(cell).trim() })
      if (parsed.iso < min || parsed.iso > max)
        return fail('date_out_of_range', { value: parsed.iso, min, max })
      return ok(parsed.iso)
    },
  }
}
