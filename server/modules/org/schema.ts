/** The org module's contract: request and response shapes, from which OpenAPI is generated. */
import { z } from 'zod'
import { ORG_KINDS, SCHOOL_STAGES } from '../../../domain/org/codes.js'

export const OrgUnit = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  path: z.string(),
  depth: z.number(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  shortName: z.string(),
  code: z.string().nullable(),
  stage: z.enum(SCHOOL_STAGES).nullable(),
  ownership: z.enum(['public', 'private']).nullable(),
  inclusive: z.boolean(),
  rural: z.boolean(),
  tags: z.array(z.string()),
  sortOrder: z.number(),
  version: z.number(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
})
export type OrgUnit = z.infer<typeof OrgUnit>

const name = z.string().trim().min(1).max(100)
const code = z.string().trim().max(20).nullable().optional()

export const CreateOrgUnitBody = z.strictObject({
  parentId: z.number().int().positive(),
  kind: z.enum(ORG_KINDS),
  name,
  shortName: z.string().trim().max(50).optional(),
  code,
  stage: z.enum(SCHOOL_STAGES).nullable().optional(),
  ownership: z.enum(['public', 'private']).nullable().optional(),
  inclusive: z.boolean().optional(),
  rural: z.boolean().optional(),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
})
export type CreateOrgUnitInput = z.infer<typeof CreateOrgUnitBody>

export const UpdateOrgUnitBody = CreateOrgUnitBody.omit({ parentId: true, kind: true })
  .partial()
  .extend({ version: z.number().int().positive() })
export type UpdateOrgUnitInput = z.infer<typeof UpdateOrgUnitBody>

export const MoveOrgUnitBody = z.strictObject({
  version: z.number().int().positive(),
  parentId: z.number().int().positive(),
})
export const VoidBody = z.strictObject({
  version: z.number().int().positive(),
  reason: z.string().trim().min(1).max(500),
})

const bool = z.enum(['true', 'false']).transform((v) => v === 'true')
export const ListOrgUnitsQuery = z.object({
  parentId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(100).optional(),
  kind: z.enum(ORG_KINDS).optional(),
  includeVoided: bool.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})
export type ListOrgUnitsQuery = z.infer<typeof ListOrgUnitsQuery>
export const TreeQuery = z.object({ includeVoided: bool.optional() })
export const IdParams = z.object({ id: z.coerce.number().int().positive() })
