import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, makeCalendar, nextWorkingDay } from '../calendar/calendar.js'
import { type CaseDates, computeDeadlines, type Deadlines, LIMITS } from './deadlines.js'

/** National Day 2026 and the Mid-Autumn Festival just before it; enough for the worked examples. */
const golden = makeCalendar({
  holidays: [
    '2026-09-25',
    '2026-09-26',
    '2026-09-27',
    '2026-10-01',
    '2026-10-02',
    '2026-10-03',
    '2026-10-04',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  workdays: ['2026-09-20', '2026-10-10'],
})
const weekendsOnly = makeCalendar({ holidays: [], workdays: [] })

const blank = (receivedOn: string): CaseDates => ({
  receivedOn,
  forwardedOn: null,
  acceptedOn: null,
  extensionDays: 0,
  repliedOn: null,
  reviewRequestedOn: null,
  reviewDecidedOn: null,
  rereviewRequestedOn: null,
  rereviewDecidedOn: null,
})

const RUNS = { numRuns: 200 }

describe('computeDeadlines — worked examples', () => {
  it('a fresh case has only the notice deadline', () => {
    expect(computeDeadlines(golden, blank('2026-03-03'))).toEqual({
      noticeDue: '2026-03-18', // 03-03 + 15, a Wednesday
      objectionDue: null,
      handlingDue: null,
      reviewRequestDue: null,
      reviewDue: null,
      rereviewRequestDue: null,
      rereviewDue: null,
    })
  })

  it('notice over National Day: 09-17 + 15 = 10-02 (holiday) → 10-08', () => {
    expect(computeDeadlines(golden, blank('2026-09-17')).noticeDue).toBe('2026-10-08')
  })

  it('objection: 5 working days from 09-30 → 10-13', () => {
    // 10-08 (1), 10-09 (2), 10-10 make-up Sat (3), 10-12 (4), 10-13 (5).
    const d = { ...blank('2026-09-29'), forwardedOn: '2026-09-30' }
    expect(computeDeadlines(golden, d).objectionDue).toBe('2026-10-13')
  })

  it('handling: 60 days, rolled off a holiday', () => {
    // 08-03 + 60: Aug has 31 → 09-02 is +30, 10-02 is +60 (Sep has 30). 10-02 is a holiday → 10-08.
    const d = { ...blank('2026-07-28'), acceptedOn: '2026-08-03' }
    expect(computeDeadlines(golden, d).handlingDue).toBe('2026-10-08')
  })

  it('handling: the extension runs on from the raw day-60 end, not from the rolled one', () => {
    // Raw end 10-02 (holiday). +5 → raw 10-07 (holiday) → 10-08.
    // Rolling first (10-08) and then adding 5 would give 10-13: wrong.
    const d = { ...blank('2026-07-28'), acceptedOn: '2026-08-03', extensionDays: 5 }
    expect(computeDeadlines(golden, d).handlingDue).toBe('2026-10-08')
    // +8 → raw 10-10, a make-up Saturday, so no roll.
    expect(computeDeadlines(golden, { ...d, extensionDays: 8 }).handlingDue).toBe('2026-10-10')
    // +30 → 11-01 (Sun) → 11-02.
    expect(computeDeadlines(golden, { ...d, extensionDays: 30 }).handlingDue).toBe('2026-11-02')
  })

  it('handling from a leap day: 2024-02-29 + 60 → 2024-04-29 (Mon)', () => {
    // Feb 29 + 31 (March) = 03-31, + 29 = 04-29.
    const d = { ...blank('2024-02-20'), acceptedOn: '2024-02-29' }
    expect(computeDeadlines(weekendsOnly, d).handlingDue).toBe('2024-04-29')
  })

  it('review and re-review windows: 30 days each from their trigger', () => {
    const d: CaseDates = {
      ...blank('2026-01-05'),
      acceptedOn: '2026-01-06',
      repliedOn: '2026-01-31', // + 30 = 03-02 (Mon)
      reviewRequestedOn: '2026-02-10', // + 30 = 03-12 (Thu)
      reviewDecidedOn: '2026-03-06', // + 30 = 04-05 (Sun) → 04-06 (Mon) on weekends-only
      rereviewRequestedOn: '2026-03-20', // + 30 = 04-19 (Sun) → 04-20
      rereviewDecidedOn: null,
    }
    const dl = computeDeadlines(weekendsOnly, d)
    expect(dl.reviewRequestDue).toBe('2026-03-02')
    expect(dl.reviewDue).toBe('2026-03-12')
    expect(dl.rereviewRequestDue).toBe('2026-04-06')
    expect(dl.rereviewDue).toBe('2026-04-20')
  })

  it.each([31, -1, 1.5, Number.NaN])('refuses extensionDays = %s', (ext) => {
    expect(() => computeDeadlines(golden, { ...blank('2026-01-05'), extensionDays: ext })).toThrow(RangeError)
  })
})

// ---- properties ----------------------------------------------------------------------------

const BASE = '2025-12-01'
const day = (i: number) => addDays(BASE, i)
const isWeekend = (d: string) => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())

const calendarArb = fc
  .record({
    holidays: fc.uniqueArray(fc.integer({ min: 0, max: 700 }), { maxLength: 80 }),
    workdays: fc.uniqueArray(fc.integer({ min: 0, max: 700 }), { maxLength: 15 }),
  })
  .map(({ holidays, workdays }) => ({
    holidays: holidays.map(day),
    workdays: workdays.map(day).filter(isWeekend),
  }))

/** A full case with every date set, in order, each a few days after the previous. */
const caseArb = fc
  .record({
    received: fc.integer({ min: 0, max: 300 }),
    gaps: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 7, maxLength: 7 }),
    ext: fc.integer({ min: 0, max: LIMITS.maxExtensionDays }),
  })
  .map(({ received, gaps, ext }): CaseDates => {
    const at: string[] = []
    let i = received
    for (const g of gaps) {
      i += g
      at.push(day(i))
    }
    const [fwd, acc, rep, rq, rd, rrq, rrd] = at as [string, string, string, string, string, string, string]
    return {
      receivedOn: day(received),
      forwardedOn: fwd,
      acceptedOn: acc,
      extensionDays: ext,
      repliedOn: rep,
      reviewRequestedOn: rq,
      reviewDecidedOn: rd,
      rereviewRequestedOn: rrq,
      rereviewDecidedOn: rrd,
    }
  })

const KEYS: (keyof Deadlines)[] = [
  'noticeDue',
  'objectionDue',
  'handlingDue',
  'reviewRequestDue',
  'reviewDue',
  'rereviewRequestDue',
  'rereviewDue',
]

describe('computeDeadlines — properties', () => {
  it('every deadline is a working day', () => {
    fc.assert(
      fc.property(calendarArb, caseArb, (data, d) => {
        const cal = makeCalendar(data)
        const dl = computeDeadlines(cal, d)
        for (const k of KEYS) {
          const due = dl[k]
          expect(due).not.toBeNull()
          expect(cal.isWorkingDay(due as string)).toBe(true)
        }
      }),
      RUNS,
    )
  })

  it('handlingDue never moves earlier as the extension grows, and stays within unextended due + 30 + rest-day slack', () => {
    fc.assert(
      fc.property(
        calendarArb,
        caseArb,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (data, d, e1, e2) => {
          const cal = makeCalendar(data)
          const [lo, hi] = e1 <= e2 ? [e1, e2] : [e2, e1]
          const due = (ext: number) =>
            computeDeadlines(cal, { ...d, extensionDays: ext }).handlingDue as string
          const unextended = due(0)
          expect(due(lo) <= due(hi)).toBe(true)
          // Slack: the final day may still roll off a rest day, but no further than that.
          expect(due(hi) <= nextWorkingDay(cal, addDays(unextended, LIMITS.maxExtensionDays))).toBe(true)
          // And the extension is never lost to rolling: the due date is at least accepted + 60 + ext.
          expect(due(hi) >= addDays(d.acceptedOn as string, LIMITS.handlingDays + hi)).toBe(true)
        },
      ),
      RUNS,
    )
  })

  it('refuses any extension above 30', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 31, max: 10_000 }), (d, ext) => {
        expect(() => computeDeadlines(weekendsOnly, { ...d, extensionDays: ext })).toThrow(RangeError)
      }),
      RUNS,
    )
  })

  it('deadlines move only when the calendar changes, and a new holiday can only move them later', () => {
    fc.assert(
      fc.property(calendarArb, caseArb, fc.integer({ min: 0, max: 700 }), (data, d, h) => {
        const before = computeDeadlines(makeCalendar(data), d)
        // Same data, fresh calendar object: identical results.
        expect(computeDeadlines(makeCalendar({ ...data }), d)).toEqual(before)
        const after = computeDeadlines(makeCalendar({ ...data, holidays: [...data.holidays, day(h)] }), d)
        for (const k of KEYS) expect((after[k] as string) >= (before[k] as string)).toBe(true)
      }),
      RUNS,
    )
  })

  it('a calendar edit far from the case changes nothing', () => {
    fc.assert(
      fc.property(caseArb, (d) => {
        const far = makeCalendar({ holidays: ['2030-05-01'], workdays: ['2030-05-11'] })
        expect(computeDeadlines(far, d)).toEqual(computeDeadlines(weekendsOnly, d))
      }),
      RUNS,
    )
  })
})
