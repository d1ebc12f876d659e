import { z } from 'zod'

export const JobView = z.object({
  id: z.number(),
  kind: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  progress: z.number(),
  total: z.number(),
  message: z.string().nullable(),
  result: z.unknown().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  hasErrorReport: z.boolean(),
  /** A succeeded import that left cells to check (an ID number Excel turned into a float…). */
  hasWarningReport: z.boolean(),
})
export type JobView = z.infer<typeof JobView>
