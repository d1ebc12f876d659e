/**
 * Recurring duties (按月报送): a progress note is due by day N of each month (N = 1…28), or by the
 * last day of the month. Days 29–31 are not offered: "the 30th" has no answer in February, and
 * "the last day" is what such rules mean (月末报送), so it is a rule of its own.
 *
 * An occurrence is one month's duty: its window is the whole calendar month, its due date day N
 * (or the month's last day: 28 February, 29 in a leap year). The occurrences of a task are the
 * months whose due date falls within [task start, min(today, task deadline)]: a month whose due
 * date has not come yet is not judged.
 *
 * A unit's occurrence is complete when it filed a progress note dated within that month, and on
 * time when one is dated on or before the due day. Completeness and timeliness are shares of the
 * occurrences (应报次数): complete / due and on time / due.
 */
import { addDays, isIsoDate } from '../calendar/calendar.js'

export interface MonthlyRule {
  /** 1–28, or 'last' for the last day of each month. */
  day: number | 'last'
}

export interface Occurrence {
  /** 'YYYY-MM'. */
  month: string
  /** First day of the month. */
  opensOn: string
  dueOn: string
  /** Last day of the month. */
  closesOn: string
}

export interface JudgedOccurrence extends Occurrence {
  complete: boolean
  onTime: boolean
  /** Earliest note of the month, if any. */
  noteOn: string | null
}

export const MAX_RULE_DAY = 28

export function isValidRule(rule: MonthlyRule): boolean {
  return rule.day === 'last' || (Number.isInteger(rule.day) && rule.day >= 1 && rule.day <= MAX_RULE_DAY)
}

/** Stored form: 'monthly:15' or 'monthly:last'. */
export function formatRule(rule: MonthlyRule): string {
  if (!isValidRule(rule)) throw new RangeError(`not a monthly rule: ${JSON.stringify(rule)}`)
  return `monthly:${rule.day}`
}

export function parseRule(text: string | null | undefined): MonthlyRule | null {
  if (!text) return null
  const m = /^monthly:(last|\d{1,2})$/.exec(text)
  if (!m?.[1]) return null
  const rule: MonthlyRule = { day: m[1] === 'last' ? 'last' : Number(m[1]) }
  return isValidRule(rule) ? rule : null
}

const pad2 = (n: number) => String(n).padStart(2, '0')

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** The occurrence of a rule in month 'YYYY-MM'. */
export function occurrenceIn(rule: MonthlyRule, month: string): Occurrence {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  const year = Number(m?.[1])
  const mon = Number(m?.[2])
  if (!m || mon < 1 || mon > 12) throw new RangeError(`not a YYYY-MM month: ${JSON.stringify(month)}`)
  if (!isValidRule(rule)) throw new RangeError(`not a monthly rule: ${JSON.stringify(rule)}`)
  const last = daysInMonth(year, mon)
  const day = rule.day === 'last' ? last : rule.day
  return {
    month,
    opensOn: `${month}-01`,
    dueOn: `${month}-${pad2(day)}`,
    closesOn: `${month}-${pad2(last)}`,
  }
}

function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4))
  const m = Number(month.slice(5, 7))
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${pad2(m + 1)}`
}

/**
 * Every occurrence whose due date lies in [from, to], in order. `to` is usually
 * min(today, the task's deadline). Empty when to < from.
 */
export function occurrences(rule: MonthlyRule, from: string, to: string): Occurrence[] {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new RangeError('occurrences: dates must be YYYY-MM-DD')
  const out: Occurrence[] = []
  if (to < from) return out
  const stop = to.slice(0, 7)
  for (let month = from.slice(0, 7); month <= stop; month = nextMonth(month)) {
    const o = occurrenceIn(rule, month)
    if (o.dueOn >= from && o.dueOn <= to) out.push(o)
  }
  return out
}

/** Judges occurrences against the dates of one unit's progress notes (any order, duplicates fine). */
export function judge(occ: readonly Occurrence[], noteDates: readonly string[]): JudgedOccurrence[] {
  const sorted = [...noteDates].sort()
  return occ.map((o) => {
    const first = sorted.find((d) => d >= o.opensOn && d <= o.closesOn) ?? null
    return { ...o, complete: first !== null, onTime: first !== null && first <= o.dueOn, noteOn: first }
  })
}

export interface Rates {
  due: number
  complete: number
  onTime: number
  /** complete / due, null when nothing was due yet. */
  completeness: number | null
  /** on time / due, null when nothing was due yet. */
  timeliness: number | null
}

export function rates(judged: readonly JudgedOccurrence[]): Rates {
  const due = judged.length
  const complete = judged.filter((j) => j.complete).length
  const onTime = judged.filter((j) => j.onTime).length
  return {
    due,
    complete,
    onTime,
    completeness: due === 0 ? null : complete / due,
    timeliness: due === 0 ? null : onTime / due,
  }
}

/** The day after an occurrence's month: handy for property tests and for "next month". */
export const dayAfter = (o: Occurrence) => addDays(o.closesOn, 1)
