import { z } from 'zod'

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' })

export const CalendarQuery = z.object({ year: z.coerce.number().int().min(2004).max(2100) })
export const CalendarDay = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday', 'normal']),
  name: z.string().nullable(),
  source: z.enum(['builtin', 'override']),
  overrideId: z.number().nullable(),
})
export type CalendarDay = z.infer<typeof CalendarDay>
export const CalendarView = z.object({
  year: z.number(),
  /** Whether the built-in schedule covers this year (the State Council publishes it each autumn). */
  published: z.boolean(),
  days: z.array(CalendarDay),
})
export const OverrideBody = z.object({
  date: IsoDate,
  kind: z.enum(['holiday', 'workday', 'normal']),
  name: z.string().trim().max(40).optional(),
})
export type OverrideBody = z.infer<typeof OverrideBody>
export const VoidOverrideBody = z.object({ reason: z.string().trim().min(1).max(200) })
export const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) })
