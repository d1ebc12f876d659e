import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  allowedProblemActions,
  checkProblemAction,
  checkSignoff,
  isMeasureOverdue,
  type MeasureState,
  nextProblemStatus,
  PROBLEM_ACTIONS,
  PROBLEM_STATUSES,
  type ProblemStatus,
  rate,
  tally,
} from './lifecycle.js'

/** The brief's transitions, written out independently of the implementation. */
const TABLE: Record<string, ProblemStatus> = {
  'open start': 'rectifying',
  'rectifying complete': 'rectified',
  'rectified signoff': 'signed_off',
  'rectified reopen': 'rectifying',
  'signed_off reopen': 'rectifying',
}

const done: MeasureState = { status: 'done', voided: false }
const doing: MeasureState = { status: 'doing', voided: false }

describe('problem lifecycle', () => {
  it('allows exactly the transitions of the table', () => {
    for (const s of PROBLEM_STATUSES)
      for (const a of [...PROBLEM_ACTIONS, 'signoff'] as const)
        expect(nextProblemStatus(s, a), `${s} ${a}`).toBe(TABLE[`${s} ${a}`] ?? null)
    expect(allowedProblemActions('open')).toEqual(['start'])
    expect(allowedProblemActions('rectified')).toEqual(['reopen'])
    expect(allowedProblemActions('signed_off')).toEqual(['reopen'])
  })

  it('refuses an illegal transition with 409 and names where it came from', () => {
    expect(checkProblemAction('open', 'complete', { measures: [done] })).toEqual({
      status: 409,
      code: 'problem_illegal_transition',
      field: 'action',
      params: { from: 'open', action: 'complete' },
    })
    expect(checkProblemAction('open', 'reopen', { measures: [], reason: '为何' })?.code).toBe(
      'problem_illegal_transition',
    )
  })

  it('reopens only with a reason', () => {
    expect(checkProblemAction('signed_off', 'reopen', { measures: [] })).toMatchObject({
      status: 400,
      code: 'problem_reason_required',
      field: 'reason',
    })
    expect(checkProblemAction('rectified', 'reopen', { measures: [], reason: '   ' })?.code).toBe(
      'problem_reason_required',
    )
    expect(checkProblemAction('rectified', 'reopen', { measures: [], reason: '佐证不足' })).toBeNull()
  })

  it('completes only when every live measure is done, and there is one', () => {
    expect(checkProblemAction('rectifying', 'complete', { measures: [] })?.code).toBe(
      'problem_measures_required',
    )
    expect(
      checkProblemAction('rectifying', 'complete', { measures: [{ status: 'done', voided: true }] })?.code,
    ).toBe('problem_measures_required')
    expect(checkProblemAction('rectifying', 'complete', { measures: [done, doing] })).toMatchObject({
      code: 'problem_measures_open',
      params: { open: 1, total: 2 },
    })
    // A voided measure that was never done does not hold the problem back.
    expect(
      checkProblemAction('rectifying', 'complete', { measures: [done, { status: 'todo', voided: true }] }),
    ).toBeNull()
  })

  it('no sequence of actions reaches rectified while a live measure is open', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PROBLEM_ACTIONS), { maxLength: 12 }), (actions) => {
        let s: ProblemStatus = 'open'
        for (const a of actions) {
          if (checkProblemAction(s, a, { measures: [done, doing], reason: 'r' }) === null)
            s = nextProblemStatus(s, a) as ProblemStatus
        }
        expect(['open', 'rectifying']).toContain(s)
      }),
    )
  })
})

describe('sign-off', () => {
  const base = {
    status: 'rectified' as const,
    evidence: 1,
    reviewerId: 9,
    createdBy: 3,
    responsibleUserId: 4,
  }
  it('accepts another reviewer with evidence on file', () => {
    expect(checkSignoff(base)).toBeNull()
  })
  it('refuses the problem’s creator and its responsible user', () => {
    expect(checkSignoff({ ...base, reviewerId: 3 })).toMatchObject({
      status: 403,
      code: 'problem_signoff_by_owner',
    })
    expect(checkSignoff({ ...base, reviewerId: 4 })).toMatchObject({
      status: 403,
      code: 'problem_signoff_by_owner',
    })
  })
  it('refuses without evidence', () => {
    expect(checkSignoff({ ...base, evidence: 0 })).toMatchObject({
      status: 409,
      code: 'problem_signoff_needs_evidence',
    })
  })
  it('refuses anything not awaiting sign-off', () => {
    for (const status of ['open', 'rectifying', 'signed_off'] as const)
      expect(checkSignoff({ ...base, status })?.code).toBe('problem_illegal_transition')
  })
})

describe('figures', () => {
  it('a measure is overdue the day after its deadline, unless done or voided', () => {
    const m = { status: 'doing' as const, deadline: '2026-11-26', voided: false }
    expect(isMeasureOverdue(m, '2026-11-26')).toBe(false)
    expect(isMeasureOverdue(m, '2026-11-27')).toBe(true)
    expect(isMeasureOverdue({ ...m, status: 'done' }, '2026-11-27')).toBe(false)
    expect(isMeasureOverdue({ ...m, voided: true }, '2026-11-27')).toBe(false)
  })

  it('tallies hand-worked counts: 3 of 8 signed off is 37.5 %, 5 of 8 completed 62.5 %', () => {
    const t = tally(
      [
        { status: 'open', fixAtOnce: false, n: 1 },
        { status: 'rectifying', fixAtOnce: false, n: 2 },
        { status: 'rectified', fixAtOnce: true, n: 2 },
        { status: 'signed_off', fixAtOnce: false, n: 2 },
        { status: 'signed_off', fixAtOnce: true, n: 1 },
      ],
      4,
    )
    expect(t).toEqual({
      found: 8,
      open: 1,
      rectifying: 2,
      rectified: 2,
      signedOff: 3,
      completed: 5,
      fixAtOnce: 3,
      overdueMeasures: 4,
      rate: 0.375,
      completionRate: 0.625,
    })
    expect(tally([]).rate).toBeNull()
    expect(rate(1, 3)).toBe(0.3333)
  })
})
