/** Request shapes of selections (rubrics, programmes, applications, experts, scores, notice). */
import { z } from 'zod'
import { ORG_KINDS } from '../../../domain/org/codes.js'
import { IsoDate } from '../supervision/schema.js'

export const Id = z.number().int().positive().max(2_147_483_647)
const QueryId = z.coerce.number().int().positive().max(2_147_483_647)
const Version = z.number().int().positive().max(2_147_483_647)
const Reason = z.string().trim().min(1).max(200)
const Text = (max: number) => z.string().trim().max(max)

export const IdParams = z.object({ id: QueryId })
export const VoidBody = z.strictObject({ version: Version, reason: Reason })
export const ReasonBody = z.strictObject({ reason: Reason })
export const VersionBody = z.strictObject({ version: Version })

export const PROGRAMME_KINDS = ['selection', 'accreditation'] as const
export const AGGREGATIONS = ['mean', 'trimmed_mean'] as const
export const PROGRAMME_STATUSES = [
  'draft',
  'open',
  'reviewing',
  'scored',
  'decided',
  'approved',
  'notice',
  'final',
] as const
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number]
export const PROGRAMME_ACTIONS = [
  'open',
  'close',
  'decide',
  'approve',
  'return',
  'publish',
  'finalise',
] as const
export type ProgrammeAction = (typeof PROGRAMME_ACTIONS)[number]
export const APPLICATION_STATUSES = ['draft', 'submitted', 'withdrawn'] as const

// ---------------------------------------------------------------------------------------------
// Rubrics: three levels at most (一级 / 二级 / 三级指标), written out so OpenAPI needs no recursion.

const CriterionKey = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, { error: 'invalid_format' })
const CriterionBase = {
  key: CriterionKey,
  title: z.string().trim().min(1).max(100),
  weight: z.number().min(0).max(1000),
  maxScore: z.number().positive().max(1000).optional(),
  guidance: Text(1000).optional(),
}
const Level3 = z.strictObject(CriterionBase)
const Level2 = z.strictObject({ ...CriterionBase, children: z.array(Level3).max(30).optional() })
const Level1 = z.strictObject({ ...CriterionBase, children: z.array(Level2).max(30).optional() })
export const Criteria = z.array(Level1).min(1).max(30)

export const CreateRubricBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  total: z.number().positive().max(1000).default(100),
  criteria: Criteria,
  note: Text(1000).default(''),
  ownerUnitId: Id.optional(),
})
export type CreateRubricInput = z.infer<typeof CreateRubricBody>

/** A revision: a new rubric based on this one (revision n+1); what is left out is copied. */
export const ReviseRubricBody = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  criteria: Criteria.optional(),
  note: Text(1000).optional(),
})
export type ReviseRubricInput = z.infer<typeof ReviseRubricBody>

export const ListRubricsQuery = z.object({ includeVoided: z.enum(['true', 'false']).optional() })

// ---------------------------------------------------------------------------------------------
// Programmes

const MaterialName = z.string().trim().min(1).max(60)
const ProgrammeFields = {
  name: z.string().trim().min(1).max(200),
  kind: z.enum(PROGRAMME_KINDS),
  /** 首批 / 第二批 …: free text. */
  batch: Text(40).default(''),
  description: Text(4000).default(''),
  /** A selection's number of places. */
  quota: z.number().int().min(1).max(100_000).nullable().optional(),
  /** An accreditation's pass mark (on the rubric's total). */
  passMark: z.number().min(0).max(1000).nullable().optional(),
  eligibleKinds: z.array(z.enum(ORG_KINDS)).min(1).max(ORG_KINDS.length),
  opensOn: IsoDate,
  closesOn: IsoDate,
  materials: z.array(MaterialName).max(30).default([]),
  rubricId: Id,
  expertsPerApplication: z.number().int().min(1).max(15),
  aggregation: z.enum(AGGREGATIONS).default('mean'),
  /** Flag an application when its experts' totals spread more than this (max − min). */
  dispersionMargin: z.number().min(0).max(1000).default(15),
  blind: z.boolean().default(false),
  /** 公示期, working days. */
  noticeDays: z.number().int().min(1).max(30).default(5),
}
export const CreateProgrammeBody = z.strictObject({ ...ProgrammeFields, ownerUnitId: Id.optional() })
export type CreateProgrammeInput = z.infer<typeof CreateProgrammeBody>

export const UpdateProgrammeBody = z.strictObject({
  version: Version,
  name: ProgrammeFields.name.optional(),
  batch: Text(40).optional(),
  description: Text(4000).optional(),
  quota: ProgrammeFields.quota,
  passMark: ProgrammeFields.passMark,
  eligibleKinds: ProgrammeFields.eligibleKinds.optional(),
  opensOn: IsoDate.optional(),
  closesOn: IsoDate.optional(),
  materials: z.array(MaterialName).max(30).optional(),
  rubricId: Id.optional(),
  expertsPerApplication: ProgrammeFields.expertsPerApplication.optional(),
  aggregation: z.enum(AGGREGATIONS).optional(),
  dispersionMargin: z.number().min(0).max(1000).optional(),
  blind: z.boolean().optional(),
  noticeDays: ProgrammeFields.noticeDays.optional(),
})
export type UpdateProgrammeInput = z.infer<typeof UpdateProgrammeBody>

export const ProgrammeActionBody = z.strictObject({
  version: Version,
  action: z.enum(PROGRAMME_ACTIONS),
  /** Required to return a decision. */
  reason: Text(500).optional(),
  /** The notice's first day (publish), default today. */
  on: IsoDate.optional(),
})
export type ProgrammeActionInput = z.infer<typeof ProgrammeActionBody>

export const ListProgrammesQuery = z.object({
  status: z.enum(PROGRAMME_STATUSES).optional(),
  kind: z.enum(PROGRAMME_KINDS).optional(),
  includeVoided: z.enum(['true', 'false']).optional(),
})
export type ListProgrammesQuery = z.infer<typeof ListProgrammesQuery>

export const AssignBody = z.strictObject({
  version: Version,
  /** The draw's seed (kept in the record); a random one when left out. */
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
})

// ---------------------------------------------------------------------------------------------
// Applications

export const FormValues = z.record(z.string().trim().min(1).max(40), z.string().max(2000))
export const ApplyBody = z.strictObject({
  /** The applying unit: the actor's own unit by default (a county may name one of its schools). */
  unitId: Id.optional(),
  title: z.string().trim().min(1).max(200),
  /** Field of expertise (专业领域), which experts are drawn from. */
  field: Text(40).optional(),
  summary: Text(5000).default(''),
  form: FormValues.default({}),
})
export type ApplyInput = z.infer<typeof ApplyBody>

export const UpdateApplicationBody = z.strictObject({
  version: Version,
  title: z.string().trim().min(1).max(200).optional(),
  field: Text(40).nullable().optional(),
  summary: Text(5000).optional(),
  form: FormValues.optional(),
})
export type UpdateApplicationInput = z.infer<typeof UpdateApplicationBody>

export const ListApplicationsQuery = z.object({
  programmeId: QueryId.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
})
export type ListApplicationsQuery = z.infer<typeof ListApplicationsQuery>

// ---------------------------------------------------------------------------------------------
// Experts, assignment, scores

const FieldName = z.string().trim().min(1).max(40)
export const ExpertBody = z.strictObject({
  userId: Id,
  name: z.string().trim().min(1).max(50),
  /** His unit when it is in the org tree (conflicts by the tree), else by name. */
  unitId: Id.nullable().optional(),
  unitName: Text(100).default(''),
  title: Text(50).default(''),
  fields: z.array(FieldName).max(20).default([]),
  conflictUnitIds: z.array(Id).max(50).default([]),
  note: Text(500).default(''),
  ownerUnitId: Id.optional(),
})
export type ExpertInput = z.infer<typeof ExpertBody>

export const UpdateExpertBody = z.strictObject({
  version: Version,
  name: z.string().trim().min(1).max(50).optional(),
  unitId: Id.nullable().optional(),
  unitName: Text(100).optional(),
  title: Text(50).optional(),
  fields: z.array(FieldName).max(20).optional(),
  conflictUnitIds: z.array(Id).max(50).optional(),
  note: Text(500).optional(),
})
export type UpdateExpertInput = z.infer<typeof UpdateExpertBody>

export const ManualAssignBody = z.strictObject({ expertId: Id })

export const SaveScoresBody = z.strictObject({
  version: Version,
  /** Leaf key → score on the leaf's scale; null clears it. */
  scores: z.record(CriterionKey, z.number().min(0).max(1000).nullable()).default({}),
  comments: z.record(CriterionKey, z.string().max(1000)).default({}),
  comment: Text(2000).optional(),
})
export type SaveScoresInput = z.infer<typeof SaveScoresBody>

// ---------------------------------------------------------------------------------------------
// Notice

export const ObjectionBody = z.strictObject({
  text: z.string().trim().min(1).max(2000),
  applicationId: Id.optional(),
})
export const AnswerBody = z.strictObject({
  version: Version,
  answer: z.string().trim().min(1).max(2000),
  /** The objection holds: the application it names leaves the list. */
  upheld: z.boolean().default(false),
})
