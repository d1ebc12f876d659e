import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addWorkingDays,
  daysBetween,
  isIsoDate,
  makeCalendar,
  nextWorkingDay,
  periodEnd,
  type WorkCalendar,
} from './calendar.js'

/** Expand inclusive ranges so the fixture reads like the State Council notice. */
function range(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

/**
 * 2026 public holidays and make-up working days (国务院办公厅 2026 节假日安排).
 * Cross-checked once by hand against the chinese-days package: same weekday holidays, same make-up days.
 */
const CN_2026 = {
  holidays: [
    ...range('2026-01-01', '2026-01-03'), // 元旦
    ...range('2026-02-15', '2026-02-23'), // 春节
    ...range('2026-04-04', '2026-04-06'), // 清明
    ...range('2026-05-01', '2026-05-05'), // 劳动节
    ...range('2026-06-19', '2026-06-21'), // 端午
    ...range('2026-09-25', '2026-09-27'), // 中秋
    ...range('2026-10-01', '2026-10-07'), // 国庆
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
}
const cal2026 = makeCalendar(CN_2026)
const weekendsOnly = makeCalendar({ holidays: [], workdays: [] })

const RUNS = { numRuns: 200 }

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // divisible by 100 only
    ['2026-04-30', true],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
    [' 2026-01-01', false],
    ['', false],
  ])('%s → %s', (s, ok) => {
    expect(isIsoDate(s)).toBe(ok)
  })
})

describe('addDays / daysBetween', () => {
  it('crosses month ends, leap days and years', () => {
    // Jan has 31 days, Feb 2026 has 28: 01-31 + 28 = 02-28, + 2 more = 03-02.
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366)
    expect(daysBetween('2026-03-18', '2026-03-03')).toBe(-15)
  })

  it('handles years below 100 (where Date.UTC would jump to 19xx)', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01')
    expect(daysBetween('0001-01-01', '0001-12-31')).toBe(364)
  })

  it('rejects malformed dates and non-integer steps', () => {
    expect(() => addDays('2023-02-29', 1)).toThrow(RangeError)
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError)
    expect(() => daysBetween('2026/01/01', '2026-01-02')).toThrow(RangeError)
  })

  it('property: addDays and daysBetween are inverse, and agree with Date', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2100-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -2000, max: 2000 }),
        (dt, n) => {
          const d = dt.toISOString().slice(0, 10)
          const e = addDays(d, n)
          expect(isIsoDate(e)).toBe(true)
          expect(daysBetween(d, e)).toBe(n)
          expect(e).toBe(new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10))
        },
      ),
      RUNS,
    )
  })
})

describe('makeCalendar', () => {
  it('weekends rest, holidays rest, make-up days work', () => {
    expect(cal2026.isWorkingDay('2026-10-09')).toBe(true) // Fri
    expect(cal2026.isWorkingDay('2026-10-11')).toBe(false) // Sun
    expect(cal2026.isWorkingDay('2026-10-01')).toBe(false) // Thu, 国庆
    expect(cal2026.isWorkingDay('2026-10-10')).toBe(true) // Sat, make-up
    expect(cal2026.isWorkingDay('2026-09-20')).toBe(true) // Sun, make-up
    expect(cal2026.isWorkingDay('2026-01-04')).toBe(true) // Sun, make-up
  })

  it('a make-up day listed among the holidays too still works', () => {
    const cal = makeCalendar({ holidays: ['2026-10-10'], workdays: ['2026-10-10'] })
    expect(cal.isWorkingDay('2026-10-10')).toBe(true)
  })

  it('refuses malformed fixture dates', () => {
    expect(() => makeCalendar({ holidays: ['2026-02-30'], workdays: [] })).toThrow(RangeError)
    expect(() => makeCalendar({ holidays: [], workdays: ['2026-9-20'] })).toThrow(RangeError)
  })

  it('fails loudly when a calendar never works', () => {
    const never: WorkCalendar = { isWorkingDay: () => false }
    expect(() => nextWorkingDay(never, '2026-01-01')).toThrow(RangeError)
  })
})

describe('periodEnd (民法典 Art. 201–203)', () => {
  it('does not count the start day: received 03-03 + 15 days → 03-18', () => {
    // 2026-03-18 is a Wednesday, an ordinary working day.
    expect(periodEnd(cal2026, '2026-03-03', 15)).toBe('2026-03-18')
  })

  it('rolls a holiday end to the next working day: 09-17 + 15 → 10-02 (国庆) → 10-08', () => {
    // 09-17 (Thu) + 15 = 10-02 (Fri, holiday). 10-03..10-07 are holidays too, 10-08 is a Thursday.
    expect(addDays('2026-09-17', 15)).toBe('2026-10-02')
    expect(periodEnd(cal2026, '2026-09-17', 15)).toBe('2026-10-08')
  })

  it('rolls through the Spring Festival: 02-05 + 15 → 02-20 → 02-24', () => {
    // 02-20 (Fri) lies in 02-15..02-23; 02-24 is a Tuesday.
    expect(periodEnd(cal2026, '2026-02-05', 15)).toBe('2026-02-24')
  })

  it('ends on a make-up Saturday without rolling: 09-25 + 15 → 10-10', () => {
    expect(periodEnd(cal2026, '2026-09-25', 15)).toBe('2026-10-10')
  })

  it('month end: 01-31 + 30 → 03-02 (Mon)', () => {
    expect(periodEnd(cal2026, '2026-01-31', 30)).toBe('2026-03-02')
  })

  it('year wrap: 2026-12-25 + 15 → 2027-01-09 (Sat) → 2027-01-11 (Mon)', () => {
    expect(periodEnd(weekendsOnly, '2026-12-25', 15)).toBe('2027-01-11')
  })

  it('0 days is the start day itself, rolled if it rests', () => {
    expect(periodEnd(cal2026, '2026-10-09', 0)).toBe('2026-10-09')
    expect(periodEnd(cal2026, '2026-10-11', 0)).toBe('2026-10-12')
  })

  it('refuses negative or fractional periods', () => {
    expect(() => periodEnd(cal2026, '2026-01-01', -1)).toThrow(RangeError)
    expect(() => periodEnd(cal2026, '2026-01-01', 1.5)).toThrow(RangeError)
  })
})

describe('addWorkingDays', () => {
  it('5 working days from 09-30 (Wed) → 10-13, counting the make-up Saturday', () => {
    // 10-01..10-07 holidays. 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat make-up (3),
    // 10-11 Sun rests, 10-12 Mon (4), 10-13 Tue (5).
    expect(addWorkingDays(cal2026, '2026-09-30', 5)).toBe('2026-10-13')
  })

  it('starts counting the day after, even from a rest day', () => {
    // 10-03 (Sat, holiday): 10-08 (1) … 10-12 (4), as above.
    expect(addWorkingDays(cal2026, '2026-10-03', 4)).toBe('2026-10-12')
    // Friday + 1 working day is Monday.
    expect(addWorkingDays(weekendsOnly, '2026-03-06', 1)).toBe('2026-03-09')
  })

  it('year wrap over 元旦: 2025-12-31 + 1 working day → 2026-01-04 (Sun make-up)', () => {
    // 01-01..01-03 holidays, 01-04 is a make-up Sunday.
    expect(addWorkingDays(cal2026, '2025-12-31', 1)).toBe('2026-01-04')
  })

  it('0 working days is the start', () => {
    expect(addWorkingDays(cal2026, '2026-10-03', 0)).toBe('2026-10-03')
  })
})

// ---- properties over random calendars ------------------------------------------------------

/** Random calendars over 2025-12-01 + 0..499 days: random holidays, random make-up days. */
const BASE = '2025-12-01'
const SPAN = 500
const day = (i: number) => addDays(BASE, i)
const isWeekend = (d: string) => {
  const wd = new Date(`${d}T00:00:00Z`).getUTCDay()
  return wd === 0 || wd === 6
}

const calendarArb = fc
  .record({
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: SPAN + 120 }), { maxLength: 80 }),
    workdays: fc.uniqueArray(fc.integer({ min: 0, max: SPAN + 120 }), { maxLength: 15 }),
  })
  .map(({ holidays, workdays }) => ({
    holidays: holidays.map(day),
    // Make-up days are weekend days by nature; weekdays already work.
    workdays: workdays.map(day).filter(isWeekend),
  }))
const startArb = fc.integer({ min: 0, max: SPAN - 1 }).map(day)

function workingDaysIn(cal: WorkCalendar, afterExclusive: string, toInclusive: string): number {
  let n = 0
  for (let d = addDays(afterExclusive, 1); d <= toInclusive; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++
  return n
}

describe('calendar properties', () => {
  it('periodEnd is a working day, never before start+days, equal to it when that day works', () => {
    fc.assert(
      fc.property(calendarArb, startArb, fc.integer({ min: 0, max: 90 }), (data, start, days) => {
        const cal = makeCalendar(data)
        const raw = addDays(start, days)
        const end = periodEnd(cal, start, days)
        expect(cal.isWorkingDay(end)).toBe(true)
        expect(end >= raw).toBe(true)
        if (cal.isWorkingDay(raw)) expect(end).toBe(raw)
        // …and it is the *first* working day from raw on: everything skipped was a rest day.
        expect(workingDaysIn(cal, addDays(raw, -1), addDays(end, -1))).toBe(0)
      }),
      RUNS,
    )
  })

  it('addWorkingDays lands on a working day with exactly n working days in (start, result]', () => {
    fc.assert(
      fc.property(calendarArb, startArb, fc.integer({ min: 1, max: 30 }), (data, start, n) => {
        const cal = makeCalendar(data)
        const end = addWorkingDays(cal, start, n)
        expect(cal.isWorkingDay(end)).toBe(true)
        expect(workingDaysIn(cal, start, end)).toBe(n)
      }),
      RUNS,
    )
  })

  it('make-up days always work; holidays that are not make-up days never do', () => {
    fc.assert(
      fc.property(calendarArb, (data) => {
        const cal = makeCalendar(data)
        for (const d of data.workdays) expect(cal.isWorkingDay(d)).toBe(true)
        const makeUp = new Set(data.workdays)
        for (const h of data.holidays) if (!makeUp.has(h)) expect(cal.isWorkingDay(h)).toBe(false)
      }),
      RUNS,
    )
  })

  it('a make-up day counts: turning a weekend day in the window into one pulls the result earlier by one working day', () => {
    fc.assert(
      fc.property(calendarArb, startArb, fc.integer({ min: 1, max: 20 }), (data, start, n) => {
        const cal = makeCalendar(data)
        const end = addWorkingDays(cal, start, n)
        const restDay = range(addDays(start, 1), end).find((d) => isWeekend(d) && !cal.isWorkingDay(d))
        fc.pre(restDay !== undefined)
        const withMakeUp = makeCalendar({ ...data, workdays: [...data.workdays, restDay as string] })
        const earlier = addWorkingDays(withMakeUp, start, n)
        // The new make-up day is one of the n; the n-th is now the (n-1)-th working day of the old count.
        expect(earlier < end).toBe(true)
        expect(workingDaysIn(withMakeUp, start, earlier)).toBe(n)
      }),
      RUNS,
    )
  })

  it('a holiday never counts: making a counted working day a holiday pushes the result one working day on', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb,
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        (data, start, n, pick) => {
          const cal = makeCalendar(data)
          const end = addWorkingDays(cal, start, n)
          const makeUp = new Set(data.workdays)
          const counted = range(addDays(start, 1), end).filter((d) => cal.isWorkingDay(d) && !makeUp.has(d))
          fc.pre(counted.length > 0)
          const h = counted[pick % counted.length] as string
          const withHoliday = makeCalendar({ ...data, holidays: [...data.holidays, h] })
          expect(withHoliday.isWorkingDay(h)).toBe(false)
          expect(addWorkingDays(withHoliday, start, n)).toBe(nextWorkingDay(withHoliday, addDays(end, 1)))
        },
      ),
      RUNS,
    )
  })
})
