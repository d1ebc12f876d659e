/** Request shapes of the indicator registry (the use cases' own bodies live beside them). */
import { z } from 'zod'

const Id = z.coerce.number().int().positive().max(2_147_483_647)
const csv = (max: number) =>
  z
    .string()
    .max(4000)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(80)).max(max))

export const KeyParams = z.object({ key: z.string().max(80) })
export const IdParams = z.object({ id: Id })
export const VoidBody = z.strictObject({
  version: z.number().int().positive(),
  reason: z.string().trim().min(1).max(200),
})

export const ListQuery = z.object({
  source: z.enum(['module', 'aggregate', 'expression', 'manual']).optional(),
  search: z.string().max(100).optional(),
})

export const FigureQuery = z.object({
  period: z.string().min(1).max(40),
  orgUnitId: Id.optional(),
  /** An org code (or id) instead of orgUnitId, as the CLI takes it. */
  org: z.string().max(40).optional(),
  compare: csv(2)
    .pipe(z.array(z.enum(['yoy', 'prev'])))
    .optional(),
  trail: z.coerce.number().int().min(0).max(24).optional(),
})

export const RankingQuery = z.object({
  period: z.string().min(1).max(40),
  parentId: Id.optional(),
  kinds: csv(7).optional(),
})

export const PivotQuery = z.object({
  keys: csv(20).pipe(z.array(z.string()).min(1)),
  periods: csv(24).pipe(z.array(z.string()).min(1)),
  orgUnitIds: csv(200)
    .transform((ids) => ids.map(Number))
    .pipe(z.array(z.number().int().positive().max(2_147_483_647)))
    .optional(),
  parentId: Id.optional(),
})
