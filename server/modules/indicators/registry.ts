/**
 * The registry's index: every indicator by key, whether a module declares it in code (a
 * FigureProvider) or staff defined it (`indicator_defs`). Module keys start with their module's
 * key, and that prefix is reserved: a defined indicator may not take it.
 */
import type { Tx } from '../../context.js'
import { fromRow, type Indicator } from './definition.js'
import { figureProviders, type IndicatorDef } from './provider.js'
import { defRowByKey, listDefRows } from './repository.js'

const asIndicator =
  (module: string) =>
  (d: IndicatorDef): Indicator => ({
    ...d,
    source: 'module' as const,
    module,
    definition: null,
    id: null,
    version: null,
  })

export function moduleIndicators(): Indicator[] {
  return figureProviders().flatMap((p) => p.indicators.map(asIndicator(p.module)))
}

/** The indicators modules declare from their data (one per selection programme …). */
async function dataIndicators(db: Tx, module?: string): Promise<Indicator[]> {
  const out: Indicator[] = []
  for (const p of figureProviders())
    if (p.more && (module === undefined || p.module === module))
      out.push(
        ...(await p.more(db)).filter((d) => d.key.startsWith(`${p.module}.`)).map(asIndicator(p.module)),
      )
  return out
}

/** The module prefixes a defined indicator's key may not start with. */
export function reservedPrefixes(): Set<string> {
  return new Set(figureProviders().map((p) => p.module))
}

export async function allIndicators(db: Tx): Promise<Indicator[]> {
  const defined = (await listDefRows(db)).map((r) => fromRow(r))
  return [...moduleIndicators(), ...(await dataIndicators(db)), ...defined].sort((a, b) =>
    a.key.localeCompare(b.key),
  )
}

/** One indicator by key, live ones only; undefined when no module or definition has it. */
export async function findIndicator(db: Tx, key: string): Promise<Indicator | undefined> {
  const own = moduleIndicators().find((i) => i.key === key)
  if (own) return own
  const module = key.slice(0, key.indexOf('.'))
  if (reservedPrefixes().has(module)) return (await dataIndicators(db, module)).find((i) => i.key === key)
  const row = await defRowByKey(db, key)
  if (!row || row.voided_at) return undefined
  return fromRow(row)
}
