/** The environment, validated once at start. Every setting has a default that works on a fresh machine. */
import path from 'node:path'
import { z } from 'zod'

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  EDU_LEDGER_DATA_DIR: z.string().default('./data'),
  EDU_LEDGER_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** 32-byte key for personal data (base64 or hex); default: a generated key file in the data dir. */
  EDU_LEDGER_DATA_KEY: z.string().optional(),
  EDU_LEDGER_DEMO: z.enum(['city', 'province', 'none']).default('city'),
  EDU_LEDGER_DEMO_SEED: z.coerce.number().int().default(2026),
  /** Demo petition cases instead of the scale's 3,000 (city) or 300,000 (province); 0 loads none. */
  EDU_LEDGER_DEMO_PETITIONS: z.coerce.number().int().min(0).optional(),
  /** Tests only: a file holding an ISO instant that the server takes as "now" (see server/clock.ts). */
  EDU_LEDGER_CLOCK_FILE: z.string().optional(),
  /** The list-answer cache: on, off, or verify (recompute every hit and fail on a difference; tests). */
  EDU_LEDGER_ANSWER_CACHE: z.enum(['on', 'off', 'verify']).default('on'),
  EDU_LEDGER_ANSWER_CACHE_MB: z.coerce.number().int().min(1).max(1024).default(32),
  EDU_LEDGER_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
})
export type Env = z.infer<typeof Env>

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const r = Env.safeParse(source)
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return { ...r.data, EDU_LEDGER_DATA_DIR: path.resolve(r.data.EDU_LEDGER_DATA_DIR) }
}
