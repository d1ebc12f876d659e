/** Shapes of the coefficients, the county drill-down and the warnings. */
import { z } from 'zod'
import { Id, QueryId, QueryYear, Stage, Year } from './schema.js'

export const CoefficientsQuery = z.object({
  year: QueryYear.optional(),
  stage: Stage.optional(),
  /** Counties in this unit's subtree (a province, a city, a county); default the caller's scope. */
  orgUnitId: QueryId.optional(),
})
export type CoefficientsQuery = z.infer<typeof CoefficientsQuery>

export const CountyQuery = z.object({ year: QueryYear.optional(), stage: Stage.optional() })

const IndicatorView = z.object({
  key: z.string(),
  name: z.string(),
  mean: z.number().nullable(),
  cv: z.number().nullable(),
  limit: z.number().nullable(),
  pass: z.boolean().nullable(),
})

export const CountyStageView = z.object({
  countyId: z.number(),
  county: z.string(),
  city: z.string().nullable(),
  stage: Stage,
  schools: z.number(),
  pupils: z.number(),
  excluded: z.number(),
  zeroPupils: z.number(),
  quality: z.object({
    indicators: z.array(IndicatorView),
    pass: z.boolean().nullable(),
    cvsFailing: z.number(),
    schoolsBelowMinimums: z.number(),
  }),
  basic: z.object({
    indicators: z.array(IndicatorView),
    composite: z.number().nullable(),
    limit: z.number(),
    pass: z.boolean().nullable(),
  }),
  previousComposite: z.number().nullable(),
  change: z.number().nullable(),
  rose: z.boolean(),
})
export type CountyStageView = z.infer<typeof CountyStageView>

const DataWarning = z.object({
  schoolId: z.number(),
  school: z.string(),
  code: z.string(),
  message: z.string(),
})

export const CoefficientsView = z.object({
  year: z.number(),
  previousYear: z.number(),
  compositeLimits: z.object({ primary: z.number(), junior: z.number() }),
  counties: z.array(CountyStageView),
  summary: z.object({
    counties: z.number(),
    rose: z.number(),
    failing2017: z.number(),
    failingComposite: z.number(),
  }),
  warnings: z.array(DataWarning),
})
export type CoefficientsView = z.infer<typeof CoefficientsView>

const Shortfall = z.object({ key: z.string(), name: z.string(), value: z.number(), minimum: z.number() })

export const CountySchoolsView = z.object({
  year: z.number(),
  stages: z.array(
    z.object({
      result: CountyStageView,
      schools: z.array(
        z.object({
          schoolId: z.number(),
          school: z.string(),
          stage: z.string().nullable(),
          resourceId: z.number(),
          pupils: z.number(),
          values: z.record(z.string(), z.number()),
          minimumsMet: z.number(),
          meetsMinimums: z.boolean(),
          shortfalls: z.array(Shortfall),
        }),
      ),
    }),
  ),
  excluded: z.array(z.object({ schoolId: z.number(), school: z.string(), reason: z.string() })),
  warnings: z.array(DataWarning),
})
export type CountySchoolsView = z.infer<typeof CountySchoolsView>

// ---------------------------------------------------------------------------------------------
// Warnings

export const WarningsQuery = z.object({ year: QueryYear.optional(), orgUnitId: QueryId.optional() })

export const WarningView = z.object({
  countyId: z.number(),
  county: z.string(),
  city: z.string().nullable(),
  year: z.number(),
  stage: Stage,
  composite: z.number(),
  previous: z.number(),
  change: z.number(),
  problem: z.object({ id: z.number(), code: z.string(), status: z.string(), voided: z.boolean() }).nullable(),
})
export type WarningView = z.infer<typeof WarningView>

export const WarningToProblemBody = z.strictObject({
  countyId: Id,
  year: Year,
  stage: Stage,
  /** A rectification category (思想观念, 工作作风 …). */
  categoryId: Id,
  responsibleLeader: z.string().trim().max(50).optional(),
  fixAtOnce: z.boolean().default(false),
})
export type WarningToProblemInput = z.infer<typeof WarningToProblemBody>
