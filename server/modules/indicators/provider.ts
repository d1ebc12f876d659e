/**
 * How a module offers its figures to the indicator registry (issue 5). A module that keeps records
 * (petitions, supervision, balance …) registers one provider with the indicators it can compute;
 * the registry names them, adds periods, comparisons, targets and caching, and reports read them
 * by key. The registry never reaches into a module's tables itself.
 *
 * Registration happens when the module's `module.ts` is imported (the app loads every module at
 * start), so a provider exists exactly when its module does.
 */
import type { Services, Tx } from '../../context.js'

/** What a figure counts in: decides how it is formatted and how differences are worded. */
export type IndicatorUnit =
  | 'count' // 项 / 个 / 件 …: an integer count of records (unitZh says which)
  | 'people' // 人
  | 'fen' // money in integer fen; reports turn it into 万元 / 亿元
  | 'percent' // 0–100, one decimal in prose; differences are percentage points
  | 'coefficient' // a CV or a 综合差异系数, three decimals
  | 'number' // any other plain number (areas, ratios)

export interface IndicatorDef {
  /** Stable key, `module.snake_case`, e.g. `petitions.stock_resolved`. Never renamed once shipped. */
  key: string
  zh: string
  en: string
  unit: IndicatorUnit
  /** The measure word in Chinese prose: 项, 个, 件, 人, 家, 场, 元 … */
  unitZh: string
  descriptionZh: string
  descriptionEn: string
  /** Which way is good, for targets and traffic lights. Undefined: neither (a plain count). */
  better?: 'higher' | 'lower'
  /**
   * Whether the figure is a stock at the end of the period (open cases, places available) rather
   * than a flow within it (cases received). Stocks compare end against end.
   */
  stock?: boolean
}

/** One evaluation: an inclusive date range and an org subtree. */
export interface FigureQuery {
  /** Inclusive ISO dates, China time. */
  from: string
  to: string
  /** The org unit whose subtree the figure covers, and its materialised path (`/1/5/`). */
  orgUnitId: number
  scopePath: string
}

export interface FigureValue {
  /** null when the figure is undefined for the query (no data, a zero denominator). */
  value: number | null
  /** When the rows behind the figure last changed (ISO timestamp), for "data as of" and caching. */
  changedAt: string | null
  /** How many records the value was computed from, for provenance ("from 382 cases"). */
  rows?: number
}

export interface FigureProvider {
  /** The module's key, as in its defineModule. */
  module: string
  indicators: readonly IndicatorDef[]
  /** Computes one of its own indicators; the registry has checked the key is in `indicators`. */
  compute(s: Services & { db: Tx }, key: string, q: FigureQuery): Promise<FigureValue>
  /**
   * When anything behind the provider's figures last changed: a cached value older than this is
   * stale. Cheap (one indexed max() or a settings row), called before every cache hit.
   */
  changedAt(s: Services & { db: Tx }): Promise<string | null>
  /**
   * The names behind a count, for a report to list them ("the counties whose coefficient rose"):
   * optional; a provider that has no list for a key returns undefined.
   */
  items?(s: Services & { db: Tx }, key: string, q: FigureQuery): Promise<string[] | undefined>
  /**
   * Indicators that exist because of data, not code: one per selection programme ("遴选第二批市级
   * 创新创业学院入选数"). Keys start with the module's key like the others; read on each lookup.
   */
  more?(db: Tx): Promise<IndicatorDef[]>
}

const providers = new Map<string, FigureProvider>()

/** Registers a module's figures; a second provider for the same module replaces the first. */
export function registerFigureProvider(p: FigureProvider): void {
  for (const d of p.indicators)
    if (!d.key.startsWith(`${p.module}.`))
      throw new Error(`indicator ${d.key} must start with its module's key "${p.module}."`)
  providers.set(p.module, p)
}

export function figureProviders(): FigureProvider[] {
  return [...providers.values()]
}

/** The provider that owns an indicator key, if any. */
export function providerOf(key: string): FigureProvider | undefined {
  return providers.get(key.slice(0, key.indexOf('.')))
}
