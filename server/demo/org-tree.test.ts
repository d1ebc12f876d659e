import { describe, expect, it } from 'vitest'
import { SCHOOL_STAGES } from '../../domain/org/codes.js'
import { treeProblems } from './check-tree.js'
import { DEPARTMENT_NAMES, OTHER_CITY_NAMES } from './name-pools.js'
import { generateOrgTree } from './org-tree.js'
import type { DemoOrgUnit } from './types.js'

const COUNTIES = [
  '和平区',
  '沈河区',
  '大东区',
  '皇姑区',
  '铁西区',
  '浑南区',
  '于洪区',
  '新民市',
  '法库县',
  '康平县',
]
const UNIVERSITIES = [
  '示例大学',
  '示例理工大学',
  '示例工业大学',
  '示例建筑大学',
  '示例农业大学',
  '示例航空航天大学',
  '示例师范大学',
  '示例医科大学',
]

const isSchool = (u: DemoOrgUnit): boolean => u.kind === 'school' || u.kind === 'kindergarten'
const childrenOf = (tree: readonly DemoOrgUnit[], ref: string): DemoOrgUnit[] =>
  tree.filter((u) => u.parentRef === ref)

/** Share of each stage (kindergarten as a stage of its own) among schools and kindergartens, in %. */
function shares(tree: readonly DemoOrgUnit[]): Record<string, number> {
  const schools = tree.filter(isSchool)
  const count = (test: (u: DemoOrgUnit) => boolean) => (100 * schools.filter(test).length) / schools.length
  return {
    ...Object.fromEntries(SCHOOL_STAGES.map((s) => [s, count((u) => u.stage === s)])),
    kindergarten: count((u) => u.kind === 'kindergarten'),
  }
}

const TARGET_SHARES = {
  primary: 45,
  junior: 15,
  nine_year: 8,
  senior: 8,
  complete_secondary: 3,
  twelve_year: 1,
  kindergarten: 20,
}

describe.each([1, 2026])('city scale, seed %i', (seed) => {
  const tree = generateOrgTree({ scale: 'city', seed })

  it('passes every structural check (codes valid and unique, names unique, parents first …)', () => {
    expect(treeProblems(tree)).toEqual([])
  })

  it('has 示例省 › 示例市 with the ten counties of the fixtures, in order', () => {
    const [root, city] = tree
    expect(root).toMatchObject({
      ref: 'p',
      kind: 'province',
      name: '示例省',
      code: '210000',
      parentRef: null,
    })
    expect(city).toMatchObject({
      ref: 'c01',
      kind: 'city',
      name: '示例市',
      shortName: '示例',
      code: '210100',
    })
    const counties = tree.filter((u) => u.kind === 'county')
    expect(counties.map((u) => u.name)).toEqual(COUNTIES)
    expect(counties.every((u) => u.parentRef === 'c01' && /^2101\d\d$/.test(u.code ?? ''))).toBe(true)
  })

  it('marks 法库县 and 康平县 as rural key-assistance counties, and only them', () => {
    const assisted = tree.filter((u) => u.kind === 'county' && u.tags.includes('乡村振兴重点帮扶县'))
    expect(assisted.map((u) => u.name)).toEqual(['法库县', '康平县'])
    expect(tree.filter((u) => u.kind === 'county' && u.rural).map((u) => u.name)).toEqual([
      '法库县',
      '康平县',
    ])
  })

  it('has about 600 schools and kindergartens, in every county', () => {
    const schools = tree.filter(isSchool)
    expect(schools.length).toBeGreaterThanOrEqual(540)
    expect(schools.length).toBeLessThanOrEqual(660)
    for (const county of tree.filter((u) => u.kind === 'county')) {
      expect(childrenOf(tree, county.ref).length).toBeGreaterThan(40)
    }
  })

  it('mixes stages near the target shares', () => {
    const actual = shares(tree)
    for (const [stage, target] of Object.entries(TARGET_SHARES)) {
      expect(Math.abs((actual[stage] ?? 0) - target), stage).toBeLessThan(2)
    }
  })

  it('has public and private, inclusive and not, rural and urban units', () => {
    const kgs = tree.filter((u) => u.kind === 'kindergarten')
    expect(kgs.some((u) => u.ownership === 'private' && u.inclusive)).toBe(true)
    expect(kgs.some((u) => u.ownership === 'private' && !u.inclusive)).toBe(true)
    expect(tree.some((u) => u.kind === 'school' && u.ownership === 'private')).toBe(true)
    const schools = tree.filter(isSchool)
    const ruralCounties = new Set(tree.filter((u) => u.kind === 'county' && u.rural).map((u) => u.ref))
    expect(schools.filter((u) => ruralCounties.has(u.parentRef ?? '')).every((u) => u.rural)).toBe(true)
    expect(schools.some((u) => u.rural && !ruralCounties.has(u.parentRef ?? ''))).toBe(true)
    expect(schools.some((u) => !u.rural)).toBe(true)
  })

  it('gives plausible enrolments, with some teaching points under 50 pupils', () => {
    const primaries = tree.filter((u) => u.stage === 'primary')
    expect(primaries.every((u) => (u.pupils ?? 0) >= 8 && (u.pupils ?? 0) <= 2500)).toBe(true)
    const points = primaries.filter((u) => u.tags.includes('教学点'))
    expect(points.length).toBeGreaterThan(0)
    expect(points.every((u) => (u.pupils ?? 0) < 50)).toBe(true)
  })

  it('puts the universities and the departments under the city', () => {
    const underCity = childrenOf(tree, 'c01')
    const universities = underCity.filter((u) => u.kind === 'university').map((u) => u.name)
    expect(universities).toEqual(expect.arrayContaining(UNIVERSITIES))
    expect(underCity.filter((u) => u.kind === 'department').map((u) => u.name)).toEqual([...DEPARTMENT_NAMES])
    expect(tree.filter((u) => u.kind === 'department').every((u) => u.parentRef === 'c01')).toBe(true)
  })

  it('names schools after their county', () => {
    for (const county of tree.filter((u) => u.kind === 'county')) {
      for (const school of childrenOf(tree, county.ref)) expect(school.name).toContain(county.name)
    }
  })

  it('is the same for the same seed, and different for another', () => {
    expect(generateOrgTree({ scale: 'city', seed })).toEqual(tree)
    const other = generateOrgTree({ scale: 'city', seed: seed + 1 })
    expect(other.map((u) => u.name)).not.toEqual(tree.map((u) => u.name))
  })
})

describe('province scale', () => {
  const started = performance.now()
  const tree = generateOrgTree({ scale: 'province', seed: 7 })
  const elapsed = performance.now() - started

  it('passes every structural check', () => {
    expect(treeProblems(tree)).toEqual([])
  })

  it('has 14 cities, 示例市 first, then the invented ones', () => {
    const cities = tree.filter((u) => u.kind === 'city')
    expect(cities.map((u) => u.name)).toEqual(['示例市', ...OTHER_CITY_NAMES])
    expect(cities.every((u) => u.parentRef === 'p')).toBe(true)
  })

  it('has 90–110 counties and 11,000–13,000 schools and kindergartens', () => {
    const counties = tree.filter((u) => u.kind === 'county')
    expect(counties.length).toBeGreaterThanOrEqual(90)
    expect(counties.length).toBeLessThanOrEqual(110)
    const schools = tree.filter(isSchool)
    expect(schools.length).toBeGreaterThanOrEqual(11_000)
    expect(schools.length).toBeLessThanOrEqual(13_000)
    for (const county of counties.filter((u) => !u.ref.startsWith('c01-'))) {
      const n = childrenOf(tree, county.ref).length
      expect(n).toBeGreaterThanOrEqual(85)
      expect(n).toBeLessThanOrEqual(140)
    }
  })

  it('mixes stages near the target shares', () => {
    const actual = shares(tree)
    for (const [stage, target] of Object.entries(TARGET_SHARES)) {
      expect(Math.abs((actual[stage] ?? 0) - target), stage).toBeLessThan(1)
    }
  })

  it('gives the province and every city the ten departments, and every city a university', () => {
    for (const bureau of tree.filter((u) => u.kind === 'province' || u.kind === 'city')) {
      const children = childrenOf(tree, bureau.ref)
      expect(children.filter((u) => u.kind === 'department').map((u) => u.name)).toEqual([
        ...DEPARTMENT_NAMES,
      ])
      if (bureau.kind === 'city') expect(children.some((u) => u.kind === 'university')).toBe(true)
    }
  })

  it('keeps 示例市 exactly as in the city scale with the same seed (but for its place among siblings)', () => {
    const subtree = (units: readonly DemoOrgUnit[]) =>
      units.filter((u) => u.ref.startsWith('c01')).map((u) => (u.ref === 'c01' ? { ...u, sortOrder: 0 } : u))
    expect(subtree(tree)).toEqual(subtree(generateOrgTree({ scale: 'city', seed: 7 })))
  })

  it('is deterministic and fast', () => {
    expect(generateOrgTree({ scale: 'province', seed: 7 })).toEqual(tree)
    expect(elapsed).toBeLessThan(1000)
  })
})
