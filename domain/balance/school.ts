/**
 * From one school's resource row to what it brings to each compulsory stage: which stages a school
 * of a given kind has, which schools the methods leave out, and how a one-through school's shared
 * resources are split between its stages by the pupil weights (DOMAIN.md: nine-year 1 : 1.1,
 * complete secondary 1 : 1.2, twelve-year 1 : 1.1 : 1.32).
 *
 * Teachers are recorded per stage on the row (a school's staff list says who teaches where), so
 * only shared facilities are split: floor and sports areas, equipment value and books as DOMAIN.md
 * names them, and computers and multimedia classrooms too, since a one-through school reports them
 * for the whole school and counting them whole for both stages would count them twice.
 */
import type { SchoolStage } from '../org/codes.js'
import { STAGE_WEIGHTS, splitByStage } from './cv.js'
import type { BalanceStage, StageInput } from './indicators.js'

export interface ByStage {
  primary: number
  junior: number
}

export interface SchoolResources {
  pupils: ByStage & { senior: number }
  teachers: ByStage & { senior: number }
  qualified: ByStage
  backbone: ByStage
  peArt: ByStage
  titled: ByStage
  floorArea: number
  sportsArea: number
  equipmentFen: number
  multimedia: number
  computers: number
  books: number
}

/** The compulsory stages a school of this kind teaches (a senior high school takes part in none). */
export function stagesOf(stage: SchoolStage | null): BalanceStage[] {
  switch (stage) {
    case 'primary':
      return ['primary']
    case 'junior':
    case 'complete_secondary':
      return ['junior']
    case 'nine_year':
    case 'twelve_year':
      return ['primary', 'junior']
    default:
      return []
  }
}

/** Every stage a school of this kind may have pupils in (senior included), for validating a row. */
export function allStagesOf(stage: SchoolStage | null): ('primary' | 'junior' | 'senior')[] {
  switch (stage) {
    case 'senior':
      return ['senior']
    case 'complete_secondary':
      return ['junior', 'senior']
    case 'twelve_year':
      return ['primary', 'junior', 'senior']
    default:
      return stagesOf(stage)
  }
}

/** Each compulsory stage's share (0–1) of a school's shared resources. */
export function stageShares(stage: SchoolStage | null, pupils: SchoolResources['pupils']): ByStage {
  const whole = (s: keyof ByStage | null): ByStage => ({
    primary: s === 'primary' ? 1 : 0,
    junior: s === 'junior' ? 1 : 0,
  })
  switch (stage) {
    case 'primary':
      return whole('primary')
    case 'junior':
      return whole('junior')
    case 'nine_year': {
      const s = splitByStage(1, { primary: pupils.primary, junior: pupils.junior }, STAGE_WEIGHTS.nine_year)
      return { primary: s.primary, junior: s.junior }
    }
    case 'complete_secondary': {
      const s = splitByStage(
        1,
        { junior: pupils.junior, senior: pupils.senior },
        STAGE_WEIGHTS.complete_secondary,
      )
      return { primary: 0, junior: s.junior }
    }
    case 'twelve_year': {
      const s = splitByStage(1, pupils, STAGE_WEIGHTS.twelve_year)
      return { primary: s.primary, junior: s.junior }
    }
    default:
      return whole(null)
  }
}

/** What the school brings to `stage`: its own teachers of the stage, its share of the facilities. */
export function stageInput(stage: SchoolStage | null, r: SchoolResources, of: BalanceStage): StageInput {
  const share = stageShares(stage, r.pupils)[of]
  return {
    pupils: r.pupils[of],
    teachers: r.teachers[of],
    qualified: r.qualified[of],
    backbone: r.backbone[of],
    peArt: r.peArt[of],
    titled: r.titled[of],
    floorArea: r.floorArea * share,
    sportsArea: r.sportsArea * share,
    equipmentYuan: (r.equipmentFen / 100) * share,
    multimedia: r.multimedia * share,
    computers: r.computers * share,
    books: r.books * share,
  }
}

export type Exclusion = 'teaching_point' | 'special_education' | 'vocational'

export const EXCLUSION_LABELS: Record<Exclusion, { zh: string; en: string }> = {
  teaching_point: { zh: '不足50人的教学点', en: 'Teaching point under 50 pupils' },
  special_education: { zh: '特殊教育学校', en: 'Special-education school' },
  vocational: { zh: '职业学校', en: 'Vocational school' },
}

/** The org tags that mark a school as one the methods leave out (the row may say so too). */
const TAG_RULES: readonly (readonly [RegExp, Exclusion])[] = [
  [/教学点/, 'teaching_point'],
  [/特殊教育|特教|培智|启聪|启明/, 'special_education'],
  [/职业|职教|中职|技工/, 'vocational'],
]

/**
 * Why a school is left out of the coefficients, or null. The row's own category wins; otherwise
 * the org unit's tags decide. A teaching point counts once it reaches 50 pupils (all stages).
 */
export function exclusionOf(
  rowCategory: Exclusion | null,
  tags: readonly string[],
  totalPupils: number,
): Exclusion | null {
  const kind = rowCategory ?? TAG_RULES.find(([re]) => tags.some((t) => re.test(t)))?.[1] ?? null
  if (kind === 'teaching_point' && totalPupils >= 50) return null
  return kind
}
