/**
 * All counties' balance for a year, and last year's for the change, from two queries: the year's
 * (and the year before's) live resource rows of the schools in a subtree, and the counties in it.
 * Everything else is the pure maths of domain/balance, in memory: the province demo (≈ 100
 * counties, ≈ 12,000 schools) takes well under a second. Nothing is cached, so nothing goes stale.
 */
import {
  compositeChange,
  compositeOf,
  computeStage,
  type StageResult,
  type StageSchool,
} from '../../../domain/balance/county.js'
import { BALANCE_STAGES, type BalanceStage } from '../../../domain/balance/indicators.js'
import { type Exclusion, exclusionOf, stageInput, stagesOf } from '../../../domain/balance/school.js'
import type { Tx } from '../../context.js'
import { stageOf } from './access.js'
import { valuesOfRow } from './fields.js'
import { exclusionOfRow } from './present.js'
import { type BalanceRow, type RegionRow, regionsUnder, resourcesOfYears, unitsByIds } from './repository.js'
import type { Limits } from './settings.js'

export interface SchoolInfo {
  id: number
  name: string
  stage: string | null
  resourceId: number
}

export interface CountyStage {
  stage: BalanceStage
  current: StageResult
  /** Last year's 综合差异系数 (null without last year's rows). */
  previous: number | null
  change: number | null
  rose: boolean
}

export interface CountyBalance {
  county: RegionRow
  city: RegionRow | null
  stages: CountyStage[]
  /** This year's schools the methods leave out, and why. */
  excluded: { school: SchoolInfo; reason: Exclusion }[]
  /** This year's schools with no pupils in a stage they teach (left out, with a warning). */
  zeroPupils: { school: SchoolInfo; stage: BalanceStage }[]
  schools: Map<number, SchoolInfo>
}

function tagsOf(json: string): string[] {
  if (json === '[]') return []
  try {
    const v: unknown = JSON.parse(json)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

interface Bucket {
  byStage: Record<BalanceStage, StageSchool[]>
  excluded: { school: SchoolInfo; reason: Exclusion }[]
  schools: Map<number, SchoolInfo>
}

const emptyBucket = (): Bucket => ({ byStage: { primary: [], junior: [] }, excluded: [], schools: new Map() })

function addRow(bucket: Bucket, r: BalanceRow) {
  const v = valuesOfRow(r)
  const stage = stageOf(r.unit_stage)
  const info = { id: r.school_id, name: r.unit_name, stage: r.unit_stage, resourceId: r.id }
  bucket.schools.set(r.school_id, info)
  const total = v.pupilsPrimary + v.pupilsJunior + v.pupilsSenior
  const reason = exclusionOf(exclusionOfRow(r.exclusion), tagsOf(r.unit_tags), total)
  if (reason) {
    bucket.excluded.push({ school: info, reason })
    return
  }
  const resources = {
    pupils: { primary: v.pupilsPrimary, junior: v.pupilsJunior, senior: v.pupilsSenior },
    teachers: { primary: v.teachersPrimary, junior: v.teachersJunior, senior: v.teachersSenior },
    qualified: { primary: v.qualifiedPrimary, junior: v.qualifiedJunior },
    backbone: { primary: v.backbonePrimary, junior: v.backboneJunior },
    peArt: { primary: v.peArtPrimary, junior: v.peArtJunior },
    titled: { primary: v.titledPrimary, junior: v.titledJunior },
    floorArea: v.floorArea,
    sportsArea: v.sportsArea,
    equipmentFen: v.equipmentFen,
    multimedia: v.multimediaRooms,
    computers: v.computers,
    books: v.books,
  }
  for (const s of stagesOf(stage))
    bucket.byStage[s].push({ id: r.school_id, input: stageInput(stage, resources, s) })
}

/** Every county in the subtree with schools rows this year, each stage it has, this year and last. */
export async function computeBalance(
  db: Tx,
  scopePath: string,
  year: number,
  limits: Limits,
): Promise<CountyBalance[]> {
  const regions = await regionsUnder(db, scopePath)
  const counties = new Map(regions.filter((r) => r.kind === 'county').map((r) => [r.id, r]))
  if (counties.size === 0) return []
  const known = new Map(regions.map((r) => [r.id, r]))
  const missing = [...counties.values()]
    .map((c) => c.parent_id)
    .filter((id): id is number => id !== null && !known.has(id))
  for (const u of await unitsByIds(db, [...new Set(missing)])) known.set(u.id, u)

  const buckets = new Map<string, Bucket>()
  for (const r of await resourcesOfYears(db, scopePath, [year, year - 1])) {
    if (r.unit_parent_id === null || !counties.has(r.unit_parent_id)) continue
    const key = `${r.unit_parent_id}:${r.year}`
    let b = buckets.get(key)
    if (!b) {
      b = emptyBucket()
      buckets.set(key, b)
    }
    addRow(b, r)
  }

  const out: CountyBalance[] = []
  for (const county of counties.values()) {
    const now = buckets.get(`${county.id}:${year}`)
    if (!now) continue
    const before = buckets.get(`${county.id}:${year - 1}`) ?? emptyBucket()
    const stages: CountyStage[] = []
    const zeroPupils: CountyBalance['zeroPupils'] = []
    for (const stage of BALANCE_STAGES) {
      if (now.byStage[stage].length === 0) continue
      const current = computeStage(stage, now.byStage[stage], limits[stage])
      const previous = compositeOf(before.byStage[stage])
      for (const id of current.zeroPupils) {
        const school = now.schools.get(id)
        if (school) zeroPupils.push({ school, stage })
      }
      stages.push({
        stage,
        current,
        previous,
        ...compositeChange(current.basic.composite, previous),
      })
    }
    const parent = county.parent_id === null ? undefined : known.get(county.parent_id)
    out.push({
      county,
      city: parent && parent.kind === 'city' ? parent : null,
      stages,
      excluded: now.excluded,
      zeroPupils,
      schools: now.schools,
    })
  }
  return out
}
