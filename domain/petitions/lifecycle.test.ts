import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeCalendar } from '../calendar/calendar.js'
import type { CaseDates } from './deadlines.js'
import {
  ACTIONS,
  type Action,
  type ActionInput,
  allowedActions,
  applyAction,
  checkAction,
  isClosed,
  nextStatus,
  STATUSES,
  type Status,
} from './lifecycle.js'

const cal = makeCalendar({
  holidays: [
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

/** The transition table from the brief, written out independently of the implementation. */
const TABLE: Record<string, Status> = {
  'registered accept': 'handling',
  'forwarded accept': 'handling',
  'registered forward': 'forwarded',
  'forwarded object': 'registered',
  'registered decline': 'not_accepted',
  'forwarded decline': 'not_accepted',
  'handling extend': 'extended',
  'extended extend': 'extended',
  'handling reply': 'replied',
  'extended reply': 'replied',
  'replied request_review': 'review',
  'review decide_review': 'reviewed',
  'reviewed request_rereview': 'rereview',
  'rereview decide_rereview': 'final',
  'replied finalise': 'final',
  'reviewed finalise': 'final',
  'replied visit': 'replied',
  'reviewed visit': 'reviewed',
  'final visit': 'final',
}

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

/** Fills whatever an action needs so that only the transition itself can be refused. */
function validInput(action: Action, on: string): ActionInput {
  return { action, on, extensionDays: 1, outcome: 'explained', satisfaction: 'satisfied' }
}

describe('transition table', () => {
  const pairs = STATUSES.flatMap((s) => ACTIONS.map((a) => [s, a] as const))

  it('covers all 10 × 12 pairs, 19 of them legal', () => {
    expect(pairs).toHaveLength(120)
    expect(pairs.filter(([s, a]) => nextStatus(s, a) !== null)).toHaveLength(Object.keys(TABLE).length)
  })

  it.each(pairs)('%s + %s', (status, action) => {
    const expected = TABLE[`${status} ${action}`] ?? null
    expect(nextStatus(status, action)).toBe(expected)
    expect(allowedActions(status).includes(action)).toBe(expected !== null)
    // checkAction agrees with the table; a case with only a received date and a late `on`
    // can only be refused for the transition or an action rule, never for date order.
    const refusal = checkAction(cal, status, blank('2026-03-02'), validInput(action, '2026-03-03'))
    if (expected === null) expect(refusal).toEqual({ code: 'illegal_transition', params: { status, action } })
    else expect(refusal?.code).not.toBe('illegal_transition')
  })

  it('not_accepted and final accept nothing but (for final) a follow-up visit', () => {
    expect(allowedActions('not_accepted')).toEqual([])
    expect(allowedActions('final')).toEqual(['visit'])
  })

  it('isClosed: a reply closes, and review does not reopen', () => {
    const closed = STATUSES.filter(isClosed)
    expect(closed.sort()).toEqual(
      ['final', 'not_accepted', 'replied', 'review', 'reviewed', 'rereview'].sort(),
    )
  })

  it('property: random action sequences only ever reach statuses via the table', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 30 }), (actions) => {
        let s: Status = 'registered'
        for (const a of actions) {
          const next = nextStatus(s, a)
          expect(next).toBe(TABLE[`${s} ${a}`] ?? null)
          if (next !== null) s = next
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('checkAction', () => {
  const handling: CaseDates = { ...blank('2026-03-02'), acceptedOn: '2026-03-05' }

  it('refuses a date before the last recorded one', () => {
    expect(
      checkAction(cal, 'handling', handling, { action: 'reply', on: '2026-03-04', outcome: 'supported' }),
    ).toEqual({ code: 'date_before_previous', params: { last: '2026-03-05' } })
    // Same day is fine.
    expect(
      checkAction(cal, 'handling', handling, { action: 'reply', on: '2026-03-05', outcome: 'supported' }),
    ).toBe(null)
  })

  it('extensions: positive integers, at most 30 in total', () => {
    const ext = (used: number, n: number | undefined) =>
      checkAction(
        cal,
        used ? 'extended' : 'handling',
        { ...handling, extensionDays: used },
        {
          action: 'extend',
          on: '2026-04-01',
          extensionDays: n,
        },
      )
    expect(ext(0, 30)).toBeNull()
    expect(ext(20, 10)).toBeNull()
    expect(ext(20, 11)).toEqual({ code: 'extension_too_long', params: { max: 30, used: 20, requested: 11 } })
    expect(ext(0, 31)?.code).toBe('extension_too_long')
    expect(ext(0, 0)?.code).toBe('extension_invalid')
    expect(ext(0, -5)?.code).toBe('extension_invalid')
    expect(ext(0, 2.5)?.code).toBe('extension_invalid')
    expect(ext(0, undefined)?.code).toBe('extension_invalid')
  })

  it('reply needs an outcome, visit a satisfaction', () => {
    expect(checkAction(cal, 'handling', handling, { action: 'reply', on: '2026-04-01' })).toEqual({
      code: 'outcome_required',
    })
    const replied = { ...handling, repliedOn: '2026-04-01' }
    expect(checkAction(cal, 'replied', replied, { action: 'visit', on: '2026-04-10' })).toEqual({
      code: 'satisfaction_required',
    })
    expect(
      checkAction(cal, 'replied', replied, { action: 'visit', on: '2026-04-10', satisfaction: 'basic' }),
    ).toBe(null)
  })

  it('objection: within 5 working days of the forward (09-30 → 10-13)', () => {
    const fwd = { ...blank('2026-09-29'), forwardedOn: '2026-09-30' }
    expect(checkAction(cal, 'forwarded', fwd, { action: 'object', on: '2026-10-13' })).toBeNull()
    expect(checkAction(cal, 'forwarded', fwd, { action: 'object', on: '2026-10-14' })).toEqual({
      code: 'late_objection',
      params: { due: '2026-10-13' },
    })
  })

  it('review request: within 30 days of the reply (09-02 + 30 = 10-02, holiday → 10-08)', () => {
    const replied = { ...handling, repliedOn: '2026-09-02' }
    expect(checkAction(cal, 'replied', replied, { action: 'request_review', on: '2026-10-08' })).toBeNull()
    expect(checkAction(cal, 'replied', replied, { action: 'request_review', on: '2026-10-09' })).toEqual({
      code: 'late_review_request',
      params: { due: '2026-10-08' },
    })
  })

  it('re-review request: within 30 days of the review decision', () => {
    const reviewed: CaseDates = {
      ...handling,
      repliedOn: '2026-03-20',
      reviewRequestedOn: '2026-03-25',
      reviewDecidedOn: '2026-04-10', // + 30 = 05-10 (Sun) → 05-11
    }
    expect(
      checkAction(cal, 'reviewed', reviewed, { action: 'request_rereview', on: '2026-05-11' }),
    ).toBeNull()
    expect(checkAction(cal, 'reviewed', reviewed, { action: 'request_rereview', on: '2026-05-12' })).toEqual({
      code: 'late_rereview_request',
      params: { due: '2026-05-11' },
    })
  })

  it('an illegal transition is reported before anything else', () => {
    expect(checkAction(cal, 'final', handling, { action: 'reply', on: '2000-01-01' })?.code).toBe(
      'illegal_transition',
    )
  })

  it('throws on a malformed action date', () => {
    expect(() => checkAction(cal, 'handling', handling, { action: 'reply', on: '2026-02-30' })).toThrow(
      RangeError,
    )
  })
})

describe('applyAction', () => {
  it('walks a full case through its dates', () => {
    let d = blank('2026-03-02')
    d = applyAction(d, { action: 'forward', on: '2026-03-03' })
    expect(d.forwardedOn).toBe('2026-03-03')
    d = applyAction(d, { action: 'object', on: '2026-03-05' })
    expect(d.forwardedOn).toBeNull()
    d = applyAction(d, { action: 'accept', on: '2026-03-06' })
    d = applyAction(d, { action: 'extend', on: '2026-04-20', extensionDays: 10 })
    d = applyAction(d, { action: 'extend', on: '2026-04-25', extensionDays: 5 })
    expect(d.extensionDays).toBe(15)
    d = applyAction(d, { action: 'reply', on: '2026-05-01', outcome: 'supported' })
    d = applyAction(d, { action: 'request_review', on: '2026-05-10' })
    d = applyAction(d, { action: 'decide_review', on: '2026-06-01' })
    d = applyAction(d, { action: 'request_rereview', on: '2026-06-10' })
    d = applyAction(d, { action: 'decide_rereview', on: '2026-07-01' })
    expect(d).toEqual({
      receivedOn: '2026-03-02',
      forwardedOn: null,
      acceptedOn: '2026-03-06',
      extensionDays: 15,
      repliedOn: '2026-05-01',
      reviewRequestedOn: '2026-05-10',
      reviewDecidedOn: '2026-06-01',
      rereviewRequestedOn: '2026-06-10',
      rereviewDecidedOn: '2026-07-01',
    })
  })

  it('does not mutate its input; decline, finalise and visit change no date', () => {
    const d = blank('2026-03-02')
    const frozen = Object.freeze({ ...d })
    expect(applyAction(frozen, { action: 'accept', on: '2026-03-03' }).acceptedOn).toBe('2026-03-03')
    for (const action of ['decline', 'finalise', 'visit'] as const) {
      expect(applyAction(frozen, { action, on: '2026-03-04', satisfaction: 'satisfied' })).toEqual(d)
    }
  })

  it('refuses an extend without a positive integer', () => {
    expect(() => applyAction(blank('2026-03-02'), { action: 'extend', on: '2026-03-04' })).toThrow(RangeError)
  })
})
