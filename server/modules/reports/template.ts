/**
 * Report templates (issue 6, first part): staff write prose in liquidjs — a sandbox with no file
 * system and no code execution — and take figures from the indicator registry through filters:
 *
 *   全年举办招聘会{{ "stats.job_fairs" | figure | integer }}场，
 *   转化合同{{ "stats.tech_transfer_amount" | figure | money: "亿元" }}，
 *   比去年同期{{ "stats.tech_transfer_contracts" | delta | change: "项" }}。
 *
 * `checkTemplate` refuses, with line and column, a template that names a filter or an indicator
 * that does not exist or a comparison it does not know; `renderTemplate` never prints an empty slot:
 * a figure without data stops the rendering, naming the indicator and the line. Every figure read
 * is returned with its key, period, unit, value and data time (the report's provenance).
 */
import { Drop, Liquid, type Template } from 'liquidjs'
import { type Period, previousPeriod, sameLastYear } from '../../../domain/indicators/periods.js'
import {
  about,
  change,
  chineseDate,
  chineseNumber,
  fixed,
  type MoneyUnit,
  money,
  percent,
  periodWords,
  pointsVs,
  targetWording,
} from '../../../domain/report/chinese-style.js'
import { figureMarker } from '../../../domain/report/document.js'
import { type Ctx, todayInChina } from '../../context.js'
import { badRequest } from '../../http/errors.js'
import type { Indicator } from '../indicators/definition.js'
import { evaluateIndicator, type Unit } from '../indicators/evaluate.js'
import { indicatorItems } from '../indicators/items.js'
import { targetFor } from '../indicators/read-figure.js'
import { findIndicator } from '../indicators/registry.js'

/** Filters whose input is an indicator key. */
const KEY_FILTERS = new Set(['figure', 'delta', 'target_wording', 'has_figure', 'items'])
/** Which period a figure is read for, relative to the report's. */
export const WHEN = ['this', 'last_year', 'previous'] as const
type When = (typeof WHEN)[number]

export interface TemplateProblem {
  line: number
  col: number
  message: string
}

export interface FigureUse {
  key: string
  period: string
  orgUnitId: number
  value: number | null
  changedAt: string | null
  rows: number | null
}

const MONEY_UNITS: MoneyUnit[] = ['元', '万元', '亿元']

/**
 * What the figure filters return: the number, and which figure it is, so that the formatting
 * filter that prints it can mark its text (a click in the preview then shows where it came from).
 * Comparisons and arithmetic see the number (valueOf); printed bare it is marked too.
 */
export class FigureDrop extends Drop {
  constructor(
    readonly value: number,
    readonly index: number,
  ) {
    super()
  }
  override valueOf(): number {
    return this.value
  }
  override toString(): string {
    return figureMarker(this.index, String(this.value))
  }
}

const num = (x: unknown, filter: string): number => {
  const v = x instanceof FigureDrop ? x.value : x
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new Error(`“${filter}” needs a number, got ${String(v)}`)
  return v
}

/** Registers a formatting filter whose output is marked when its input is a figure. */
function style(l: Liquid, name: string, f: (x: number, ...a: unknown[]) => string) {
  l.registerFilter(name, (x: unknown, ...a: unknown[]) => {
    const out = f(num(x, name), ...a)
    return x instanceof FigureDrop ? figureMarker(x.index, out) : out
  })
}

/** The formatting filters: numbers in, Chinese prose out (domain/report/chinese-style). */
function registerStyle(l: Liquid) {
  style(l, 'integer', (x) => fixed(x, 0))
  style(l, 'fixed', (x, d = 2) => fixed(x, Number(d)))
  style(l, 'grouped', (x, d = 0) => fixed(x, Number(d), true))
  style(l, 'percent', (x, d = 1) => percent(x, Number(d)))
  style(l, 'money', (x, unit = '万元', d = 2) => {
    if (!MONEY_UNITS.includes(unit as MoneyUnit))
      throw new Error(`money: unit is 元, 万元 or 亿元, not ${unit}`)
    return money(x, unit as MoneyUnit, Number(d))
  })
  style(l, 'about', (x) => about(x))
  style(l, 'change', (x, word = '', d = 0) => change(x, (a) => `${fixed(a, Number(d))}${word}`))
  style(l, 'change_money', (x, unit = '万元') => change(x, (a) => money(a, unit as MoneyUnit)))
  style(l, 'change_points', (x, d = 1) => change(x, (a) => `${fixed(a, Number(d))}个百分点`))
  style(l, 'points_vs', (x, benchmark: unknown, name = '全国') =>
    pointsVs(x, num(benchmark, 'points_vs'), String(name)),
  )
  l.registerFilter('cn_date', (x: unknown, precision = 'day') =>
    chineseDate(String(x), precision as 'day' | 'month' | 'year'),
  )
  style(l, 'cn_number', (x) => chineseNumber(x))
}

/** Figure filters with a placeholder body: enough to parse and check a template. */
function engine(figures?: (l: Liquid) => void): Liquid {
  const l = new Liquid({
    strictFilters: true,
    strictVariables: true,
    ownPropertyOnly: true,
    // No partials or layouts from disk: a template is exactly what staff typed.
    relativeReference: false,
    root: [],
    partials: [],
    layouts: [],
  })
  registerStyle(l)
  if (figures) figures(l)
  else for (const f of KEY_FILTERS) l.registerFilter(f, () => 0)
  return l
}

interface KeyUse {
  key: string
  filter: string
  when: string | undefined
  line: number
  col: number
}

/** Every filter that reads an indicator by a literal key, wherever it stands (if, for, case …). */
function keyUses(templates: Template[]): KeyUse[] {
  const out: KeyUse[] = []
  const walk = (ts: unknown[]) => {
    for (const t of ts as Record<string, unknown>[]) {
      const value = t.value as
        | {
            initial?: { postfix?: { content?: unknown }[] }
            filters?: { name: string; args: { content?: unknown }[] }[]
          }
        | undefined
      const first = value?.filters?.[0]
      const literal = value?.initial?.postfix?.length === 1 ? value.initial.postfix[0]?.content : undefined
      if (first && KEY_FILTERS.has(first.name) && typeof literal === 'string') {
        const [line = 0, col = 0] = (t.token as { getPosition(): [number, number] }).getPosition()
        const when = first.args[0]?.content
        out.push({
          key: literal,
          filter: first.name,
          when: typeof when === 'string' ? when : undefined,
          line,
          col,
        })
      }
      for (const v of Object.values(t)) {
        if (!Array.isArray(v) || v.length === 0) continue
        const head = v[0] as Record<string, unknown> | undefined
        if (head && 'templates' in head && !('token' in head))
          for (const b of v) walk((b as { templates: unknown[] }).templates)
        else if (head && 'token' in head) walk(v)
      }
    }
  }
  walk(templates)
  return out
}

function positionOf(err: unknown): { line: number; col: number; message: string } {
  const m = err instanceof Error ? err.message : String(err)
  const at = /line:(\d+), col:(\d+)/.exec(m)
  return { line: Number(at?.[1] ?? 0), col: Number(at?.[2] ?? 0), message: m.split('\n')[0] ?? m }
}

/** Problems of a template, before it is saved: syntax, unknown filters, unknown indicators or periods. */
export async function checkTemplate(ctx: Ctx, source: string): Promise<TemplateProblem[]> {
  let parsed: Template[]
  try {
    parsed = engine().parse(source)
  } catch (err) {
    return [positionOf(err)]
  }
  const problems: TemplateProblem[] = []
  for (const u of keyUses(parsed)) {
    if (!(await findIndicator(ctx.db, u.key)))
      problems.push({ line: u.line, col: u.col, message: `指标 ${u.key} 不存在 / no indicator ${u.key}` })
    if (
      u.filter !== 'target_wording' &&
      u.filter !== 'items' &&
      u.when !== undefined &&
      !(WHEN as readonly string[]).includes(u.when)
    )
      problems.push({ line: u.line, col: u.col, message: `期间“${u.when}”应为 ${WHEN.join(' / ')}` })
  }
  return problems
}

export interface RenderParams {
  period: Period
  unit: Unit & { name: string }
  /** What `delta` compares with unless told: the same period last year (default) or the previous one. */
  compare?: 'last_year' | 'previous'
}

/**
 * Renders a template for a period and unit. Returns the text and every figure it read. A figure
 * without data, an unknown key given through a variable, or a formatting filter given the wrong
 * thing stops it with a 400 that says where.
 */
export async function renderTemplate(
  ctx: Ctx,
  source: string,
  p: RenderParams,
): Promise<{ text: string; figures: FigureUse[] }> {
  const used: FigureUse[] = []
  const cache = new Map<string, Indicator>()
  const indicator = async (key: unknown) => {
    const k = String(key)
    const hit = cache.get(k) ?? (await findIndicator(ctx.db, k))
    if (!hit) throw new Error(`指标 ${k} 不存在 / no indicator ${k}`)
    cache.set(k, hit)
    return hit
  }
  const periodOf = (when: unknown): Period => {
    const w = (when ?? 'this') as When
    if (w === 'this') return p.period
    if (w === 'last_year') return sameLastYear(p.period)
    if (w === 'previous') return previousPeriod(p.period)
    throw new Error(`期间“${String(when)}”应为 ${WHEN.join(' / ')}`)
  }
  const read = async (key: unknown, when: unknown): Promise<FigureDrop> => {
    const ind = await indicator(key)
    const period = periodOf(when)
    const f = await evaluateIndicator(ctx, ind, period, p.unit)
    used.push({
      key: ind.key,
      period: period.label,
      orgUnitId: p.unit.id,
      value: f.value,
      changedAt: f.changedAt,
      rows: f.rows,
    })
    if (f.value === null)
      throw new Error(
        `指标 ${ind.key} 在 ${period.label} 没有数据 / ${ind.key} has no value for ${period.label}`,
      )
    return new FigureDrop(f.value, used.length - 1)
  }
  const l = engine((e) => {
    e.registerFilter('figure', (key: unknown, when?: unknown) => read(key, when))
    // Whether a figure has a value: a rate without a denominator (no stock, no replies) is empty,
    // and a template says what to write then: {% assign ok = "k" | has_figure %}{% if ok %}…
    e.registerFilter('has_figure', async (key: unknown, when?: unknown) => {
      const f = await evaluateIndicator(ctx, await indicator(key), periodOf(when), p.unit)
      return f.value !== null
    })
    // The names behind a count, for a loop: {% assign labs = "stats.research_platforms" | items: "name" %}
    e.registerFilter('items', async (key: unknown, column?: unknown) => {
      const ind = await indicator(key)
      const list = await indicatorItems(
        ctx,
        ind,
        p.period,
        p.unit,
        column === undefined ? undefined : String(column),
      )
      if (!list) throw new Error(`指标 ${ind.key} 没有可列出的明细 / ${ind.key} has no list behind it`)
      return list
    })
    e.registerFilter('delta', async (key: unknown, base: unknown = p.compare ?? 'last_year') => {
      // A difference of two figures: marked as the current one (its provenance lists both).
      const now = await read(key, 'this')
      return new FigureDrop(now.value - (await read(key, base)).value, now.index)
    })
    e.registerFilter('target_wording', async (key: unknown, what = '年度目标') => {
      const ind = await indicator(key)
      const value = (await read(key, 'this')).value
      const t = await targetFor(ctx, ind, p.period, p.unit, value)
      if (!t) throw new Error(`指标 ${ind.key} 在 ${p.period.label} 没有设定目标 / no target for ${ind.key}`)
      const shown = ind.unit === 'percent' ? percent(t.target) : `${fixed(t.target, 0)}${ind.unitZh}`
      const gap =
        ind.unit === 'percent'
          ? `${fixed(Math.abs(t.target - value), 1)}个百分点`
          : `${fixed(Math.abs(t.target - value), 0)}${ind.unitZh}`
      return targetWording(t, shown, String(what), gap)
    })
  })
  const vars = {
    period: p.period.label,
    period_words: periodWords(p.period),
    compare: p.compare ?? 'last_year',
    compare_words: (p.compare ?? 'last_year') === 'previous' ? '上期' : '去年同期',
    period_from: p.period.from,
    period_to: p.period.to,
    year: Number(p.period.from.slice(0, 4)),
    org: p.unit.name,
    today: todayInChina(ctx.now()),
  }
  try {
    const text = await l.parseAndRender(source, vars)
    return { text, figures: used }
  } catch (err) {
    const at = positionOf(err)
    throw badRequest('report_render', { line: at.line, col: at.col, message: at.message.slice(0, 300) })
  }
}
