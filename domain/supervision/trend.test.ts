import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../calendar/calendar.js'
import { dueOf } from './due.js'
import { deadlineOn, overdueOn, overdueTrend, type TrendTask, trendDays } from './trend.js'

const task = (over: Partial<TrendTask>): TrendTask => ({
  status: 'in_progress',
  startsOn: '2026-09-01',
  deadline: '2026-11-20',
  doneOn: null,
  moves: [],
  ...over,
})

describe('overdue trend', () => {
  it('weekly days ending today, oldest first', () => {
    expect(trendDays('2026-11-27', 4, 7)).toEqual(['2026-11-06', '2026-11-13', '2026-11-20', '2026-11-27'])
  })

  it('an open task is overdue from the day after its deadline', () => {
    const t = task({})
    expect(overdueOn(t, '2026-11-20')).toBe(false)
    expect(overdueOn(t, '2026-11-21')).toBe(true)
  })

  it('a task done late was overdue until its done day, never after', () => {
    const t = task({ status: 'done', deadline: '2026-10-15', doneOn: '2026-11-10' })
    expect(overdueOn(t, '2026-10-15')).toBe(false)
    expect(overdueOn(t, '2026-10-16')).toBe(true)
    expect(overdueOn(t, '2026-11-09')).toBe(true)
    expect(overdueOn(t, '2026-11-10')).toBe(false)
  })

  it('an extension counts from the day it was approved, not before', () => {
    // Deadline 11-10, overdue from 11-11; on 11-18 a leader moved it to 12-31.
    const t = task({ deadline: '2026-12-31', moves: [{ on: '2026-11-18', from: '2026-11-10' }] })
    expect(deadlineOn(t, '2026-11-17')).toBe('2026-11-10')
    expect(deadlineOn(t, '2026-11-18')).toBe('2026-12-31')
    expect(overdueOn(t, '2026-11-17')).toBe(true)
    expect(overdueOn(t, '2026-11-18')).toBe(false)
    // Two moves: each day sees the deadline then in force.
    const twice = task({
      deadline: '2026-12-31',
      moves: [
        { on: '2026-10-01', from: '2026-10-10' },
        { on: '2026-11-18', from: '2026-11-10' },
      ],
    })
    expect(deadlineOn(twice, '2026-09-30')).toBe('2026-10-10')
    expect(deadlineOn(twice, '2026-10-20')).toBe('2026-11-10')
    expect(deadlineOn(twice, '2026-11-30')).toBe('2026-12-31')
  })

  it('cancelled tasks and tasks not begun yet are left out', () => {
    expect(overdueOn(task({ status: 'cancelled' }), '2026-11-27')).toBe(false)
    expect(overdueOn(task({ startsOn: '2026-12-01', moves: [] }), '2026-11-27')).toBe(false)
  })

  it('counts per day', () => {
    const tasks = [task({}), task({ deadline: '2026-11-05' }), task({ status: 'cancelled' })]
    expect(overdueTrend(tasks, ['2026-11-01', '2026-11-13', '2026-11-27'])).toEqual([
      { on: '2026-11-01', overdue: 0 },
      { on: '2026-11-13', overdue: 1 },
      { on: '2026-11-27', overdue: 2 },
    ])
  })

  it('at today it agrees with the due state (no moves after today)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -60, max: 60 }),
        fc.constantFrom('not_started', 'in_progress', 'done', 'cancelled' as const),
        fc.integer({ min: -30, max: 0 }),
        (offset, status, doneOffset) => {
          const today = '2026-11-27'
          const deadline = addDays(today, offset)
          const doneOn = status === 'done' ? addDays(today, doneOffset) : null
          const t = task({ status, deadline, doneOn, startsOn: addDays(deadline, -90) })
          expect(overdueOn(t, today)).toBe(dueOf({ status, deadline, doneOn }, today, 7).state === 'overdue')
        },
      ),
    )
  })
})
