/**
 * Plausible balance data for the demo, pure and deterministic from the seed: every school's
 * resources for last year and this year, every kindergarten's enrolment.
 *
 * Each county has a spread σ: a school's per-pupil values are the county's base values (above the
 * 2017 minimums) times (1 + σ·z), with z ∈ [−1, 1] fixed per school, so its CVs are about 0.58·σ.
 * About three counties in ten spread out this year (σ × 1.35: the composite rises, the seed's
 * finding); the rest narrow a little. One county in nine is spread wide (σ = 0.95): its 2017 CVs
 * fail; the others pass.
 */
import type { Rng } from '../../demo/random.js'
import { RESOURCE_FIELD_NAMES, type ResourceValues } from './fields.js'

export interface DemoSchool {
  id: number
  countyId: number | null
  ref: string
  stage: string | null
  pupils: number
}

/** Base per-pupil values by stage: [primary, junior]. Per 100 pupils where the indicator is. */
const BASE = {
  qualified: [6, 7.5],
  backbone: [1.5, 1.5],
  peArt: [1.3, 1.3],
  floor: [6.5, 8.5],
  sports: [10.5, 14],
  equipment: [2900, 3600],
  multimedia: [3.3, 3.5],
  computers: [15, 18],
  books: [30, 40],
} as const

/** How a school's pupils fall into stages. */
function stageSplit(stage: string | null, pupils: number) {
  const share = (p: number, j: number, s: number) => {
    const primary = Math.round(pupils * p)
    const junior = Math.round(pupils * j)
    return { primary, junior, senior: s > 0 ? pupils - primary - junior : 0 }
  }
  switch (stage) {
    case 'primary':
      return share(1, 0, 0)
    case 'junior':
      return share(0, 1, 0)
    case 'senior':
      return share(0, 0, 1)
    case 'nine_year':
      return { ...share(0.62, 0, 0), junior: pupils - Math.round(pupils * 0.62) }
    case 'complete_secondary':
      return share(0, 0.45, 0.55)
    case 'twelve_year':
      return share(0.5, 0.25, 0.25)
    default:
      return share(0, 0, 0)
  }
}

export interface CountySpread {
  last: number
  current: number
}

/** Each county's spread last year and this year. */
export function countySpreads(rng: Rng, countyIds: readonly number[]): Map<number, CountySpread> {
  const out = new Map<number, CountySpread>()
  countyIds.forEach((id, i) => {
    const r = rng.fork(`county-${id}`)
    const last = 0.12 + 0.08 * r.next()
    if (i % 9 === 4) out.set(id, { last: 0.95, current: 0.95 })
    else if (r.chance(0.3)) out.set(id, { last, current: last * 1.35 })
    else out.set(id, { last, current: last * (0.88 + 0.1 * r.next()) })
  })
  return out
}

/** One school's row for a year: its pupils scaled by `growth`, its values spread by `sigma`. */
export function demoResources(rng: Rng, s: DemoSchool, sigma: number, growth: number): ResourceValues {
  const r = rng.fork(s.ref)
  const p = stageSplit(s.stage, Math.max(0, Math.round(s.pupils * growth)))
  // One z per resource, the same every year: the spread changes, the school's place does not.
  const factor = () => Math.max(0.2, 1 + sigma * (2 * r.next() - 1))
  const per = (k: keyof typeof BASE, stage: 0 | 1, n: number, scale = 1) =>
    (BASE[k][stage] * n * factor()) / scale
  const v = Object.fromEntries(RESOURCE_FIELD_NAMES.map((k) => [k, 0])) as ResourceValues
  v.pupilsPrimary = p.primary
  v.pupilsJunior = p.junior
  v.pupilsSenior = p.senior
  v.teachersPrimary = Math.round(p.primary / 17)
  v.teachersJunior = Math.round(p.junior / 12.5)
  v.teachersSenior = Math.round(p.senior / 12.5)
  const sub = (k: 'qualified' | 'backbone' | 'peArt', stage: 0 | 1, n: number, max: number) =>
    Math.min(max, Math.round(per(k, stage, n, 100)))
  v.qualifiedPrimary = sub('qualified', 0, p.primary, v.teachersPrimary)
  v.qualifiedJunior = sub('qualified', 1, p.junior, v.teachersJunior)
  v.backbonePrimary = sub('backbone', 0, p.primary, v.teachersPrimary)
  v.backboneJunior = sub('backbone', 1, p.junior, v.teachersJunior)
  v.peArtPrimary = sub('peArt', 0, p.primary, v.teachersPrimary)
  v.peArtJunior = sub('peArt', 1, p.junior, v.teachersJunior)
  v.titledPrimary = Math.min(v.teachersPrimary, Math.round(v.teachersPrimary * 0.55 * factor()))
  v.titledJunior = Math.min(v.teachersJunior, Math.round(v.teachersJunior * 0.6 * factor()))
  // Facilities are the whole school's: the primary and junior bases by pupils, seniors as juniors.
  const facility = (k: keyof typeof BASE, scale = 1) =>
    per(k, 0, p.primary, scale) + per(k, 1, p.junior + p.senior, scale)
  v.floorArea = Math.round(facility('floor') * 100) / 100
  v.sportsArea = Math.round(facility('sports') * 100) / 100
  v.equipmentFen = Math.round(facility('equipment') * 100)
  v.multimediaRooms = Math.round(facility('multimedia', 100))
  v.computers = Math.round(facility('computers', 100))
  v.books = Math.round(facility('books'))
  return v
}
