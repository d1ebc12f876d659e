/**
 * Ledger periods: which period a date falls in, its first and last day, and when a unit's
 * submission for it is due. A ledger without periods (`none`) has one period covering all time.
 * Pure and IO-free.
 */

export const PERIOD_KINDS = ['year', 'quarter', 'month', 'none'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

export interface Period {
  /** First day, 'YYYY-MM-DD'. */
  start: string
  /** Last day, inclusive. */
  end: string
  /** 2023, 2023-Q2, 2023-05, or 'all'. */
  label: string
}

const pad = (n: number) => String(n).padStart(2, '0')

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The period of the given kind a date lies in. */
export function periodOf(kind: PeriodKind, date: string): Period {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  switch (kind) {
    case 'year':
      return { start: `${year}-01-01`, end: `${year}-12-31`, label: String(year) }
    case 'quarter': {
      const q = Math.floor((month - 1) / 3) + 1
      const first = (q - 1) * 3 + 1
      const last = first + 2
      return {
        start: `${year}-${pad(first)}-01`,
        end: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`,
        label: `${year}-Q${q}`,
      }
    }
    case 'month':
      return {
        start: `${year}-${pad(month)}-01`,
        end: `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`,
        label: `${year}-${pad(month)}`,
      }
    case 'none':
      return { start: '1900-01-01', end: '9999-12-31', label: 'all' }
  }
}

/** The period a label names ('2023', '2023-Q2', '2023-05', 'all'), or null. */
export function periodFromLabel(kind: PeriodKind, label: string): Period | null {
  if (kind === 'none') return label === 'all' ? periodOf('none', '1900-01-01') : null
  const y = /^(\d{4})$/.exec(label)
  if (kind === 'year' && y) return periodOf('year', `${y[1]}-01-01`)
  const q = /^(\d{4})-Q([1-4])$/.exec(label)
  if (kind === 'quarter' && q) return periodOf('quarter', `${q[1]}-${pad((Number(q[2]) - 1) * 3 + 1)}-01`)
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label)
  if (kind === 'month' && m) return periodOf('month', `${m[1]}-${m[2]}-01`)
  return null
}

/** Adds whole days to an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * When a period's submission is due: `dueDays` calendar days after the period ends (the 10th day
 * after a month is `dueDays = 10`). No due date for ledgers without periods or without `dueDays`.
 */
export function dueDateOf(period: Period, dueDays: number | null | undefined): string | null {
  if (dueDays === null || dueDays === undefined || period.label === 'all') return null
  return addDays(period.end, dueDays)
}

/** Timeliness: on time when first submitted on or before the due date (no due date: on time). */
export function onTime(submittedOn: string | null, due: string | null): boolean | null {
  if (submittedOn === null) return null
  return due === null || submittedOn <= due
}

/** The later / earlier of two ISO dates (text compares as dates). */
export const laterDate = (a: string, b: string) => (a.localeCompare(b) >= 0 ? a : b)
export const earlierDate = (a: string, b: string) => (a.localeCompare(b) <= 0 ? a : b)
