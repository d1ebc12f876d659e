/**
 * One city bureau's subtree: the city, its departments, universities, city-run (市直属) schools and
 * counties with their schools. 示例市 has fixed counties and universities (fixtures name them); the
 * province's other cities get invented ones.
 */
import { shortName } from '../../domain/org/short-name.js'
import { type CountySpec, generateCountySchools } from './county-schools.js'
import {
  COUNTY_FIRST,
  COUNTY_SECOND,
  DEPARTMENT_NAMES,
  DISTRICT_STEMS,
  REAL_CITY_STEMS,
  SAMPLE_CITY_COUNTIES,
  SAMPLE_CITY_UNIVERSITIES,
  UNIVERSITY_TEMPLATES,
} from './name-pools.js'
import { chineseNumber, Numbering, uniqueName } from './names.js'
import type { Rng } from './random.js'
import type { CountyProfile, DemoOrgUnit, Ownership } from './types.js'

/** Names and region stems already taken anywhere in the tree. */
export interface TreeContext {
  used: Set<string>
  stems: Set<string>
}

export interface CityInput {
  ref: string
  name: string
  code: string
  /** Schools per county by profile: 示例市 keeps near 600 in all, the other cities reach about 12,000. */
  schoolRange: Record<CountyProfile, readonly [number, number]>
}

type CountyPlan = Omit<CountySpec, 'ref' | 'schoolCount' | 'cityName'> & { tags: string[] }

interface UniversityPlan {
  name: string
  vocational: boolean
  ownership: Ownership
}

const ASSISTED_COUNTY_TAG = '乡村振兴重点帮扶县'

/** A bureau's departments as units under `parentRef`; departments carry no code. */
export function departmentUnits(parentRef: string): DemoOrgUnit[] {
  return DEPARTMENT_NAMES.map((name, i) => ({
    ref: `${parentRef}-d${String(i + 1).padStart(2, '0')}`,
    parentRef,
    kind: 'department',
    name,
    shortName: shortName(name, 'department'),
    code: null,
    stage: null,
    ownership: null,
    inclusive: false,
    rural: false,
    tags: [],
    sortOrder: i + 1,
  }))
}

/** Builds the whole subtree of one city, parent before child. `countyCount` is ignored for 示例市. */
export function cityUnits(rng: Rng, city: CityInput, countyCount: number, ctx: TreeContext): DemoOrgUnit[] {
  const sample = city.name === '示例市'
  const cityShort = shortName(city.name, 'city')
  ctx.used.add(city.name)
  const units: DemoOrgUnit[] = [
    {
      ref: city.ref,
      parentRef: 'p',
      kind: 'city',
      name: city.name,
      shortName: cityShort,
      code: city.code,
      stage: null,
      ownership: null,
      inclusive: false,
      rural: false,
      tags: [],
      sortOrder: 0,
    },
    ...departmentUnits(city.ref),
  ]

  const universities: UniversityPlan[] = sample
    ? [...SAMPLE_CITY_UNIVERSITIES]
    : inventUniversities(rng, cityShort)
  universities.forEach((u, i) => {
    ctx.used.add(u.name)
    units.push({
      ref: `${city.ref}-u${String(i + 1).padStart(2, '0')}`,
      parentRef: city.ref,
      kind: 'university',
      name: u.name,
      shortName: u.name,
      code: `4${city.code}${String(i + 1).padStart(3, '0')}`,
      stage: null,
      ownership: u.ownership,
      inclusive: false,
      rural: false,
      tags: [u.vocational ? '高职' : '本科'],
      sortOrder: 0,
      pupils: u.vocational ? rng.int(4000, 15000) : rng.int(8000, 32000),
    })
  })

  units.push(...cityRunSchools(rng, city, ctx.used))

  const counties = sample ? sampleCounties() : inventCounties(rng, city.code, countyCount, ctx)
  counties.forEach((county, i) => {
    const ref = `${city.ref}-k${String(i + 1).padStart(2, '0')}`
    ctx.used.add(county.name)
    ctx.stems.add(shortName(county.name, 'county'))
    units.push({
      ref,
      parentRef: city.ref,
      kind: 'county',
      name: county.name,
      shortName: shortName(county.name, 'county'),
      code: county.code,
      stage: null,
      ownership: null,
      inclusive: false,
      rural: county.rural,
      tags: county.tags,
      sortOrder: 0,
    })
    const [min, max] = city.schoolRange[county.profile]
    const spec: CountySpec = { ...county, ref, cityName: city.name, schoolCount: rng.int(min, max) }
    units.push(...generateCountySchools(rng.fork(ref), spec, ctx.used))
  })
  return units
}

function sampleCounties(): CountyPlan[] {
  return SAMPLE_CITY_COUNTIES.map((c) => {
    const assisted = 'assisted' in c && c.assisted
    return {
      name: c.name,
      code: c.code,
      profile: c.profile,
      rural: assisted,
      tags: assisted ? [ASSISTED_COUNTY_TAG] : [],
    }
  })
}

function inventUniversities(rng: Rng, cityShort: string): UniversityPlan[] {
  const count = rng.int(1, 4)
  return rng
    .shuffle(UNIVERSITY_TEMPLATES)
    .slice(0, count)
    .map((t) => ({
      name: t.template.replace('{s}', cityShort),
      vocational: t.vocational,
      ownership: t.ownership,
    }))
}

/**
 * Districts first (codes 02…), then counties (21…, an autonomous county at 31…), then county-level
 * cities (81…), as GB/T 2260 orders them. Counties are rural; some are 乡村振兴重点帮扶县.
 */
function inventCounties(rng: Rng, cityCode: string, n: number, ctx: TreeContext): CountyPlan[] {
  const pp = cityCode.slice(0, 4)
  const districts = rng.int(2, Math.min(4, n - 2))
  const countyCities = rng.int(0, Math.min(2, n - districts - 1))
  const plainCounties = n - districts - countyCities
  const plans: CountyPlan[] = []

  const districtStems = rng.shuffle(DISTRICT_STEMS).filter((s) => !ctx.stems.has(s))
  for (let i = 0; i < districts; i++) {
    const stem = districtStems[i] ?? freshStem(rng, ctx)
    ctx.stems.add(stem)
    const profile: CountyProfile = i === 0 || (i === 1 && rng.chance(0.5)) ? 'urban' : 'suburban'
    plans.push({ name: `${stem}区`, code: `${pp}${pad2(2 + i)}`, profile, rural: false, tags: [] })
  }
  let autonomousDone = false
  for (let i = 0; i < plainCounties; i++) {
    const stem = freshStem(rng, ctx)
    const autonomous: boolean = !autonomousDone && i === plainCounties - 1 && rng.chance(0.3)
    autonomousDone ||= autonomous
    const name = autonomous ? `${stem}${rng.pick(['满族', '蒙古族'])}自治县` : `${stem}县`
    const code = `${pp}${pad2(autonomous ? 31 : 21 + i)}`
    const tags = rng.chance(0.3) ? [ASSISTED_COUNTY_TAG] : []
    plans.push({ name, code, profile: 'rural', rural: true, tags })
  }
  for (let i = 0; i < countyCities; i++) {
    const stem = freshStem(rng, ctx)
    plans.push({
      name: `${stem}市`,
      code: `${pp}${pad2(81 + i)}`,
      profile: 'county_city',
      rural: false,
      tags: [],
    })
  }
  return plans
}

/** A two-character county stem (安平, 宁远) not used anywhere in the tree yet. */
function freshStem(rng: Rng, ctx: TreeContext): string {
  for (;;) {
    const first = rng.pick(COUNTY_FIRST)
    const second = rng.pick(COUNTY_SECOND)
    const stem = first + second
    if (first !== second && !ctx.stems.has(stem) && !REAL_CITY_STEMS.has(stem)) {
      ctx.stems.add(stem)
      return stem
    }
  }
}

/** A few schools the city bureau runs itself (市直属): mostly senior high schools. */
function cityRunSchools(rng: Rng, city: CityInput, used: Set<string>): DemoOrgUnit[] {
  const numbers = new Numbering(rng)
  const count = rng.int(4, 7)
  const numbered = (): string => `${city.name}第${chineseNumber(numbers.take('中学', rng.int(1, 3)))}中学`
  return Array.from({ length: count }, (_, i): DemoOrgUnit => {
    const stage = rng.weighted([
      ['senior', 5],
      ['complete_secondary', 3],
      ['twelve_year', 1],
      ['nine_year', 1],
    ] as const)
    const candidate =
      stage === 'twelve_year'
        ? () => `${city.name}${rng.pick(['外国语学校', '实验学校'])}`
        : stage === 'nine_year'
          ? () => `${city.name}${rng.pick(['育才学校', '实验学校', '第一九年一贯制学校'])}`
          : () => (rng.chance(0.8) ? numbered() : `${city.name}实验中学`)
    const name = uniqueName(used, candidate, numbered)
    const serial = String(i + 1).padStart(3, '0')
    return {
      ref: `${city.ref}-s${serial}`,
      parentRef: city.ref,
      kind: 'school',
      name,
      shortName: name,
      code: `1${city.code}${serial}`,
      stage,
      ownership: 'public',
      inclusive: false,
      rural: false,
      tags: ['市直属'],
      sortOrder: 0,
      pupils: rng.int(1500, 3800),
    }
  })
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}
