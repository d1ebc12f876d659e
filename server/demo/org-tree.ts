/**
 * The demo org tree, deterministic from a seed. `city` scale is one city bureau (示例市, ≈ 600 schools
 * and kindergartens in 10 counties); `province` scale is 示例省 with 14 cities, ≈ 100 counties and
 * ≈ 12,000 schools, for benchmarks. 示例市's subtree is the same in both scales for the same seed, so
 * fixtures that name its counties, universities or schools work with either.
 */
import { shortName } from '../../domain/org/short-name.js'
import { type CityInput, cityUnits, departmentUnits, type TreeContext } from './city.js'
import { OTHER_CITY_NAMES } from './name-pools.js'
import { createRng } from './random.js'
import type { CountyProfile, DemoOrgUnit } from './types.js'

export type DemoScale = 'city' | 'province'

export interface OrgTreeOptions {
  scale: DemoScale
  seed: number
}

const PROVINCE_NAME = '示例省'
const PROVINCE_CODE = '210000'

/** Schools per county in 示例市: ten counties, about 600 in all with the city-run schools. */
const SAMPLE_CITY_RANGE: Record<CountyProfile, readonly [number, number]> = {
  urban: [52, 60],
  suburban: [60, 68],
  county_city: [64, 72],
  rural: [58, 66],
}

/** Schools per county elsewhere in the province: about 115 on average. */
const PROVINCE_RANGE: Record<CountyProfile, readonly [number, number]> = {
  urban: [95, 125],
  suburban: [105, 130],
  county_city: [110, 135],
  rural: [100, 130],
}

/** Counties of the 13 invented cities; 94 in all, so the province has 104 with 示例市's ten. */
const OTHER_CITY_COUNTY_COUNTS = [5, 6, 6, 7, 7, 7, 7, 7, 8, 8, 8, 9, 9] as const

/**
 * Generates the tree as a flat array, parent before child, siblings in display order (`sortOrder`
 * counts from 1 under each parent). Same options, same output, on any machine.
 */
export function generateOrgTree(options: OrgTreeOptions): DemoOrgUnit[] {
  const rng = createRng(options.seed)
  const ctx: TreeContext = { used: new Set([PROVINCE_NAME]), stems: new Set() }
  const units: DemoOrgUnit[] = [
    {
      ref: 'p',
      parentRef: null,
      kind: 'province',
      name: PROVINCE_NAME,
      shortName: shortName(PROVINCE_NAME, 'province'),
      code: PROVINCE_CODE,
      stage: null,
      ownership: null,
      inclusive: false,
      rural: false,
      tags: [],
      sortOrder: 1,
    },
  ]

  const sampleCity: CityInput = { ref: 'c01', name: '示例市', code: '210100', schoolRange: SAMPLE_CITY_RANGE }
  if (options.scale === 'city') {
    units.push(...cityUnits(rng.fork(sampleCity.ref), sampleCity, 10, ctx))
    return withSortOrder(units)
  }

  units.push(...departmentUnits('p'))
  for (const name of OTHER_CITY_NAMES) ctx.stems.add(shortName(name, 'city'))
  units.push(...cityUnits(rng.fork(sampleCity.ref), sampleCity, 10, ctx))
  const countyCounts = rng.fork('county-counts').shuffle(OTHER_CITY_COUNTY_COUNTS)
  OTHER_CITY_NAMES.forEach((name, i) => {
    const ref = `c${String(i + 2).padStart(2, '0')}`
    const city: CityInput = {
      ref,
      name,
      code: `21${String(i + 2).padStart(2, '0')}00`,
      schoolRange: PROVINCE_RANGE,
    }
    units.push(...cityUnits(rng.fork(ref), city, countyCounts[i] ?? 7, ctx))
  })
  return withSortOrder(units)
}

/** Numbers siblings 1, 2, 3 … in output order, so display order matches generation order. */
function withSortOrder(units: DemoOrgUnit[]): DemoOrgUnit[] {
  const seen = new Map<string | null, number>()
  return units.map((unit) => {
    const n = (seen.get(unit.parentRef) ?? 0) + 1
    seen.set(unit.parentRef, n)
    return { ...unit, sortOrder: n }
  })
}
