import { describe, expect, it } from 'vitest'
import { compare } from './compare.js'
import { rank, targetStatus } from './targets.js'

describe('comparisons', () => {
  it('delta, growth and the word the prose will use', () => {
    // The fixture's technology transfer: 96 contracts in 2022, 98 in 2023 → 增加2项.
    expect(compare(98, 96)).toMatchObject({ delta: 2, direction: 'up' })
    expect(compare(98, 96).growthPct).toBeCloseTo(2.0833, 3)
    // 3.06 亿元 against 3.08 亿元 → 减少0.02亿元.
    const c = compare(3.06, 3.08)
    expect(c.direction).toBe('down')
    expect(c.delta).toBeCloseTo(-0.02, 10)
    // A difference that rounds to nothing is 持平, whatever the float noise.
    expect(compare(0.1 + 0.2, 0.3).direction).toBe('flat')
    expect(compare(5, 0).growthPct).toBeNull()
    expect(compare(null, 3)).toEqual({ base: 3, delta: null, growthPct: null, direction: null })
  })

  it('percentage points against a benchmark: 87.5% against a national 84.5% is 3 points higher', () => {
    expect(compare(87.5, 84.5).delta).toBeCloseTo(3, 10)
  })
})

describe('targets', () => {
  it('attained early: 96.1% in November against a 95.6% annual target', () => {
    const s = targetStatus(96.1, 95.6, 'higher', '2023-11-30', '2023-12-31')
    expect(s).toMatchObject({ attained: true, attainedEarly: true, light: 'green' })
    expect(s.attainmentPct).toBeCloseTo(100.523, 2)
  })

  it('attained on the last day is not early; short of it is yellow or red', () => {
    expect(targetStatus(95.6, 95.6, 'higher', '2023-12-31', '2023-12-31').attainedEarly).toBe(false)
    expect(targetStatus(90, 95.6, 'higher', '2023-11-30', '2023-12-31').light).toBe('yellow')
    expect(targetStatus(80, 95.6, 'higher', '2023-11-30', '2023-12-31').light).toBe('red')
    expect(targetStatus(80, 95.6, 'higher', '2023-11-30', '2023-12-31', { yellowFrom: 80 }).light).toBe(
      'yellow',
    )
  })

  it('lower is better: a backlog of 12 against a ceiling of 10', () => {
    const s = targetStatus(12, 10, 'lower', '2023-06-30', '2023-12-31')
    expect(s.attained).toBe(false)
    expect(s.attainmentPct).toBeCloseTo(83.333, 2)
    expect(targetStatus(0, 10, 'lower', '2023-06-30', '2023-12-31')).toMatchObject({
      attained: true,
      attainmentPct: 100,
    })
    expect(targetStatus(null, 10, 'lower', '2023-06-30', '2023-12-31').light).toBeNull()
  })

  it('ranks with shared places and the missing last', () => {
    const r = rank(
      [
        { item: 'A', value: 3 },
        { item: 'B', value: 7 },
        { item: 'C', value: null },
        { item: 'D', value: 7 },
        { item: 'E', value: 1 },
      ],
      'higher',
    )
    expect(r.map((x) => [x.item, x.rank])).toEqual([
      ['B', 1],
      ['D', 1],
      ['A', 3],
      ['E', 4],
      ['C', null],
    ])
    expect(
      rank(
        [
          { item: 'x', value: 2 },
          { item: 'y', value: 1 },
        ],
        'lower',
      ).map((x) => x.item),
    ).toEqual(['y', 'x'])
  })
})
