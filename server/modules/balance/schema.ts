/** Request and response shapes of balance monitoring. */
import { z } from 'zod'
import { BALANCE_STAGES } from '../../../domain/balance/indicators.js'

export const Id = z.number().int().positive().max(2_147_483_647)
export const QueryId = z.coerce.number().int().positive().max(2_147_483_647)
const Version = z.number().int().positive().max(2_147_483_647)
const Reason = z.string().trim().min(1).max(200)
const TrueFalse = z.enum(['true', 'false'])
/** A statistical year (统计年度). */
export const Year = z.number().int().min(2000).max(2100)
export const QueryYear = z.coerce.number().int().min(2000).max(2100)
export const Stage = z.enum(BALANCE_STAGES)

const Count = z.number().int().min(0).max(10_000_000)
const Area = z
  .number()
  .min(0)
  .max(100_000_000)
  .refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6, { error: 'invalid_format' })
/** Integer fen, up to ten billion yuan. */
const Fen = z.number().int().min(0).max(1_000_000_000_000)

export const EXCLUSIONS = ['teaching_point', 'special_education', 'vocational'] as const

export const IdParams = z.object({ id: QueryId })
export const VoidBody = z.strictObject({ version: Version, reason: Reason })

const numbers = {
  pupilsPrimary: Count,
  pupilsJunior: Count,
  pupilsSenior: Count,
  teachersPrimary: Count,
  teachersJunior: Count,
  teachersSenior: Count,
  qualifiedPrimary: Count,
  qualifiedJunior: Count,
  backbonePrimary: Count,
  backboneJunior: Count,
  peArtPrimary: Count,
  peArtJunior: Count,
  titledPrimary: Count,
  titledJunior: Count,
  floorArea: Area,
  sportsArea: Area,
  equipmentFen: Fen,
  multimediaRooms: Count,
  computers: Count,
  books: Count,
}

/** Numbers left out of a new row are 0 (a primary school has no junior-high teachers). */
const numbersOrZero = {
  pupilsPrimary: Count.default(0),
  pupilsJunior: Count.default(0),
  pupilsSenior: Count.default(0),
  teachersPrimary: Count.default(0),
  teachersJunior: Count.default(0),
  teachersSenior: Count.default(0),
  qualifiedPrimary: Count.default(0),
  qualifiedJunior: Count.default(0),
  backbonePrimary: Count.default(0),
  backboneJunior: Count.default(0),
  peArtPrimary: Count.default(0),
  peArtJunior: Count.default(0),
  titledPrimary: Count.default(0),
  titledJunior: Count.default(0),
  floorArea: Area.default(0),
  sportsArea: Area.default(0),
  equipmentFen: Fen.default(0),
  multimediaRooms: Count.default(0),
  computers: Count.default(0),
  books: Count.default(0),
}

/** One school's resources in one year. */
export const CreateResourceBody = z.strictObject({
  schoolId: Id,
  year: Year,
  ...numbersOrZero,
  /** Why the school is left out of the coefficients (else its org tags decide). */
  exclusion: z.enum(EXCLUSIONS).nullable().default(null),
  note: z.string().trim().max(500).default(''),
})
export type CreateResourceInput = z.infer<typeof CreateResourceBody>

export const UpdateResourceBody = z.strictObject({
  version: Version,
  ...z.object(numbers).partial().shape,
  exclusion: z.enum(EXCLUSIONS).nullable().optional(),
  note: z.string().trim().max(500).optional(),
})
export type UpdateResourceInput = z.infer<typeof UpdateResourceBody>

export const ListQuery = z.object({
  year: QueryYear.optional(),
  /** A county, a city, a school …: rows of schools in its subtree. */
  orgUnitId: QueryId.optional(),
  /** In the school's name or code. */
  q: z.string().trim().max(50).optional(),
  includeVoided: TrueFalse.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})
export type ListQuery = z.infer<typeof ListQuery>

const UnitRef = z.object({ id: z.number(), name: z.string() }).nullable()

export const ResourceView = z.object({
  id: z.number(),
  schoolId: z.number(),
  school: z.string(),
  schoolCode: z.string().nullable(),
  stage: z.string().nullable(),
  county: UnitRef,
  year: z.number(),
  ...numbers,
  exclusion: z.enum(EXCLUSIONS).nullable(),
  note: z.string(),
  source: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
})
export type ResourceView = z.infer<typeof ResourceView>

// ---------------------------------------------------------------------------------------------
// Preschool

export const CreateEnrolmentBody = z.strictObject({
  kindergartenId: Id,
  year: Year,
  children: Count,
  newInclusivePlaces: Count.default(0),
  note: z.string().trim().max(500).default(''),
})
export type CreateEnrolmentInput = z.infer<typeof CreateEnrolmentBody>

export const UpdateEnrolmentBody = z.strictObject({
  version: Version,
  children: Count.optional(),
  newInclusivePlaces: Count.optional(),
  note: z.string().trim().max(500).optional(),
})
export type UpdateEnrolmentInput = z.infer<typeof UpdateEnrolmentBody>

export const EnrolmentView = z.object({
  id: z.number(),
  kindergartenId: z.number(),
  kindergarten: z.string(),
  ownership: z.string().nullable(),
  inclusive: z.boolean(),
  county: UnitRef,
  year: z.number(),
  children: z.number(),
  newInclusivePlaces: z.number(),
  note: z.string(),
  source: z.string(),
  version: z.number(),
  updatedAt: z.string(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
})
export type EnrolmentView = z.infer<typeof EnrolmentView>

export const PreschoolQuery = z.object({ year: QueryYear.optional(), orgUnitId: QueryId.optional() })

const PreschoolFigures = z.object({
  orgUnitId: z.number(),
  name: z.string(),
  kind: z.string(),
  kindergartens: z.number(),
  children: z.number(),
  publicChildren: z.number(),
  inclusivePrivateChildren: z.number(),
  /** 普惠性幼儿园覆盖率, percent of children (null without children). */
  coverage: z.number().nullable(),
  /** 公办园在园幼儿占比, percent. */
  publicShare: z.number().nullable(),
  newInclusivePlaces: z.number(),
})
export type PreschoolFigures = z.infer<typeof PreschoolFigures>

export const PreschoolView = z.object({
  year: z.number(),
  total: PreschoolFigures,
  units: z.array(PreschoolFigures),
})

// ---------------------------------------------------------------------------------------------
// Settings

export const SettingsView = z.object({
  version: z.number(),
  compositeLimits: z.object({ primary: z.number(), junior: z.number() }),
  qualityLimits: z.object({ primary: z.number(), junior: z.number() }),
})
export type SettingsView = z.infer<typeof SettingsView>

const Limit = z.number().min(0.01).max(2)
export const UpdateSettingsBody = z.strictObject({
  version: Version,
  compositeLimits: z.strictObject({ primary: Limit, junior: Limit }),
})
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsBody>
