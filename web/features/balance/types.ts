/** Shapes of the balance-monitoring API (server/modules/balance/schema.ts, coefficient-schema.ts). */

export type Stage = 'primary' | 'junior'
export const STAGES: readonly Stage[] = ['primary', 'junior']

export interface IndicatorCv {
  key: string
  /** In the request's language. */
  name: string
  mean: number | null
  cv: number | null
  /** The 2017 per-indicator limit (0.50 / 0.45); null for the 2012 indicators. */
  limit: number | null
  pass: boolean | null
}

export interface CountyStage {
  countyId: number
  county: string
  city: string | null
  stage: Stage
  schools: number
  pupils: number
  excluded: number
  zeroPupils: number
  quality: {
    indicators: IndicatorCv[]
    pass: boolean | null
    cvsFailing: number
    schoolsBelowMinimums: number
  }
  basic: { indicators: IndicatorCv[]; composite: number | null; limit: number; pass: boolean | null }
  previousComposite: number | null
  change: number | null
  rose: boolean
}

export interface DataWarning {
  schoolId: number
  school: string
  code: string
  message: string
}

export interface Limits {
  primary: number
  junior: number
}

export interface Coefficients {
  year: number
  previousYear: number
  compositeLimits: Limits
  counties: CountyStage[]
  summary: { counties: number; rose: number; failing2017: number; failingComposite: number }
  warnings: DataWarning[]
}

export interface SchoolValues {
  schoolId: number
  school: string
  stage: string | null
  resourceId: number
  pupils: number
  values: Record<string, number>
  minimumsMet: number
  meetsMinimums: boolean
  shortfalls: { key: string; name: string; value: number; minimum: number }[]
}

export interface CountySchools {
  year: number
  stages: { result: CountyStage; schools: SchoolValues[] }[]
  excluded: { schoolId: number; school: string; reason: string }[]
  warnings: DataWarning[]
}

export interface Warning {
  countyId: number
  county: string
  city: string | null
  year: number
  stage: Stage
  composite: number
  previous: number
  change: number
  problem: { id: number; code: string; status: string; voided: boolean } | null
}

export const EXCLUSIONS = ['teaching_point', 'special_education', 'vocational'] as const
export type Exclusion = (typeof EXCLUSIONS)[number]

/** The ledger's numbers, by API name; `equipmentFen` is integer fen. */
export const RESOURCE_FIELDS = [
  'pupilsPrimary',
  'pupilsJunior',
  'pupilsSenior',
  'teachersPrimary',
  'teachersJunior',
  'teachersSenior',
  'qualifiedPrimary',
  'qualifiedJunior',
  'backbonePrimary',
  'backboneJunior',
  'peArtPrimary',
  'peArtJunior',
  'titledPrimary',
  'titledJunior',
  'floorArea',
  'sportsArea',
  'equipmentFen',
  'multimediaRooms',
  'computers',
  'books',
] as const
export type ResourceField = (typeof RESOURCE_FIELDS)[number]

interface Voidable {
  id: number
  year: number
  county: { id: number; name: string } | null
  note: string
  source: string
  version: number
  updatedAt: string
  voided: boolean
  voidReason: string | null
}

export type ResourceRow = Voidable &
  Record<ResourceField, number> & {
    schoolId: number
    school: string
    schoolCode: string | null
    stage: string | null
    exclusion: Exclusion | null
  }

export interface EnrolmentRow extends Voidable {
  kindergartenId: number
  kindergarten: string
  ownership: 'public' | 'private' | null
  inclusive: boolean
  children: number
  newInclusivePlaces: number
}

export interface PreschoolFigures {
  orgUnitId: number
  name: string
  kind: string
  kindergartens: number
  children: number
  publicChildren: number
  inclusivePrivateChildren: number
  /** Percent of children; null without children. */
  coverage: number | null
  publicShare: number | null
  newInclusivePlaces: number
}

export interface Preschool {
  year: number
  total: PreschoolFigures
  units: PreschoolFigures[]
}

export interface Settings {
  version: number
  compositeLimits: Limits
  qualityLimits: Limits
}

export interface LedgerFilters {
  year?: number | undefined
  orgUnitId?: number | undefined
  q?: string | undefined
  includeVoided?: boolean | undefined
}
