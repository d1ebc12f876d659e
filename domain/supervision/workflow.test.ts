import { describe, expect, it } from 'vitest'
import { allowedTaskActions, isOpen, nextTaskStatus, TASK_ACTIONS, TASK_STATUSES } from './workflow.js'

describe('task workflow', () => {
  it('allows exactly the listed transitions', () => {
    const table = Object.fromEntries(
      TASK_STATUSES.map((s) => [
        s,
        Object.fromEntries(TASK_ACTIONS.map((a) => [a, nextTaskStatus(s, a)]).filter(([, to]) => to)),
      ]),
    )
    expect(table).toEqual({
      not_started: { start: 'in_progress', cancel: 'cancelled' },
      in_progress: { complete: 'done', cancel: 'cancelled' },
      done: { reopen: 'in_progress' },
      cancelled: {},
    })
  })

  it('lists allowed actions per status; cancelled is terminal', () => {
    expect(allowedTaskActions('not_started')).toEqual(['start', 'cancel'])
    expect(allowedTaskActions('in_progress')).toEqual(['complete', 'cancel'])
    expect(allowedTaskActions('done')).toEqual(['reopen'])
    expect(allowedTaskActions('cancelled')).toEqual([])
  })

  it('open means not started or in progress', () => {
    expect(TASK_STATUSES.filter(isOpen)).toEqual(['not_started', 'in_progress'])
  })
})
