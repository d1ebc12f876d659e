import { describe, expect, it } from 'vitest'
import { pathIds, type RegionUnit, regionOf, visitedRegions } from './regions.js'

// 1 province; 2 city A, 3 city B; 4, 5 counties of A; 6 a county of B; 7 a school in 4;
// 8 a department of A; 9 a county directly under the province; 10 a school directly under city B.
const KINDS: Record<number, string> = {
  1: 'province',
  2: 'city',
  3: 'city',
  4: 'county',
  5: 'county',
  6: 'county',
  7: 'school',
  8: 'department',
  9: 'county',
  10: 'school',
}
const PATHS: Record<number, string> = {
  1: '/1/',
  2: '/1/2/',
  3: '/1/3/',
  4: '/1/2/4/',
  5: '/1/2/5/',
  6: '/1/3/6/',
  7: '/1/2/4/7/',
  8: '/1/2/8/',
  9: '/1/9/',
  10: '/1/3/10/',
}
const unit = (id: number): RegionUnit => ({ id, kind: KINDS[id] as string, path: PATHS[id] as string })
const kindOf = (id: number) => KINDS[id]

describe('visited regions', () => {
  it('reads the ids of a path', () => {
    expect(pathIds('/1/2/27/')).toEqual([1, 2, 27])
    expect(pathIds('/')).toEqual([])
  })

  it('places a school in its county and city, a city alone, a department in its city', () => {
    expect(regionOf(unit(7), kindOf)).toEqual({ cityId: 2, countyId: 4 })
    expect(regionOf(unit(3), kindOf)).toEqual({ cityId: 3, countyId: null })
    expect(regionOf(unit(8), kindOf)).toEqual({ cityId: 2, countyId: null })
    expect(regionOf(unit(9), kindOf)).toEqual({ cityId: null, countyId: 9 })
    expect(regionOf(unit(10), kindOf)).toEqual({ cityId: 3, countyId: null })
    expect(regionOf(unit(1), kindOf)).toEqual({ cityId: null, countyId: null })
  })

  it('counts 2 cities and 2 counties for two counties of A, a school in one of them and city B', () => {
    const r = visitedRegions([unit(4), unit(5), unit(7), unit(3)], kindOf)
    expect(r).toEqual({ cities: [2, 3], counties: [4, 5] })
  })

  it('counts each place once however often it was visited', () => {
    const r = visitedRegions([unit(7), unit(7), unit(4), unit(6)], kindOf)
    expect(r).toEqual({ cities: [2, 3], counties: [4, 6] })
    expect(visitedRegions([], kindOf)).toEqual({ cities: [], counties: [] })
  })
})
