/**
 * What an indicator is: the fields every indicator has (key, names, unit …) and, for the ones staff
 * define, how it is computed. Module indicators (a FigureProvider's) are declared in code; the
 * three kinds here live in `indicator_defs`:
 *
 * - aggregate: count / sum / avg / distinct / min / max over a statistics ledger's approved rows;
 * - expression: a ratio (× 100 for a percent), a difference or a sum of other indicators;
 * - manual: values entered per unit and period (national benchmarks, figures from outside).
 */
import type { Selectable } from 'kysely'
import { z } from 'zod'
import type { IndicatorDef, IndicatorUnit } from './provider.js'
import type { IndicatorDefTable } from './tables.js'

export const INDICATOR_UNITS = [
  'count',
  'people',
  'fen',
  'percent',
  'coefficient',
  'number',
] as const satisfies readonly IndicatorUnit[]

/** `area.snake_case`: the first part names the module or the ledger family, stable forever. */
export const IndicatorKey = z
  .string()
  .trim()
  .min(3)
  .max(80)
  .regex(/^[a-z][a-z0-9_]*\.[a-z0-9_.]+$/, { error: 'invalid_format' })

const ColumnKey = z.string().trim().min(1).max(60)
const FilterValue = z.union([
  z.string().max(200),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string().max(200), z.number()])).max(100),
])

export const AggregateDefinition = z.strictObject({
  ledger: ColumnKey,
  fn: z.enum(['count', 'sum', 'avg', 'count_distinct', 'min', 'max']),
  column: ColumnKey.optional(),
  filters: z
    .array(
      z.strictObject({
        column: ColumnKey,
        op: z.enum(['eq', 'ne', 'in', 'gte', 'lte', 'is_true', 'is_false', 'like']),
        value: FilterValue.optional(),
      }),
    )
    .max(20)
    .optional(),
  dateColumn: ColumnKey.optional(),
  orgColumn: ColumnKey.optional(),
})
export type AggregateDefinition = z.infer<typeof AggregateDefinition>

export const ExpressionDefinition = z.strictObject({
  op: z.enum(['ratio', 'difference', 'sum']),
  /** ratio: [numerator, denominator]; difference: [a, b] (a − b); sum: any number of terms. */
  of: z.array(IndicatorKey).min(1).max(20),
  /** ratio only: the factor (100 for a percent, the default). */
  factor: z.number().positive().max(1_000_000).optional(),
})
export type ExpressionDefinition = z.infer<typeof ExpressionDefinition>

export const ManualDefinition = z.strictObject({
  /**
   * Whether a value entered for a unit also answers for the units below it: a national or
   * provincial benchmark entered once at the top applies to every county.
   */
  inherit: z.boolean().default(true),
})
export type ManualDefinition = z.infer<typeof ManualDefinition>

export const Definition = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('aggregate'), aggregate: AggregateDefinition }),
  z.strictObject({ kind: z.literal('expression'), expression: ExpressionDefinition }),
  z.strictObject({ kind: z.literal('manual'), manual: ManualDefinition }),
])
export type Definition = z.infer<typeof Definition>

/** Every indicator as the registry lists it; `source` tells where it comes from. */
export interface Indicator extends IndicatorDef {
  source: 'module' | 'aggregate' | 'expression' | 'manual'
  /** The module that computes it (module indicators), or null. */
  module: string | null
  definition: Definition | null
  /** Row id and version of a defined indicator (null for module ones, which cannot be edited). */
  id: number | null
  version: number | null
}

export function fromRow(row: Selectable<IndicatorDefTable>): Indicator {
  const definition = Definition.parse({ kind: row.kind, ...JSON.parse(row.definition_json) })
  return {
    key: row.key,
    zh: row.zh,
    en: row.en,
    unit: row.unit as IndicatorUnit,
    unitZh: row.unit_zh,
    descriptionZh: row.description_zh,
    descriptionEn: row.description_en,
    ...(row.better ? { better: row.better as 'higher' | 'lower' } : {}),
    source: definition.kind,
    module: null,
    definition,
    id: Number(row.id),
    version: row.version,
  }
}

/** The JSON stored beside `kind`: the definition without its discriminator. */
export function definitionJson(d: Definition): string {
  const { kind: _kind, ...rest } = d
  return JSON.stringify(rest)
}
