/**
 * Calendar-day and working-day arithmetic for statutory periods.
 *
 * Dates are `YYYY-MM-DD` strings. All arithmetic goes through UTC day numbers so the process
 * time zone (the tests run in Asia/Shanghai) can never shift a date by one.
 *
 * Period rules follow 民法典 Art. 201–203:
 *  - a period counted in days starts the day after the triggering date (Art. 201), so
 *    "within N days of D" ends at the end of D + N, that day included (Art. 203);
 *  - if the last day is a statutory rest day, the period ends on the next working day (Art. 203).
 * Which days are rest days comes from the State Council's yearly holiday notice, supplied as data
 * (holidays + make-up working days, 调休), never hard-coded here.
 */

const MS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * A calendar that has no working day for this long is broken (e.g. a custom WorkCalendar that
 * always says no); fail loudly instead of looping forever.
 */
const MAX_REST_RUN = 1_000

export interface CalendarData {
  /** Public-holiday rest days (法定节假日 and the days joined to them). */
  holidays: Iterable<string>
  /** Make-up working days (调休上班), usually a Saturday or Sunday. */
  workdays: Iterable<string>
}

export interface WorkCalendar {
  isWorkingDay(date: string): boolean
}

/** Strict: the exact `YYYY-MM-DD` shape and a day that exists (2023-02-29 is false, 2024-02-29 true). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

/** Days since 1970-01-01 (UTC). Throws RangeError on anything that is not a real ISO date. */
function toDayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`)
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  // setUTCFullYear rather than Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const t = new Date(0)
  t.setUTCFullYear(y, m - 1, d)
  return Math.round(t.getTime() / MS_PER_DAY)
}

function fromDayNumber(n: number): string {
  const t = new Date(n * MS_PER_DAY)
  const y = t.getUTCFullYear()
  if (y < 0 || y > 9999) throw new RangeError(`date out of the YYYY range (day ${n})`)
  const pad = (v: number, w: number) => String(v).padStart(w, '0')
  return `${pad(y, 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7
}

function requireInteger(n: number, what: string, min: number): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${what} must be an integer ≥ ${min}, got ${n}`)
}

export function addDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`)
  return fromDayNumber(toDayNumber(date) + n)
}

/** `to − from` in calendar days (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from)
}

/**
 * A make-up day always works, even if it also appears among the holidays (the notice that moved
 * it wins); otherwise Monday–Friday works unless it is a holiday.
 */
export function makeCalendar(data: CalendarData): WorkCalendar {
  const holidays = validatedSet(data.holidays, 'holiday')
  const workdays = validatedSet(data.workdays, 'make-up workday')
  return {
    isWorkingDay(date: string): boolean {
      const n = toDayNumber(date)
      if (workdays.has(n)) return true
      const wd = weekday(n)
      return wd !== 0 && wd !== 6 && !holidays.has(n)
    },
  }
}

/** Store day numbers, so `2026-10-01` typed twice or in odd places can never slip through unnoticed. */
function validatedSet(dates: Iterable<string>, what: string): Set<number> {
  const out = new Set<number>()
  for (const d of dates) {
    if (!isIsoDate(d)) throw new RangeError(`bad ${what} date: ${JSON.stringify(d)}`)
    out.add(toDayNumber(d))
  }
  return out
}

/** `date` itself if it is a working day, else the first working day after it. */
export function nextWorkingDay(cal: WorkCalendar, date: string): string {
  let d = date
  for (let i = 0; i <= MAX_REST_RUN; i++) {
    if (cal.isWorkingDay(d)) return d
    d = addDays(d, 1)
  }
  throw new RangeError(`no working day within ${MAX_REST_RUN} days after ${date}`)
}

/**
 * Last day of a period "within `days` days of `start`": `start` is not counted (Art. 201), so the
 * raw end is start + days; a rest-day end rolls on to the next working day (Art. 203).
 */
export function periodEnd(cal: WorkCalendar, start: string, days: number): string {
  requireInteger(days, 'days', 0)
  return nextWorkingDay(cal, addDays(start, days))
}

/**
 * The n-th working day after `start` (start itself never counts; make-up days do, rest days
 * don't). n = 0 returns `start` unchanged.
 */
export function addWorkingDays(cal: WorkCalendar, start: string, n: number): string {
  requireInteger(n, 'n', 0)
  let d = start
  for (let i = 0; i < n; i++) d = nextWorkingDay(cal, addDays(d, 1))
  return d
}
