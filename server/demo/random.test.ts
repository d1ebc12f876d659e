import { describe, expect, it } from 'vitest'
import { createRng, deriveSeed } from './random.js'

const draw = (seed: number, n: number): number[] => {
  const rng = createRng(seed)
  return Array.from({ length: n }, () => rng.next())
}

describe('createRng', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draw(42, 50)).toEqual(draw(42, 50))
    expect(draw(42, 5)).not.toEqual(draw(43, 5))
  })

  it('gives the pinned mulberry32 values, so a change of algorithm cannot pass unnoticed', () => {
    const rng = createRng(1)
    // mulberry32(1) starts 0.6270739405881613, the value published with the algorithm.
    expect(rng.next()).toBe(0.6270739405881613)
    expect(Array.from({ length: 2 }, () => rng.int(0, 999_999))).toEqual([2735, 527447])
  })

  it('reduces any number to 32 bits', () => {
    expect(draw(2 ** 32 + 7, 3)).toEqual(draw(7, 3))
    expect(draw(7.9, 3)).toEqual(draw(7, 3))
  })

  it('keeps next() in [0, 1) and int() within its bounds, reaching both', () => {
    const rng = createRng(3)
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) {
      const x = rng.next()
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
      const n = rng.int(-2, 2)
      expect(n).toBeGreaterThanOrEqual(-2)
      expect(n).toBeLessThanOrEqual(2)
      seen.add(n)
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort())
    expect(() => rng.int(2, 1)).toThrow(RangeError)
  })

  it('picks, and refuses an empty array', () => {
    const rng = createRng(4)
    expect(['a', 'b', 'c']).toContain(rng.pick(['a', 'b', 'c']))
    expect(() => rng.pick([])).toThrow(RangeError)
  })

  it('weights choices and never picks a zero weight', () => {
    const rng = createRng(5)
    const counts = { a: 0, b: 0, z: 0 }
    for (let i = 0; i < 10_000; i++) {
      const k = rng.weighted([
        ['a', 3],
        ['z', 0],
        ['b', 1],
      ] as const)
      counts[k]++
    }
    expect(counts.z).toBe(0)
    expect(counts.a / counts.b).toBeGreaterThan(2.7)
    expect(counts.a / counts.b).toBeLessThan(3.3)
    expect(() => rng.weighted([['x', 0]])).toThrow(RangeError)
  })

  it('shuffles into a permutation without touching the input', () => {
    const input = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8])
    const out = createRng(6).shuffle(input)
    expect([...out].sort()).toEqual([...input])
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(createRng(6).shuffle(input)).toEqual(out)
  })

  it('treats chance(0) and chance(1) as never and always', () => {
    const rng = createRng(7)
    for (let i = 0; i < 100; i++) {
      expect(rng.chance(0)).toBe(false)
      expect(rng.chance(1)).toBe(true)
    }
  })

  it('forks streams that depend on the seed and label only, not on draws made before', () => {
    const a = createRng(8)
    const b = createRng(8)
    b.next()
    b.next()
    expect(a.fork('c01').next()).toBe(b.fork('c01').next())
    expect(a.fork('c01').next()).not.toBe(a.fork('c02').next())
    expect(deriveSeed(8, 'c01')).not.toBe(deriveSeed(9, 'c01'))
  })
})
