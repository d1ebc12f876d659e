import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../calendar/calendar.js'
import { DEFAULT_ESCALATION, dueOf, escalationLevel } from './due.js'

describe('dueOf', () => {
  const open = (deadline: string) => ({ status: 'in_progress' as const, deadline, doneOn: null })

  it('ok / due_soon / overdue around a 7-day window', () => {
    const today = '2026-11-27'
    expect(dueOf(open('2026-12-05'), today, 7)).toEqual({ state: 'ok', daysLeft: 8, daysOverdue: 0 })
    expect(dueOf(open('2026-12-04'), today, 7)).toEqual({ state: 'due_soon', daysLeft: 7, daysOverdue: 0 })
    // The deadline day itself is still in time.
    expect(dueOf(open('2026-11-27'), today, 7)).toEqual({ state: 'due_soon', daysLeft: 0, daysOverdue: 0 })
    expect(dueOf(open('2026-11-26'), today, 7)).toEqual({ state: 'overdue', daysLeft: -1, daysOverdue: 1 })
    expect(dueOf(open('2026-11-17'), today, 7).daysOverdue).toBe(10)
  })

  it('a done task is never overdue; done after the deadline is done_late', () => {
    const today = '2026-11-27'
    expect(dueOf({ status: 'done', deadline: '2026-10-01', doneOn: '2026-09-30' }, today, 7).state).toBe(
      'done',
    )
    expect(dueOf({ status: 'done', deadline: '2026-10-01', doneOn: '2026-10-01' }, today, 7).state).toBe(
      'done',
    )
    expect(dueOf({ status: 'done', deadline: '2026-10-01', doneOn: '2026-10-02' }, today, 7)).toEqual({
      state: 'done_late',
      daysLeft: null,
      daysOverdue: 0,
    })
    expect(dueOf({ status: 'cancelled', deadline: '2026-10-01', doneOn: null }, today, 7).state).toBe(
      'cancelled',
    )
  })

  it('overdue exactly when today is after the deadline (any open task, any window)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('not_started' as const, 'in_progress' as const),
        (offset, window, status) => {
          const today = '2026-11-27'
          const d = dueOf({ status, deadline: addDays(today, offset), doneOn: null }, today, window)
          expect(d.state === 'overdue').toBe(offset < 0)
          expect(d.state === 'due_soon').toBe(offset >= 0 && offset <= window)
          expect(d.daysOverdue).toBe(Math.max(0, -offset))
        },
      ),
    )
  })
})

describe('escalationLevel', () => {
  it('3 days → the unit’s leader, 10 days → the bureau’s leaders (defaults)', () => {
    const at = (d: number) => escalationLevel(d, DEFAULT_ESCALATION)
    expect([0, 1, 2, 3, 9, 10, 40].map(at)).toEqual([0, 0, 0, 1, 1, 2, 2])
  })
  it('follows configured thresholds', () => {
    expect(escalationLevel(5, { unitDays: 5, bureauDays: 6 })).toBe(1)
    expect(escalationLevel(6, { unitDays: 5, bureauDays: 6 })).toBe(2)
  })
})
