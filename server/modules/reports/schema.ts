/** Request and response shapes of the report module. */
import { z } from 'zod'

const Version = z.number().int().positive().max(2_147_483_647)
const QueryId = z.coerce.number().int().positive().max(2_147_483_647)
const Reason = z.string().trim().min(1).max(200)
/** Template sources stay small: a report is pages, not a book. */
const Source = z.string().max(200_000)

export const TemplateKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, { error: 'invalid_format' })
export const PERIOD_KINDS = ['year', 'half', 'quarter', 'month'] as const

export const KeyParams = z.object({ key: TemplateKey })
export const IdParams = z.object({ id: QueryId })
export const VoidBody = z.strictObject({ version: Version, reason: Reason })

export const CreateTemplateBody = z.strictObject({
  key: TemplateKey,
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).default(''),
  periodKind: z.enum(PERIOD_KINDS).default('year'),
  source: Source,
})
export const UpdateTemplateBody = z.strictObject({
  version: Version,
  title: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().max(500).optional(),
  periodKind: z.enum(PERIOD_KINDS).optional(),
  source: Source.optional(),
  /** What changed in this version (kept in its history). */
  note: z.string().trim().max(200).default(''),
})
export const CheckBody = z.strictObject({ source: Source })

/** What a rendering is for: a period (2023, 2023-H1, 2023-11 …) and a unit (default: one's own). */
const RenderParams = {
  period: z.string().trim().min(4).max(40),
  orgUnitId: z.number().int().positive().max(2_147_483_647).optional(),
  /** The comparison period for `delta`: the same period last year (default) or the previous one. */
  compare: z.enum(['last_year', 'previous']).optional(),
}
export const PreviewBody = z.strictObject({ source: Source, ...RenderParams })
export const RenderBody = z.strictObject({ template: TemplateKey, ...RenderParams })

export const TemplateSummary = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  periodKind: z.string(),
  builtin: z.boolean(),
  currentVersion: z.number(),
  version: z.number(),
  updatedAt: z.string(),
  voided: z.boolean(),
})
export const TemplateView = TemplateSummary.extend({
  source: z.string(),
  history: z.array(z.object({ versionNo: z.number(), note: z.string(), createdAt: z.string() })),
})

export const Problem = z.object({ line: z.number(), col: z.number(), message: z.string() })

export const FigureView = z.object({
  index: z.number(),
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  period: z.string(),
  orgUnitId: z.number(),
  value: z.number().nullable(),
  changedAt: z.string().nullable(),
  rows: z.number().nullable(),
  /** Where the rows behind it are kept: a ledger, or a module's own records. */
  source: z.object({ kind: z.enum(['ledger', 'module', 'manual', 'expression']), ref: z.string() }),
  /** For a ledger aggregate: the ledger rows API query listing the rows behind the figure. */
  rowsQuery: z
    .object({
      ledger: z.string(),
      query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
      exact: z.boolean(),
    })
    .optional(),
})

export const PreviewView = z.object({ html: z.string(), figures: z.array(FigureView) })

export const SnapshotSummary = z.object({
  id: z.number(),
  template: z.string(),
  templateVersion: z.number(),
  title: z.string(),
  period: z.string(),
  orgUnitId: z.number(),
  orgName: z.string(),
  figures: z.number(),
  createdAt: z.string(),
})
export const SnapshotView = SnapshotSummary.extend({
  html: z.string(),
  publicHtml: z.string(),
  figureList: z.array(FigureView),
  terms: z.object({
    reviewed: z.array(z.string()),
    org: z.number(),
    personal: z.number(),
    /** Names the segmenter found that no list holds: for a reviewer to consider. */
    suggested: z.array(z.object({ term: z.string(), kind: z.string(), count: z.number() })),
  }),
})
export const SnapshotQuery = z.object({
  template: TemplateKey.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export const DocumentQuery = z.object({
  format: z.enum(['docx', 'html', 'md']).default('docx'),
  copy: z.enum(['full', 'public']).default('full'),
})

export const RedactBody = z.strictObject({
  text: z.string().max(2_000_000),
  mode: z.enum(['publication', 'personal']).default('publication'),
  /** Terms of this request only, added to the list. */
  terms: z.array(z.string().trim().min(1).max(50)).max(10_000).default([]),
})
export const TermBody = z.strictObject({
  term: z.string().trim().min(1).max(50),
  kind: z.enum(['place', 'person', 'org', 'other']).default('other'),
  note: z.string().trim().max(200).default(''),
})
export const TermView = z.object({
  id: z.number(),
  term: z.string(),
  kind: z.string(),
  note: z.string(),
  version: z.number(),
  createdAt: z.string(),
})
export const SuggestBody = z.strictObject({ text: z.string().max(2_000_000) })
export const SuggestionView = z.object({ term: z.string(), kind: z.string(), count: z.number() })
