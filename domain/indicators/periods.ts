/**
 * Periods of the indicator registry: a year, a half, a quarter, a month or any inclusive date
 * range, written the way the API and the CLI take them:
 *
 *   2023 · 2023-H1 · 2023-Q3 · 2023-11 · 2023-01-01~2023-11-30
 *
 * and the two comparisons every report makes: the previous period (环比) and the same period last
 * year (同比). Pure: dates are ISO 'YYYY-MM-DD' strings in China's calendar, no clock, no zones.
 */

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'range'

export interface Period {
  kind: PeriodKind
  /** Inclusive first and last day. */
  from: string
  to: string
  /** The canonical text (what `parsePeriod` reads back). */
  label: string
}

const pad = (n: number) => String(n).padStart(2, '0')
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function validDate(s: string): boolean {
  const m = ISO_DATE.exec(s)
  if (!m) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo)
}

function months(y: number, first: number, last: number, kind: PeriodKind, label: string): Period {
  return { kind, from: iso(y, first, 1), to: iso(y, last, daysIn(y, last)), label }
}

/** Reads a period; null when the text is none of the forms above or names an impossible date. */
export function parsePeriod(text: string): Period | null {
  const s = text.trim().toUpperCase()
  let m = /^(\d{4})$/.exec(s)
  if (m) return months(Number(m[1]), 1, 12, 'year', s)
  m = /^(\d{4})-H([12])$/.exec(s)
  if (m) {
    const h = Number(m[2])
    return months(Number(m[1]), h === 1 ? 1 : 7, h === 1 ? 6 : 12, 'half', s)
  }
  m = /^(\d{4})-Q([1-4])$/.exec(s)
  if (m) {
    const q = Number(m[2])
    return months(Number(m[1]), 3 * q - 2, 3 * q, 'quarter', s)
  }
  m = /^(\d{4})-(\d{2})$/.exec(s)
  if (m) {
    const mo = Number(m[2])
    if (mo < 1 || mo > 12) return null
    return months(Number(m[1]), mo, mo, 'month', s)
  }
  m = /^(\d{4}-\d{2}-\d{2})\s*(?:~|\.\.|至)\s*(\d{4}-\d{2}-\d{2})$/.exec(s)
  if (m) {
    const from = m[1] ?? ''
    const to = m[2] ?? ''
    if (!validDate(from) || !validDate(to) || from > to) return null
    return { kind: 'range', from, to, label: `${from}~${to}` }
  }
  return null
}

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** The same calendar day a year earlier; 29 February becomes the 28th. */
function yearEarlier(date: string): string {
  const y = Number(date.slice(0, 4)) - 1
  const m = Number(date.slice(5, 7))
  const d = Math.min(Number(date.slice(8, 10)), daysIn(y, m))
  return iso(y, m, d)
}

const dayCount = (p: { from: string; to: string }) =>
  Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000) + 1

/** 同比: the same period one year earlier (a month for a month, Jan–Nov for Jan–Nov). */
export function sameLastYear(p: Period): Period {
  const y = Number(p.from.slice(0, 4)) - 1
  switch (p.kind) {
    case 'year':
      return parsePeriod(String(y)) as Period
    case 'half':
    case 'quarter':
    case 'month':
      return parsePeriod(`${y}${p.label.slice(4)}`) as Period
    default: {
      // A range that ends on a month's last day keeps doing so (Feb 29 → Feb 28).
      const from = yearEarlier(p.from)
      const to = yearEarlier(p.to)
      return { kind: 'range', from, to, label: `${from}~${to}` }
    }
  }
}

/** 环比: the period just before, of the same kind (or, for a range, of the same number of days). */
export function previousPeriod(p: Period): Period {
  const y = Number(p.from.slice(0, 4))
  const mo = Number(p.from.slice(5, 7))
  switch (p.kind) {
    case 'year':
      return parsePeriod(String(y - 1)) as Period
    case 'half':
      return parsePeriod(mo === 1 ? `${y - 1}-H2` : `${y}-H1`) as Period
    case 'quarter': {
      const q = (mo + 2) / 3
      return parsePeriod(q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`) as Period
    }
    case 'month':
      return parsePeriod(mo === 1 ? `${y - 1}-12` : `${y}-${pad(mo - 1)}`) as Period
    default: {
      const to = addDays(p.from, -1)
      const from = addDays(to, -(dayCount(p) - 1))
      return { kind: 'range', from, to, label: `${from}~${to}` }
    }
  }
}

/** The period that holds a date, of a kind: the year, half, quarter or month of `date`. */
export function periodOf(kind: Exclude<PeriodKind, 'range'>, date: string): Period {
  const y = date.slice(0, 4)
  const mo = Number(date.slice(5, 7))
  const label =
    kind === 'year'
      ? y
      : kind === 'half'
        ? `${y}-H${mo <= 6 ? 1 : 2}`
        : kind === 'quarter'
          ? `${y}-Q${Math.ceil(mo / 3)}`
          : `${y}-${pad(mo)}`
  return parsePeriod(label) as Period
}

/** The last `n` periods of a kind ending with the one that holds `date`, oldest first (sparklines). */
export function trailingPeriods(kind: Exclude<PeriodKind, 'range'>, date: string, n: number): Period[] {
  const out: Period[] = [periodOf(kind, date)]
  while (out.length < n) out.unshift(previousPeriod(out[0] as Period))
  return out
}
