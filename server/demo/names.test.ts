import { describe, expect, it } from 'vitest'
import { chineseNumber, Numbering, placeStem, uniqueName } from './names.js'
import { createRng } from './random.js'

describe('chineseNumber', () => {
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [36, '三十六'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [126, '一百二十六'],
    [999, '九百九十九'],
  ])('%i → %s', (n, s) => {
    expect(chineseNumber(n)).toBe(s)
  })

  it.each([0, 1000, 1.5])('refuses %d', (n) => {
    expect(() => chineseNumber(n)).toThrow(RangeError)
  })
})

describe('placeStem', () => {
  it('makes two to four characters with no doubled neighbours', () => {
    const rng = createRng(1)
    for (let i = 0; i < 500; i++) {
      const stem = placeStem(rng)
      expect([...stem].length).toBeGreaterThanOrEqual(2)
      expect([...stem].length).toBeLessThanOrEqual(4)
      expect(stem).not.toMatch(/(.)\1/u)
    }
  })
})

describe('Numbering', () => {
  it('counts up per key from its start, with occasional gaps', () => {
    const numbers = new Numbering(createRng(2))
    const a = Array.from({ length: 40 }, () => numbers.take('a'))
    expect(a[0]).toBe(1)
    expect(numbers.take('b', 2)).toBe(2)
    for (let i = 1; i < a.length; i++) {
      const step = (a[i] ?? 0) - (a[i - 1] ?? 0)
      expect([1, 2]).toContain(step)
    }
  })
})

describe('uniqueName', () => {
  it('falls back when the candidates keep colliding', () => {
    const used = new Set(['甲'])
    let n = 0
    expect(
      uniqueName(
        used,
        () => '甲',
        () => `乙${++n}`,
      ),
    ).toBe('乙1')
    expect(used.has('乙1')).toBe(true)
  })
})
