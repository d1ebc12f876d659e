import { describe, expect, it } from 'vitest'
import {
  allowedTopicActions,
  canRecordFinding,
  canRecordVisit,
  nextTopicStatus,
  TOPIC_ACTIONS,
  TOPIC_STATUSES,
} from './lifecycle.js'

describe('research topic lifecycle', () => {
  it('moves planned → in_progress → reported → concluded, and back from reported', () => {
    expect(nextTopicStatus('planned', 'start')).toBe('in_progress')
    expect(nextTopicStatus('in_progress', 'report')).toBe('reported')
    expect(nextTopicStatus('reported', 'conclude')).toBe('concluded')
    expect(nextTopicStatus('reported', 'reopen')).toBe('in_progress')
  })

  it('refuses everything else', () => {
    const legal = new Set(['planned:start', 'in_progress:report', 'reported:conclude', 'reported:reopen'])
    for (const s of TOPIC_STATUSES)
      for (const a of TOPIC_ACTIONS)
        if (!legal.has(`${s}:${a}`)) expect(nextTopicStatus(s, a), `${s} ${a}`).toBeNull()
    expect(allowedTopicActions('concluded')).toEqual([])
    expect(allowedTopicActions('reported')).toEqual(['conclude', 'reopen'])
  })

  it('takes visits before the report and findings while the research runs', () => {
    expect(TOPIC_STATUSES.filter(canRecordVisit)).toEqual(['planned', 'in_progress'])
    expect(TOPIC_STATUSES.filter(canRecordFinding)).toEqual(['in_progress', 'reported'])
  })
})
