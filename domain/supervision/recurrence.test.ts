import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, daysBetween, isIsoDate } from '../calendar/calendar.js'
import {
  dayAfter,
  daysInMonth,
  formatRule,
  judge,
  type MonthlyRule,
  occurrenceIn,
  occurrences,
  parseRule,
  rates,
} from './recurrence.js'

const ruleArb: fc.Arbitrary<MonthlyRule> = fc.oneof(
  fc.integer({ min: 1, max: 28 }).map((day) => ({ day })),
  fc.constant({ day: 'last' as const }),
)
const dateArb = fc.integer({ min: 0, max: 365 * 400 }).map((n) => addDays('1900-01-01', n))

describe('monthly occurrences: known values', () => {
  it('the last day of February: 29 in leap years, 28 otherwise (2100 is not leap, 2000 is)', () => {
    const last = { day: 'last' as const }
    expect(occurrenceIn(last, '2024-02').dueOn).toBe('2024-02-29')
    expect(occurrenceIn(last, '2026-02').dueOn).toBe('2026-02-28')
    expect(occurrenceIn(last, '2100-02').dueOn).toBe('2100-02-28')
    expect(occurrenceIn(last, '2000-02').dueOn).toBe('2000-02-29')
    expect(occurrenceIn(last, '2026-04').dueOn).toBe('2026-04-30')
    expect(occurrenceIn(last, '2026-12').dueOn).toBe('2026-12-31')
    expect(occurrenceIn({ day: 28 }, '2024-02')).toEqual({
      month: '2024-02',
      opensOn: '2024-02-01',
      dueOn: '2024-02-28',
      closesOn: '2024-02-29',
    })
  })

  it('derives the months due up to today, crossing a year end', () => {
    const occ = occurrences({ day: 5 }, '2025-11-10', '2026-03-04')
    // 2025-11-05 is before the start; 2026-03-05 is after today.
    expect(occ.map((o) => o.dueOn)).toEqual(['2025-12-05', '2026-01-05', '2026-02-05'])
    expect(occurrences({ day: 5 }, '2026-03-04', '2026-03-01')).toEqual([])
    expect(occurrences({ day: 'last' }, '2024-01-31', '2024-03-31').map((o) => o.dueOn)).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
    ])
  })

  it('judges notes: in the month = complete, by the due day = on time', () => {
    const occ = occurrences({ day: 'last' }, '2024-01-01', '2024-04-30')
    const judged = judge(occ, ['2024-02-29', '2024-03-31', '2024-01-15', '2024-05-01'])
    expect(judged.map((j) => [j.month, j.complete, j.onTime])).toEqual([
      ['2024-01', true, true],
      ['2024-02', true, true],
      ['2024-03', true, true],
      ['2024-04', false, false],
    ])
    const day10 = judge(occurrences({ day: 10 }, '2026-01-01', '2026-03-31'), [
      '2026-01-10',
      '2026-02-11',
      '2026-02-20',
    ])
    expect(day10.map((j) => [j.complete, j.onTime, j.noteOn])).toEqual([
      [true, true, '2026-01-10'],
      [true, false, '2026-02-11'],
      [false, false, null],
    ])
    expect(rates(day10)).toEqual({
      due: 3,
      complete: 2,
      onTime: 1,
      completeness: 2 / 3,
      timeliness: 1 / 3,
    })
    expect(rates([])).toMatchObject({ completeness: null, timeliness: null })
  })

  it('parses and formats the stored rule', () => {
    expect(parseRule('monthly:15')).toEqual({ day: 15 })
    expect(parseRule('monthly:last')).toEqual({ day: 'last' })
    expect(parseRule('monthly:29')).toBeNull()
    expect(parseRule('monthly:0')).toBeNull()
    expect(parseRule('weekly:1')).toBeNull()
    expect(parseRule(null)).toBeNull()
    expect(formatRule({ day: 'last' })).toBe('monthly:last')
    expect(() => formatRule({ day: 31 })).toThrow(RangeError)
  })
})

describe('monthly occurrences: properties', () => {
  it('each due date is a real date in its month, on day N or on the month’s last day', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.integer({ min: 1900, max: 2300 }),
        fc.integer({ min: 1, max: 12 }),
        (rule, y, m) => {
          const month = `${y}-${String(m).padStart(2, '0')}`
          const o = occurrenceIn(rule, month)
          expect(isIsoDate(o.dueOn)).toBe(true)
          expect(o.dueOn.slice(0, 7)).toBe(month)
          expect(dayAfter(o).slice(0, 7)).not.toBe(month)
          expect(dayAfter(o).endsWith('-01')).toBe(true)
          expect(Number(o.closesOn.slice(8))).toBe(daysInMonth(y, m))
          if (rule.day === 'last') expect(o.dueOn).toBe(o.closesOn)
          else expect(Number(o.dueOn.slice(8))).toBe(rule.day)
        },
      ),
    )
  })

  it('occurrences are one per month, consecutive, all inside [from, to], none missed', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, fc.integer({ min: 0, max: 1500 }), (rule, from, span) => {
        const to = addDays(from, span)
        const occ = occurrences(rule, from, to)
        for (const o of occ) {
          expect(o.dueOn >= from && o.dueOn <= to).toBe(true)
        }
        for (let i = 1; i < occ.length; i++) {
          const gap = daysBetween(occ[i - 1]?.opensOn ?? '', occ[i]?.opensOn ?? '')
          expect(gap).toBeGreaterThanOrEqual(28)
          expect(gap).toBeLessThanOrEqual(31)
        }
        // None missed: the month before the first and after the last are outside the range.
        const first = occ[0]
        if (first) expect(occurrenceIn(rule, addDays(first.opensOn, -1).slice(0, 7)).dueOn < from).toBe(true)
        const last = occ.at(-1)
        if (last) expect(occurrenceIn(rule, dayAfter(last).slice(0, 7)).dueOn > to).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('a note on the due day is on time, the day after (same month) only complete; on time ⇒ complete', () => {
    fc.assert(
      fc.property(
        ruleArb,
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        (rule, y, m) => {
          const o = occurrenceIn(rule, `${y}-${String(m).padStart(2, '0')}`)
          expect(judge([o], [o.dueOn])[0]).toMatchObject({ complete: true, onTime: true })
          const after = addDays(o.dueOn, 1)
          const j = judge([o], [after])[0]
          if (after <= o.closesOn) expect(j).toMatchObject({ complete: true, onTime: false })
          else expect(j).toMatchObject({ complete: false, onTime: false })
        },
      ),
    )
    fc.assert(
      fc.property(ruleArb, dateArb, fc.array(dateArb, { maxLength: 30 }), (rule, from, notes) => {
        const judged = judge(occurrences(rule, from, addDays(from, 800)), notes)
        for (const j of judged) if (j.onTime) expect(j.complete).toBe(true)
        const r = rates(judged)
        expect(r.onTime).toBeLessThanOrEqual(r.complete)
        expect(r.complete).toBeLessThanOrEqual(r.due)
      }),
    )
  })
})
