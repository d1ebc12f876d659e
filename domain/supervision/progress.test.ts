import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromBasisPoints, type ProgressInput, taskProgress, toBasisPoints } from './progress.js'

const base: ProgressInput = { status: 'in_progress', milestones: [], children: [], latestPercent: null }

describe('taskProgress', () => {
  it('weights milestones: 2 of weights 1, 3 done out of 1+3+4 = 50%', () => {
    expect(
      taskProgress({
        ...base,
        milestones: [
          { weight: 1, done: true },
          { weight: 3, done: true },
          { weight: 4, done: false },
        ],
      }),
    ).toBe(50)
  })

  it('weights sub-tasks: (2·50 + 1·100 + 1·0) / 4 = 50; cancelled children left out', () => {
    expect(
      taskProgress({
        ...base,
        children: [
          { weight: 2, progress: 50, status: 'in_progress' },
          { weight: 1, progress: 100, status: 'done' },
          { weight: 1, progress: 0, status: 'not_started' },
          { weight: 5, progress: 10, status: 'cancelled' },
        ],
      }),
    ).toBe(50)
  })

  it('sub-tasks win over milestones; milestones over the latest note', () => {
    expect(
      taskProgress({
        ...base,
        milestones: [{ weight: 1, done: false }],
        children: [{ weight: 1, progress: 40, status: 'in_progress' }],
        latestPercent: 90,
      }),
    ).toBe(40)
    expect(taskProgress({ ...base, milestones: [{ weight: 1, done: true }], latestPercent: 10 })).toBe(100)
    expect(taskProgress({ ...base, latestPercent: 35 })).toBe(35)
    expect(taskProgress(base)).toBe(0)
  })

  it('a done task is 100; all children cancelled falls back to milestones', () => {
    expect(taskProgress({ ...base, status: 'done', milestones: [{ weight: 1, done: false }] })).toBe(100)
    expect(
      taskProgress({
        ...base,
        children: [{ weight: 1, progress: 70, status: 'cancelled' }],
        milestones: [
          { weight: 1, done: true },
          { weight: 1, done: false },
        ],
      }),
    ).toBe(50)
  })

  it('stays within 0–100 and between the least and greatest child', () => {
    const child = fc.record({
      weight: fc.integer({ min: 1, max: 100 }),
      progress: fc.double({ min: 0, max: 100, noNaN: true }),
      status: fc.constantFrom('not_started' as const, 'in_progress' as const, 'done' as const),
    })
    fc.assert(
      fc.property(fc.array(child, { minLength: 1, maxLength: 20 }), (children) => {
        const p = taskProgress({ ...base, children })
        const ps = children.map((c) => c.progress)
        expect(p).toBeGreaterThanOrEqual(Math.min(...ps) - 1e-9)
        expect(p).toBeLessThanOrEqual(Math.max(...ps) + 1e-9)
      }),
    )
  })

  it('stores basis points and shows one decimal', () => {
    expect(toBasisPoints(62.5)).toBe(6250)
    expect(toBasisPoints(100 / 3)).toBe(3333)
    expect(fromBasisPoints(3333)).toBe(33.3)
    expect(fromBasisPoints(6250)).toBe(62.5)
    expect(toBasisPoints(120)).toBe(10_000)
  })
})
