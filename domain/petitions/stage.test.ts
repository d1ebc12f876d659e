import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from '../calendar/calendar.js'
import type { Deadlines } from './deadlines.js'
import type { STATUSES } from './lifecycle.js'
import { currentDue } from './stage.js'

const dl: Deadlines = {
  noticeDue: '2026-03-18',
  objectionDue: '2026-03-10',
  handlingDue: '2026-05-05',
  reviewRequestDue: '2026-06-01',
  reviewDue: '2026-07-01',
  rereviewRequestDue: '2026-08-01',
  rereviewDue: '2026-09-01',
}

describe('currentDue', () => {
  it('picks the stage deadline per status', () => {
    const stageOf = (s: (typeof STATUSES)[number]) => {
      const r = currentDue(s, dl, '2026-03-01', 3)
      return [r.stage, r.due]
    }
    expect(stageOf('registered')).toEqual(['notice', '2026-03-18'])
    expect(stageOf('forwarded')).toEqual(['objection', '2026-03-10'])
    expect(stageOf('handling')).toEqual(['handling', '2026-05-05'])
    expect(stageOf('extended')).toEqual(['handling', '2026-05-05'])
    expect(stageOf('review')).toEqual(['review', '2026-07-01'])
    expect(stageOf('rereview')).toEqual(['rereview', '2026-09-01'])
    for (const s of ['not_accepted', 'replied', 'reviewed', 'final'] as const) {
      expect(currentDue(s, dl, '2026-03-01', 3)).toEqual({
        stage: null,
        due: null,
        daysLeft: null,
        state: 'none',
      })
    }
  })

  it('forwarded: the notice clock still runs and wins when it ends first', () => {
    const late = { ...dl, objectionDue: '2026-03-20' }
    expect(currentDue('forwarded', late, '2026-03-01', 3)).toMatchObject({
      stage: 'notice',
      due: '2026-03-18',
    })
    // Tie → objection (what the receiving unit must act on).
    const tie = { ...dl, objectionDue: '2026-03-18' }
    expect(currentDue('forwarded', tie, '2026-03-01', 3).stage).toBe('objection')
  })

  it('no handling deadline yet → none', () => {
    expect(currentDue('handling', { ...dl, handlingDue: null }, '2026-03-01', 3).state).toBe('none')
  })

  it('ok / due_soon / overdue boundaries', () => {
    const at = (today: string) => currentDue('registered', dl, today, 3)
    expect(at('2026-03-14')).toMatchObject({ daysLeft: 4, state: 'ok' })
    expect(at('2026-03-15')).toMatchObject({ daysLeft: 3, state: 'due_soon' })
    expect(at('2026-03-18')).toMatchObject({ daysLeft: 0, state: 'due_soon' }) // the last day is still in time
    expect(at('2026-03-19')).toMatchObject({ daysLeft: -1, state: 'overdue' })
    // Across a month end.
    expect(currentDue('handling', dl, '2026-04-30', 3)).toMatchObject({ daysLeft: 5, state: 'ok' })
  })

  it('property: state follows daysLeft exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), fc.integer({ min: 0, max: 30 }), (offset, soon) => {
        const r = currentDue('handling', dl, addDays('2026-05-05', -offset), soon)
        expect(r.daysLeft).toBe(offset)
        const expected = offset < 0 ? 'overdue' : offset <= soon ? 'due_soon' : 'ok'
        expect(r.state).toBe(expected)
      }),
      { numRuns: 200 },
    )
  })
})
