import { describe, expect, it } from 'vitest'
import { makeCalendar } from '../calendar/calendar.js'
import { aggregateScores } from './aggregate.js'
import { assignExperts, conflictOf } from './assignment.js'
import { mayFinalise, noticeEnds, noticeState } from './notice.js'
import { median, rankApplications } from './ranking.js'
import { type Criterion, checkRubric, scoreSheet } from './rubric.js'

const RUBRIC: Criterion[] = [
  {
    key: 'conditions',
    title: '办学条件',
    weight: 40,
    children: [
      { key: 'space', title: '实训场地', weight: 25, maxScore: 10 },
      { key: 'teachers', title: '双师型教师', weight: 15, maxScore: 5 },
    ],
  },
  { key: 'outcomes', title: '育人成效', weight: 35, maxScore: 35 },
  { key: 'cooperation', title: '校企合作', weight: 25, maxScore: 100 },
]

describe('rubric', () => {
  it('checks that children share their parent’s points and leaves have a scale', () => {
    expect(checkRubric(RUBRIC)).toEqual([])
    const bad: Criterion[] = [
      { key: 'a', title: 'A', weight: 60, children: [{ key: 'b', title: 'B', weight: 50, maxScore: 10 }] },
      { key: 'c', title: 'C', weight: 30 },
    ]
    expect(checkRubric(bad)).toEqual([
      { path: '/', problem: 'weights_sum', expected: 100, actual: 90 },
      { path: '/a', problem: 'weights_sum', expected: 60, actual: 50 },
      { path: '/c', problem: 'max_missing' },
    ])
  })
  it('turns leaf scores into points, with the running total and what is missing', () => {
    // space 8/10 × 25 = 20; teachers 4/5 × 15 = 12; outcomes 30/35 × 35 = 30; cooperation unscored.
    expect(scoreSheet(RUBRIC, { space: 8, teachers: 4, outcomes: 30 })).toEqual({
      total: 62,
      byTop: { conditions: 32, outcomes: 30, cooperation: 0 },
      missing: ['cooperation'],
    })
    expect(scoreSheet(RUBRIC, { space: 10, teachers: 5, outcomes: 35, cooperation: 100 }).total).toBe(100)
  })
})

describe('aggregation', () => {
  it('uses the trimmed mean from five experts: drops one highest and one lowest', () => {
    // 88, 92, 75, 90, 85 → drop 92 and 75 → (88 + 90 + 85) / 3 = 87.67
    expect(aggregateScores([88, 92, 75, 90, 85], 'trimmed_mean', 10)).toEqual({
      score: 87.67,
      method: 'trimmed_mean',
      dropped: [1, 2],
      spread: 17,
      dispersed: true,
    })
  })
  it('drops exactly one of equal extremes', () => {
    expect(aggregateScores([90, 90, 80, 80, 85], 'trimmed_mean', 20)).toMatchObject({
      score: 85,
      dropped: [0, 3],
    })
  })
  it('falls back to the mean under five experts, and says so', () => {
    expect(aggregateScores([80, 90, 70], 'trimmed_mean', 25)).toEqual({
      score: 80,
      method: 'mean',
      dropped: [],
      spread: 20,
      dispersed: false,
    })
    expect(aggregateScores([], 'mean', 10).score).toBeNull()
  })
})

describe('ranking and the tie rule', () => {
  const app = (id: string, score: number | null, heaviest: number | null, med: number | null) => ({
    id,
    score,
    heaviest,
    median: med,
  })
  it('breaks ties by the heaviest criterion, then the median; an unbroken tie at the quota is flagged', () => {
    const ranked = rankApplications(
      [
        app('A', 86, 30, 86),
        app('B', 90, 33, 90),
        app('C', 86, 32, 85),
        app('D', 84, 31, 84),
        app('E', 84, 31, 84),
        app('F', null, null, null),
      ],
      { kind: 'selection', quota: 4 },
    )
    expect(ranked.map((r) => [r.item.id, r.rank, r.outcome])).toEqual([
      ['B', 1, 'selected'],
      ['C', 2, 'selected'],
      ['A', 3, 'selected'],
      ['D', 4, 'tie_at_quota'],
      ['E', 4, 'tie_at_quota'],
      ['F', 6, 'not_selected'],
    ])
  })
  it('passes every application at or above the pass mark in an accreditation', () => {
    const ranked = rankApplications([app('A', 85, 0, 0), app('B', 84.99, 0, 0), app('C', 90, 0, 0)], {
      kind: 'accreditation',
      passMark: 85,
    })
    expect(ranked.map((r) => [r.item.id, r.outcome])).toEqual([
      ['C', 'passed'],
      ['A', 'passed'],
      ['B', 'failed'],
    ])
  })
  it('takes the median of even and odd counts', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })
})

describe('expert assignment', () => {
  const experts = [
    { id: 1, unitPath: '/1/2/', fields: ['机械'], conflicts: [] },
    { id: 2, unitPath: '/1/3/', fields: ['机械'], conflicts: [10] },
    { id: 3, unitPath: '/1/4/', fields: ['机械', '信息'], conflicts: [] },
    { id: 4, unitPath: null, fields: ['机械'], conflicts: [] },
    { id: 5, unitPath: '/1/5/', fields: ['信息'], conflicts: [] },
  ]
  const apps = [
    { id: 100, unitId: 10, unitPath: '/1/2/10/', field: '机械' },
    { id: 101, unitId: 11, unitPath: '/1/4/', field: '机械' },
  ]
  it('excludes conflicts: own unit, a unit above or below, a declared one', () => {
    expect(conflictOf(experts[0] as never, apps[0] as never)).toBe('related_unit')
    expect(conflictOf(experts[1] as never, apps[0] as never)).toBe('declared')
    expect(conflictOf(experts[2] as never, apps[1] as never)).toBe('same_unit')
    expect(conflictOf(experts[3] as never, apps[0] as never)).toBeNull()
  })
  it('draws within the field, spreads the load, records exclusions, and is reproducible', () => {
    const a = assignExperts(apps, experts, 2, 42)
    expect(a).toEqual(assignExperts(apps, experts, 2, 42))
    const [first, second] = a
    expect(first?.expertIds.sort()).toEqual([3, 4])
    expect(first?.excluded).toEqual([
      { expertId: 1, reason: 'related_unit' },
      { expertId: 2, reason: 'declared' },
    ])
    // 3 is excluded (same unit); 5 is not of the field: of 1, 2 and 4, the two not yet loaded.
    expect(second?.expertIds.sort()).toEqual([1, 2])
    expect(second?.excluded).toEqual([{ expertId: 3, reason: 'same_unit' }])
    // Too few experts of the field: the panel is short, never filled from outside it.
    const short = assignExperts([{ ...apps[0], field: '信息' } as never], experts, 3, 1)[0]
    expect(short?.expertIds.sort()).toEqual([3, 5])
    expect(short?.short).toBe(true)
  })
})

describe('public notice', () => {
  // National Day 2026: 10-01..10-07 off; 10-10 (Saturday) a make-up working day (illustrative data).
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
    workdays: ['2026-10-10'],
  })
  it('runs five working days, skipping the holiday and counting the make-up day', () => {
    // Published Wed 09-30: 09-30, then 10-08, 10-09, 10-10 (make-up), 10-12.
    expect(noticeEnds(cal, '2026-09-30', 5)).toBe('2026-10-12')
    // Published on a holiday: it starts on the first working day.
    expect(noticeEnds(cal, '2026-10-03', 1)).toBe('2026-10-08')
  })
  it('allows the final list only once the notice closed with every objection answered', () => {
    expect(noticeState('2026-10-12', '2026-09-30', '2026-10-12')).toBe('open')
    expect(noticeState('2026-10-13', '2026-09-30', '2026-10-12')).toBe('closed')
    expect(mayFinalise('closed', 1)).toBe(false)
    expect(mayFinalise('closed', 0)).toBe(true)
    expect(mayFinalise('open', 0)).toBe(false)
  })
})
