import { z } from 'zod'
import { ROLES } from '../../policies/roles.js'

export const UserView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  locale: z.string(),
  phone: z.string().nullable(),
  version: z.number(),
  voidedAt: z.string().nullable(),
  /** Set for a generated or reset password: the web asks the user to choose a new one. */
  mustChangePassword: z.boolean(),
})
export type UserView = z.infer<typeof UserView>

const password = z.string().min(1).max(200)
export const CreateUserBody = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/),
  displayName: z.string().trim().min(1).max(50),
  role: z.enum(ROLES),
  orgUnitId: z.number().int().positive(),
  password,
  phone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/)
    .nullable()
    .optional(),
})
export type CreateUserInput = z.infer<typeof CreateUserBody>

export const UpdateUserBody = z.strictObject({
  version: z.number().int().positive(),
  displayName: z.string().trim().min(1).max(50).optional(),
  role: z.enum(ROLES).optional(),
  orgUnitId: z.number().int().positive().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9-]{7,20}$/)
    .nullable()
    .optional(),
  locale: z.enum(['zh-CN', 'en']).optional(),
})
export type UpdateUserInput = z.infer<typeof UpdateUserBody>

export const ListUsersQuery = z.object({
  q: z.string().trim().max(50).optional(),
  role: z.enum(ROLES).optional(),
  includeVoided: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})
export type ListUsersQuery = z.infer<typeof ListUsersQuery>
export const ResetPasswordBody = z.strictObject({ password })
export const IdParams = z.object({ id: z.coerce.number().int().positive() })
