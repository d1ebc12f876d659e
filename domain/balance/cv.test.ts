import { describe, expect, it } from 'vitest'
import { compositeCv, STAGE_WEIGHTS, splitByStage, weightedCv } from './cv.js'

describe('weightedCv', () => {
  // DOMAIN.md worked example: five primary schools (pupils, books).
  const schools = [
    { pupils: 45, resource: 279 },
    { pupils: 37, resource: 137 },
    { pupils: 89, resource: 935 },
    { pupils: 76, resource: 160 },
    { pupils: 55, resource: 402 },
  ]

  it('matches the published worked example (CV 0.515, published 0.52)', () => {
    const r = weightedCv(schools)
    expect(r).not.toBeNull()
    expect(r?.pupils).toBe(302)
    expect(r?.mean).toBeCloseTo(6.334, 3)
    expect(r?.sd).toBeCloseTo(3.264, 3)
    expect(r?.cv).toBeCloseTo(0.515, 3)
    expect(r?.cv.toFixed(2)).toBe('0.52')
  })

  it('is not the unweighted CV', () => {
    const xs = schools.map((s) => s.resource / s.pupils)
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length
    const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length)
    expect(Math.abs(sd / mean - (weightedCv(schools)?.cv ?? 0))).toBeGreaterThan(0.01)
  })

  it('mean equals county total resource over county pupils', () => {
    const r = weightedCv(schools)
    expect(r?.mean).toBeCloseTo(1913 / 302, 10)
  })

  it('scales per 100 pupils without changing the CV', () => {
    expect(weightedCv(schools, 100)?.cv).toBeCloseTo(weightedCv(schools)?.cv ?? 0, 12)
  })

  it('is zero when every school has the same per-pupil value, undefined with no pupils', () => {
    expect(
      weightedCv([
        { pupils: 10, resource: 20 },
        { pupils: 30, resource: 60 },
      ])?.cv,
    ).toBe(0)
    expect(weightedCv([])).toBeNull()
    expect(weightedCv([{ pupils: 0, resource: 5 }])).toBeNull()
  })
})

describe('compositeCv', () => {
  it('is the plain mean of the eight indicator CVs (published 0.359)', () => {
    const c = compositeCv([0.393, 0.578, 0.372, 0.246, 0.208, 0.311, 0.311, 0.455])
    expect(c?.toFixed(3)).toBe('0.359')
  })
})

describe('splitByStage', () => {
  it('splits a nine-year school 1 : 1.1 by pupils', () => {
    const s = splitByStage(2100, { primary: 100, junior: 100 }, STAGE_WEIGHTS.nine_year)
    expect(s.primary).toBeCloseTo(1000, 9)
    expect(s.junior).toBeCloseTo(1100, 9)
  })
})
