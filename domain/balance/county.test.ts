import { describe, expect, it } from 'vitest'
import { compositeChange, compositeOf, computeStage, type StageSchool } from './county.js'
import type { StageInput } from './indicators.js'
import { exclusionOf, type SchoolResources, stageInput, stageShares, stagesOf } from './school.js'

const blank: StageInput = {
  pupils: 0,
  teachers: 0,
  qualified: 0,
  backbone: 0,
  peArt: 0,
  titled: 0,
  floorArea: 0,
  sportsArea: 0,
  equipmentYuan: 0,
  multimedia: 0,
  computers: 0,
  books: 0,
}
const school = (id: number, o: Partial<StageInput>): StageSchool => ({ id, input: { ...blank, ...o } })
const cvOf = (r: ReturnType<typeof computeStage>, key: string) =>
  [...r.quality.indicators, ...r.basic.indicators].find((i) => i.key === key)?.cv

describe('computeStage', () => {
  it('gives the worked example’s books CV 0.515 (enrolment-weighted, population form)', () => {
    const r = computeStage(
      'primary',
      [
        school(1, { pupils: 45, books: 279 }),
        school(2, { pupils: 37, books: 137 }),
        school(3, { pupils: 89, books: 935 }),
        school(4, { pupils: 76, books: 160 }),
        school(5, { pupils: 55, books: 402 }),
      ],
      0.65,
    )
    const books = r.basic.indicators.find((i) => i.key === 'books_per_pupil')
    expect(books?.mean).toBeCloseTo(6.334, 3)
    expect(books?.cv).toBeCloseTo(0.515, 3)
    expect(r.pupils).toBe(302)
  })

  it('one school → every CV 0; equal schools → 0, also where every school has none', () => {
    const full = { pupils: 500, teachers: 30, qualified: 25, books: 10_000, floorArea: 2500 }
    const one = computeStage('primary', [school(1, full)], 0.65)
    expect(one.basic.indicators.map((i) => i.cv)).toEqual(Array(8).fill(0))
    expect(one.basic.composite).toBe(0)
    const equal = computeStage(
      'junior',
      [
        school(1, full),
        school(2, { ...full, pupils: 1000, teachers: 60, qualified: 50, books: 20_000, floorArea: 5000 }),
      ],
      0.55,
    )
    expect(equal.quality.indicators.map((i) => i.cv)).toEqual(Array(7).fill(0))
    expect(equal.basic.composite).toBe(0)
    expect(equal.basic.pass).toBe(true)
  })

  it('leaves a zero-pupil school out, with its id listed, and never divides by zero', () => {
    const r = computeStage(
      'primary',
      [
        school(1, { pupils: 100, books: 1000 }),
        school(2, { pupils: 0, books: 500 }),
        school(3, { pupils: 100, books: 3000 }),
      ],
      0.65,
    )
    expect(r.zeroPupils).toEqual([2])
    expect(r.schools.map((s) => s.id)).toEqual([1, 3])
    // X = 10, 30 with equal weights: mean 20, SD 10, CV 0.5.
    expect(cvOf(r, 'books_per_pupil')).toBeCloseTo(0.5, 12)
  })

  it('counts a hand-checked school’s minimums: 6 of 7 passes, 5 of 7 does not', () => {
    const base = {
      pupils: 1000,
      qualified: 50,
      backbone: 12,
      peArt: 8, // 0.8 per 100 < 0.9
      floorArea: 5000,
      sportsArea: 8000,
      equipmentYuan: 2_100_000,
      multimedia: 25,
    }
    const r = computeStage('primary', [school(1, base), school(2, { ...base, sportsArea: 7000 })], 0.65)
    const [a, b] = r.schools
    expect(a?.minimumsMet).toBe(6)
    expect(a?.meetsMinimums).toBe(true)
    expect(a?.shortfalls).toEqual([{ key: 'pe_art_per100', value: 0.8, minimum: 0.9 }])
    expect(b?.minimumsMet).toBe(5)
    expect(b?.meetsMinimums).toBe(false)
    expect(b?.shortfalls.map((s) => s.key)).toEqual(['pe_art_per100', 'sports_area_per_pupil'])
    expect(r.quality.schoolsBelowMinimums).toBe(1)
    expect(r.quality.pass).toBe(false)
    // The same school as a junior high misses more: 5.0 < 5.3 qualified, 5.0 < 5.8 m², 8 < 10.2 m², 2100 < 2500 yuan.
    const j = computeStage('junior', [school(1, base)], 0.55)
    expect(j.schools[0]?.minimumsMet).toBe(2)
  })

  it('judges each 2017 CV against 0.50 / 0.45 at three decimals', () => {
    // Books X = 10 and 30 on equal pupils: CV exactly 0.5.
    const pair = [school(1, { pupils: 100, qualified: 1 }), school(2, { pupils: 100, qualified: 3 })]
    const p = computeStage('primary', pair, 0.65)
    expect(p.quality.indicators[0]).toMatchObject({ key: 'qualified_per100', limit: 0.5, pass: true })
    const j = computeStage('junior', pair, 0.55)
    expect(j.quality.indicators[0]).toMatchObject({ limit: 0.45, pass: false })
    expect(j.quality.cvsFailing).toBe(1)
  })
})

describe('compositeOf', () => {
  it('equals the full computation’s 综合差异系数 (last year’s, without per-school detail)', () => {
    const schools = [
      school(1, { pupils: 45, books: 279, teachers: 3, computers: 5 }),
      school(2, { pupils: 37, books: 137, teachers: 2, computers: 9 }),
      school(3, { pupils: 0, books: 50 }),
    ]
    const full = computeStage('primary', schools, 0.65).basic.composite
    expect(full).toBeGreaterThan(0)
    expect(compositeOf(schools)).toBeCloseTo(full ?? -1, 15)
    expect(compositeOf([])).toBeNull()
  })
})

describe('compositeChange', () => {
  it('rises only when the published value grows', () => {
    expect(compositeChange(0.4124, 0.3985)).toEqual({ change: 0.013, rose: true })
    expect(compositeChange(0.3981, 0.3984)).toEqual({ change: 0, rose: false })
    expect(compositeChange(0.3, null)).toEqual({ change: null, rose: false })
  })
})

const row = (o: Partial<SchoolResources>): SchoolResources => ({
  pupils: { primary: 0, junior: 0, senior: 0 },
  teachers: { primary: 0, junior: 0, senior: 0 },
  qualified: { primary: 0, junior: 0 },
  backbone: { primary: 0, junior: 0 },
  peArt: { primary: 0, junior: 0 },
  titled: { primary: 0, junior: 0 },
  floorArea: 0,
  sportsArea: 0,
  equipmentFen: 0,
  multimedia: 0,
  computers: 0,
  books: 0,
  ...o,
})

describe('one-through schools', () => {
  it('splits a nine-year school 1 : 1.1 by pupils: 600 + 400 pupils → 600 : 440 of 10,400 m²', () => {
    const r = row({
      pupils: { primary: 600, junior: 400, senior: 0 },
      teachers: { primary: 40, junior: 35, senior: 0 },
      floorArea: 10_400,
      books: 20_800,
      equipmentFen: 104_000_000,
    })
    const p = stageInput('nine_year', r, 'primary')
    const j = stageInput('nine_year', r, 'junior')
    expect(p.floorArea).toBeCloseTo(6000, 9)
    expect(j.floorArea).toBeCloseTo(4400, 9)
    expect(p.books).toBeCloseTo(12_000, 9)
    expect(j.equipmentYuan).toBeCloseTo(440_000, 6)
    // Teachers are the stage's own, not split.
    expect([p.teachers, j.teachers]).toEqual([40, 35])
    expect(stagesOf('nine_year')).toEqual(['primary', 'junior'])
  })

  it('gives a complete secondary school’s junior 1 : 1.2 and a twelve-year school’s 1 : 1.1 : 1.32', () => {
    expect(stageShares('complete_secondary', { primary: 0, junior: 500, senior: 600 }).junior).toBeCloseTo(
      500 / 1220,
      12,
    )
    const t = stageShares('twelve_year', { primary: 100, junior: 100, senior: 100 })
    expect(t.primary * 3420).toBeCloseTo(1000, 9)
    expect(t.junior * 3420).toBeCloseTo(1100, 9)
    expect(stagesOf('senior')).toEqual([])
    expect(stagesOf('complete_secondary')).toEqual(['junior'])
  })
})

describe('exclusionOf', () => {
  it('leaves out teaching points under 50 pupils, special-education and vocational schools', () => {
    expect(exclusionOf(null, ['教学点'], 49)).toBe('teaching_point')
    expect(exclusionOf(null, ['教学点'], 50)).toBeNull()
    expect(exclusionOf(null, ['培智学校'], 300)).toBe('special_education')
    expect(exclusionOf(null, ['中职'], 900)).toBe('vocational')
    expect(exclusionOf('special_education', [], 900)).toBe('special_education')
    expect(exclusionOf(null, ['寄宿制'], 20)).toBeNull()
  })
})
