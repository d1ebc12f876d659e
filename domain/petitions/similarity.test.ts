import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { jaccard, similarDemands } from './similarity.js'

describe('jaccard', () => {
  it('known values', () => {
    expect(jaccard(['学位', '入学', '户籍'], ['学位', '入学', '户籍'])).toBe(1)
    expect(jaccard(['学位', '入学'], ['学位', '补课'])).toBeCloseTo(1 / 3)
    expect(jaccard(['学位'], ['补课'])).toBe(0)
    expect(jaccard([], [])).toBe(0)
    expect(jaccard(['a'], [])).toBe(0)
  })

  it('ignores repeated tokens', () => {
    expect(jaccard(['学位', '学位', '入学'], ['学位', '入学'])).toBe(1)
  })

  it('property: symmetric, within [0, 1], 1 exactly for equal non-empty sets', () => {
    const tokens = fc.array(fc.constantFrom('学位', '入学', '户籍', '补课', '收费', '食堂', '校车'), {
      maxLength: 7,
    })
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        const j = jaccard(a, b)
        expect(j).toBe(jaccard(b, a))
        expect(j).toBeGreaterThanOrEqual(0)
        expect(j).toBeLessThanOrEqual(1)
        if (a.length > 0) expect(jaccard(a, [...a].reverse())).toBe(1)
      }),
      { numRuns: 200 },
    )
  })
})

describe('similarDemands', () => {
  it('uses 0.5 by default, inclusive', () => {
    // {学位, 入学} vs {学位, 入学, 户籍, 补课}: 2 / 4 = 0.5.
    expect(similarDemands(['学位', '入学'], ['学位', '入学', '户籍', '补课'])).toBe(true)
    expect(similarDemands(['学位', '入学'], ['学位', '入学', '户籍', '补课', '收费'])).toBe(false)
    expect(similarDemands(['学位', '入学'], ['学位', '入学', '户籍', '补课', '收费'], 0.4)).toBe(true)
  })
})
