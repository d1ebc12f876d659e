/**
 * A county's schools and kindergartens: how many of each stage, where they stand, who runs them and
 * how many pupils they have. The mix follows the shares the demo is meant to show (primary ≈ 45 %,
 * kindergartens ≈ 20 % …); towns and villages exist only where the county's profile has countryside.
 */
import { shortName } from '../../domain/org/short-name.js'
import { placeStem } from './names.js'
import type { Rng } from './random.js'
import { type Location, type SchoolKind, SchoolNamer } from './school-names.js'
import type { CountyProfile, DemoOrgUnit, Ownership } from './types.js'

export interface CountySpec {
  ref: string
  name: string
  code: string
  profile: CountyProfile
  /** A rural county: every school in it counts as rural. */
  rural: boolean
  schoolCount: number
  /** The city's full name, which district schools sometimes carry (示例市和平区第三小学). */
  cityName: string
}

/** Target shares in per cent; they add up to 100. */
const KIND_SHARES: readonly (readonly [SchoolKind, number])[] = [
  ['senior', 8],
  ['complete_secondary', 3],
  ['twelve_year', 1],
  ['nine_year', 8],
  ['junior', 15],
  ['primary', 45],
  ['kindergarten', 20],
]

type Weights = readonly [seat: number, town: number, village: number]
type LocationGroup = 'primary' | 'middle' | 'kindergarten' | 'senior'

const LOCATION_WEIGHTS: Record<CountyProfile, Record<LocationGroup, Weights>> = {
  urban: { primary: [1, 0, 0], middle: [1, 0, 0], kindergarten: [1, 0, 0], senior: [1, 0, 0] },
  suburban: { primary: [60, 28, 12], middle: [60, 40, 0], kindergarten: [65, 35, 0], senior: [1, 0, 0] },
  county_city: { primary: [35, 35, 30], middle: [40, 60, 0], kindergarten: [50, 50, 0], senior: [85, 15, 0] },
  rural: { primary: [25, 38, 37], middle: [35, 65, 0], kindergarten: [45, 55, 0], senior: [85, 15, 0] },
}

const TOWN_COUNTS: Record<CountyProfile, readonly [number, number]> = {
  urban: [0, 0],
  suburban: [5, 8],
  county_city: [12, 16],
  rural: [10, 14],
}

/** Share of private schools by stage (at the seat only); one-through private schools are common. */
const PRIVATE_SHARE: Record<SchoolKind, number> = {
  primary: 0.05,
  junior: 0.05,
  nine_year: 0.15,
  senior: 0.08,
  complete_secondary: 0.05,
  twelve_year: 0.6,
  kindergarten: 0.5,
}

/** Splits `n` by the target shares: whole parts first, the remainder drawn by the fractional parts. */
export function planKinds(rng: Rng, n: number): SchoolKind[] {
  const exact = KIND_SHARES.map(([kind, share]) => [kind, (n * share) / 100] as const)
  const counts = new Map(exact.map(([kind, x]) => [kind, Math.floor(x)]))
  let left = n - [...counts.values()].reduce((a, b) => a + b, 0)
  let fractions = exact.map(([kind, x]) => [kind, x - Math.floor(x)] as const).filter(([, f]) => f > 0)
  while (left > 0 && fractions.length > 0) {
    const kind = rng.weighted(fractions)
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
    fractions = fractions.filter(([k]) => k !== kind)
    left--
  }
  return KIND_SHARES.flatMap(([kind]) => Array.from({ length: counts.get(kind) ?? 0 }, () => kind))
}

function locationGroup(kind: SchoolKind): LocationGroup {
  if (kind === 'primary' || kind === 'kindergarten') return kind
  if (kind === 'junior' || kind === 'nine_year') return 'middle'
  return 'senior'
}

function pickLocation(rng: Rng, spec: CountySpec, kind: SchoolKind, towns: readonly string[]): Location {
  if (towns.length === 0 || kind === 'complete_secondary' || kind === 'twelve_year') return { type: 'seat' }
  const [seat, town, village] = LOCATION_WEIGHTS[spec.profile][locationGroup(kind)]
  const type = rng.weighted([
    ['seat', seat],
    ['town', town],
    ['village', village],
  ] as const)
  if (type === 'seat') return { type }
  const where = rng.pick(towns)
  if (type === 'town') return { type, town: where }
  return { type, town: where, teachingPoint: rng.chance(0.35) }
}

function pickOwnership(rng: Rng, spec: CountySpec, kind: SchoolKind, location: Location): Ownership {
  if (location.type === 'village') return 'public'
  if (kind === 'kindergarten') {
    const share =
      location.type === 'town' ? 0.3 : spec.profile === 'rural' ? 0.35 : PRIVATE_SHARE.kindergarten
    return rng.chance(share) ? 'private' : 'public'
  }
  if (location.type === 'town') return 'public'
  return rng.chance(PRIVATE_SHARE[kind]) ? 'private' : 'public'
}

/** Plausible enrolment for the school's stage, place and owner. */
function pickPupils(rng: Rng, kind: SchoolKind, location: Location, ownership: Ownership): number {
  if (location.type === 'village') return location.teachingPoint ? rng.int(8, 49) : rng.int(50, 300)
  const town = location.type === 'town'
  switch (kind) {
    case 'kindergarten':
      if (ownership === 'private') return rng.int(40, 360)
      return town ? rng.int(60, 300) : rng.int(120, 480)
    case 'primary':
      if (ownership === 'private') return rng.int(300, 1500)
      return town ? rng.int(300, 1200) : rng.int(600, 2500)
    case 'junior':
      return town ? rng.int(200, 900) : rng.int(500, 2000)
    case 'nine_year':
      return town ? rng.int(250, 1200) : rng.int(600, 2400)
    case 'senior':
      return town ? rng.int(600, 1500) : rng.int(1200, 3600)
    case 'complete_secondary':
      return rng.int(1500, 3500)
    case 'twelve_year':
      return rng.int(1500, 4000)
  }
}

function pickTags(rng: Rng, kind: SchoolKind, location: Location, ownership: Ownership): string[] {
  if (location.type === 'village') return location.teachingPoint ? ['教学点'] : []
  const tags: string[] = []
  if (location.type === 'town' && (kind === 'junior' || kind === 'nine_year') && rng.chance(0.4)) {
    tags.push('寄宿制')
  }
  if (kind === 'senior' && ownership === 'public' && location.type === 'seat') {
    if (rng.chance(0.25)) tags.push('省级示范性高中')
    else if (rng.chance(0.12)) tags.push('特色普通高中')
  }
  return tags
}

/** Invented towns (镇, sometimes 乡), unique within the county. */
function makeTowns(rng: Rng, profile: CountyProfile): string[] {
  const [min, max] = TOWN_COUNTS[profile]
  const count = rng.int(min, max)
  const towns = new Set<string>()
  while (towns.size < count) towns.add(`${placeStem(rng)}${rng.chance(0.8) ? '镇' : '乡'}`)
  return [...towns]
}

/**
 * Generates the county's schools and kindergartens as org units. Codes are a fictional 学校标识码
 * layout that is unique by construction: 1 (school) or 2 (kindergarten), the county's region code,
 * a three-digit serial.
 */
export function generateCountySchools(rng: Rng, spec: CountySpec, used: Set<string>): DemoOrgUnit[] {
  const towns = makeTowns(rng, spec.profile)
  const district = spec.name.endsWith('区')
  const namer = new SchoolNamer(rng, spec.name, used, !district)
  return planKinds(rng, spec.schoolCount).map((kind, index): DemoOrgUnit => {
    const serial = String(index + 1).padStart(3, '0')
    const location = pickLocation(rng, spec, kind, towns)
    const ownership = pickOwnership(rng, spec, kind, location)
    const core = namer.name({ kind, location, ownership })
    const name = district && location.type === 'seat' && rng.chance(0.3) ? `${spec.cityName}${core}` : core
    const isKindergarten = kind === 'kindergarten'
    return {
      ref: `${spec.ref}-s${serial}`,
      parentRef: spec.ref,
      kind: isKindergarten ? 'kindergarten' : 'school',
      name,
      shortName: shortName(name, isKindergarten ? 'kindergarten' : 'school'),
      code: `${isKindergarten ? '2' : '1'}${spec.code}${serial}`,
      stage: isKindergarten ? null : kind,
      ownership,
      inclusive: isKindergarten && (ownership === 'public' || rng.chance(0.6)),
      rural: spec.rural || location.type !== 'seat',
      tags: pickTags(rng, kind, location, ownership),
      sortOrder: index + 1,
      pupils: pickPupils(rng, kind, location, ownership),
    }
  })
}
