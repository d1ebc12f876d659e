/** Request and response shapes of statistics ledgers: definitions, rows, submissions, completeness. */
import { z } from 'zod'
import { ORG_KINDS } from '../../../domain/org/codes.js'
import { COLUMN_TYPES } from '../../../domain/statistics/columns.js'
import { PERIOD_KINDS } from '../../../domain/statistics/periods.js'
import { IsoDate } from '../supervision/schema.js'

const Id = z.number().int().positive().max(2_147_483_647)
const QueryId = z.coerce.number().int().positive().max(2_147_483_647)
const Version = z.number().int().positive().max(2_147_483_647)
const Reason = z.string().trim().min(1).max(200)
const Key = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, { error: 'stats_key_format' })
const Label = z.string().trim().min(1).max(60)
const Words = z.array(z.string().trim().min(1).max(60)).max(20)

export const IdParams = z.object({ id: QueryId })
export const KeyParams = z.object({ key: z.string().max(40) })
export const VoidBody = z.strictObject({ version: Version, reason: Reason })

export const ColumnInput = z.strictObject({
  key: Key,
  labelZh: Label,
  labelEn: Label,
  type: z.enum(COLUMN_TYPES),
  required: z.boolean().default(false),
  unique: z.boolean().default(false),
  options: z
    .array(
      z.strictObject({
        value: Key,
        labelZh: Label,
        labelEn: Label,
        synonyms: Words.default([]),
      }),
    )
    .max(50)
    .optional(),
  synonyms: Words.default([]),
  help: z.string().trim().max(500).optional(),
  moneyUnit: z.enum(['yuan', 'wan']).optional(),
  derive: z.strictObject({ rule: z.literal('in_city'), from: Key }).optional(),
})

const DefinitionFields = {
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).default(''),
  ownerUnitId: Id.nullable().default(null),
  submitterKinds: z.array(z.enum(ORG_KINDS)).max(10).default([]),
  submitterUnitIds: z.array(Id).max(500).default([]),
  periodKind: z.enum(PERIOD_KINDS),
  periodColumn: Key.nullable().default(null),
  orgColumn: Key.nullable().default(null),
  keyColumns: z.array(Key).max(5).default([]),
  dueDays: z.number().int().min(0).max(366).nullable().default(null),
  columns: z.array(ColumnInput).min(1).max(44),
}

export const CreateDefinitionBody = z.strictObject({ key: Key, ...DefinitionFields })
export type CreateDefinitionInput = z.infer<typeof CreateDefinitionBody>
export const UpdateDefinitionBody = z.strictObject({ version: Version, ...DefinitionFields })
export type UpdateDefinitionInput = z.infer<typeof UpdateDefinitionBody>

const ColumnView = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  type: z.enum(COLUMN_TYPES),
  required: z.boolean(),
  unique: z.boolean(),
  options: z.array(z.object({ value: z.string(), labelZh: z.string(), labelEn: z.string() })).optional(),
  synonyms: z.array(z.string()),
  help: z.string().optional(),
  moneyUnit: z.enum(['yuan', 'wan']).optional(),
  derived: z.boolean(),
  /** How a derived column is computed (kept so an edit can send it back unchanged). */
  derive: z.object({ rule: z.literal('in_city'), from: z.string() }).optional(),
})

export const DefinitionView = z.object({
  id: z.number(),
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  description: z.string(),
  ownerUnitId: z.number().nullable(),
  submitterKinds: z.array(z.string()),
  submitterUnitIds: z.array(z.number()),
  periodKind: z.enum(PERIOD_KINDS),
  periodColumn: z.string().nullable(),
  orgColumn: z.string().nullable(),
  keyColumns: z.array(z.string()),
  dueDays: z.number().nullable(),
  builtin: z.boolean(),
  columns: z.array(ColumnView),
  version: z.number(),
  dataChangedAt: z.string().nullable(),
  voided: z.boolean(),
})
export type DefinitionView = z.infer<typeof DefinitionView>

export const ListDefinitionsQuery = z.object({ includeVoided: z.enum(['true', 'false']).optional() })

// ---------------------------------------------------------------------------------------------
// Rows

const Value = z.union([z.string().max(500), z.number(), z.boolean(), z.null()])
const Values = z.record(z.string().max(40), Value)

export const CreateRowBody = z.strictObject({
  /** The submitting unit; default the actor's own. */
  orgUnitId: Id.optional(),
  /** The period ('2023', '2023-Q2', '2023-05'), for ledgers whose rows carry no period date. */
  period: z.string().trim().max(10).optional(),
  values: Values,
})
export type CreateRowInput = z.infer<typeof CreateRowBody>
export const UpdateRowBody = z.strictObject({ version: Version, values: Values })
export type UpdateRowInput = z.infer<typeof UpdateRowBody>

export const LedgerRowView = z.object({
  id: z.number(),
  ledger: z.string(),
  orgUnitId: z.number(),
  orgUnit: z.string(),
  periodDate: z.string(),
  submissionId: z.number(),
  status: z.string(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
})
export type LedgerRowView = z.infer<typeof LedgerRowView>

export const ListRowsQuery = z.object({
  orgUnitId: QueryId.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  status: z.enum(['draft', 'submitted', 'approved', 'returned']).optional(),
  submissionId: QueryId.optional(),
  /** Text search over the ledger's text columns. */
  q: z.string().trim().max(100).optional(),
  /** `column:value` equality filters, e.g. `kind:transfer`. */
  where: z.union([z.string().max(200), z.array(z.string().max(200)).max(10)]).optional(),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  includeVoided: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})
export type ListRowsQuery = z.infer<typeof ListRowsQuery>

// ---------------------------------------------------------------------------------------------
// Submissions

export const SubmissionView = z.object({
  id: z.number(),
  ledger: z.string(),
  orgUnitId: z.number(),
  orgUnit: z.string(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string().nullable(),
  status: z.string(),
  rows: z.number(),
  firstSubmittedOn: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
  version: z.number(),
})
export type SubmissionView = z.infer<typeof SubmissionView>

export const ListSubmissionsQuery = z.object({
  status: z.enum(['draft', 'submitted', 'approved', 'returned']).optional(),
  period: z.string().max(10).optional(),
  orgUnitId: QueryId.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
})
export type ListSubmissionsQuery = z.infer<typeof ListSubmissionsQuery>

export const SubmitBody = z.strictObject({ version: Version })
export const ReturnBody = z.strictObject({ version: Version, reason: Reason })

export const CompletenessQuery = z.object({
  period: z.string().trim().min(1).max(10),
  orgUnitId: QueryId.optional(),
})

export const CompletenessView = z.object({
  ledger: z.string(),
  period: z.string(),
  dueOn: z.string().nullable(),
  expected: z.number(),
  approved: z.number(),
  onTime: z.number(),
  /** approved ÷ expected × 100, one decimal; null when nobody is expected. */
  completeness: z.number().nullable(),
  timeliness: z.number().nullable(),
  units: z.array(
    z.object({
      orgUnitId: z.number(),
      name: z.string(),
      status: z.string(),
      firstSubmittedOn: z.string().nullable(),
      onTime: z.boolean().nullable(),
    }),
  ),
})
export type CompletenessView = z.infer<typeof CompletenessView>

// ---------------------------------------------------------------------------------------------
// Import

/** The mapping a user confirms: file header label → column key (null: ignore), money units. */
export const ImportMapping = z.object({
  columns: z.record(z.string().max(100), z.string().max(40).nullable()).default({}),
  /** Unit of bare numbers per money column, when the header does not say. */
  moneyUnits: z.record(z.string().max(40), z.enum(['yuan', 'wan'])).default({}),
})
export type ImportMapping = z.infer<typeof ImportMapping>
