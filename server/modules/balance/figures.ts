/**
 * The figures balance monitoring offers the indicator registry (server/modules/indicators).
 *
 * Periods: balance data are kept per statistical year (统计年度), so a query's date range is read
 * as years. Stocks (coefficients, counts of counties, preschool shares) are the year the range
 * ends in (`to`); the one flow, new inclusive places, sums every year the range touches. A range
 * 2026-01-01..2026-12-31 is 2026; a quarter of 2026 is 2026 as well.
 */
import type { Services, Tx } from '../../context.js'
import {
  type FigureQuery,
  type FigureValue,
  type IndicatorDef,
  registerFigureProvider,
} from '../indicators/provider.js'
import { sharedCompute } from '../indicators/shared-compute.js'
import { computeBalance } from './compute.js'
import { preschoolOf } from './preschool.js'
import { lastChange } from './repository.js'
import { compositeLimits, SETTINGS_KEY } from './settings.js'

const count = (
  key: string,
  zh: string,
  en: string,
  descriptionZh: string,
  descriptionEn: string,
): IndicatorDef => ({
  key,
  zh,
  en,
  unit: 'count',
  unitZh: '个',
  descriptionZh,
  descriptionEn,
  better: 'lower',
  stock: true,
})

export const BALANCE_INDICATORS: readonly IndicatorDef[] = [
  count(
    'balance.counties_composite_rose',
    '基本均衡综合差异系数增大的县（市、区）数',
    'Counties whose composite CV rose',
    '小学或初中任一学段综合差异系数较上年增大的县（市、区）个数',
    'Counties whose 2012 composite CV rose from last year in primary or junior high',
  ),
  count(
    'balance.counties_composite_rose_primary',
    '小学综合差异系数增大的县（市、区）数',
    'Counties whose primary composite CV rose',
    '小学综合差异系数较上年增大的县（市、区）个数',
    'Counties whose primary composite CV rose from last year',
  ),
  count(
    'balance.counties_composite_rose_junior',
    '初中综合差异系数增大的县（市、区）数',
    'Counties whose junior-high composite CV rose',
    '初中综合差异系数较上年增大的县（市、区）个数',
    'Counties whose junior-high composite CV rose from last year',
  ),
  count(
    'balance.counties_failing_2017',
    '优质均衡指标未达标的县（市、区）数',
    'Counties failing the 2017 quality-balance indicators',
    '任一学段有差异系数超过0.50（小学）/0.45（初中），或有学校七项指标达标少于六项的县（市、区）个数',
    'Counties where a CV exceeds 0.50 / 0.45 or a school meets fewer than 6 of 7 minimums, in either stage',
  ),
  count(
    'balance.counties_failing_composite',
    '综合差异系数超过标准的县（市、区）数',
    'Counties over the composite threshold',
    '任一学段综合差异系数超过设定标准（默认小学0.65、初中0.55）的县（市、区）个数',
    'Counties whose composite CV exceeds the configured threshold in either stage',
  ),
  ...(['primary', 'junior'] as const).map(
    (stage): IndicatorDef => ({
      key: `balance.composite_cv_${stage}`,
      zh: stage === 'primary' ? '小学综合差异系数' : '初中综合差异系数',
      en: stage === 'primary' ? 'Primary composite CV' : 'Junior-high composite CV',
      unit: 'coefficient',
      unitZh: '',
      descriptionZh: '县（市、区）八项指标差异系数的平均值；仅对县级单位有值',
      descriptionEn: 'The mean of a county’s eight 2012 CVs; defined for a county only',
      better: 'lower',
      stock: true,
    }),
  ),
  ...(
    [
      [
        'children',
        '在园幼儿数',
        'Children in kindergartens',
        '各类幼儿园在园幼儿数之和',
        'All enrolled children',
      ],
      [
        'public_children',
        '公办园在园幼儿数',
        'Children in public kindergartens',
        '公办园在园幼儿数之和',
        'Children in public kindergartens',
      ],
      [
        'inclusive_children',
        '普惠性幼儿园在园幼儿数',
        'Children in inclusive kindergartens',
        '公办园与普惠性民办园在园幼儿数之和',
        'Children in public and inclusive private kindergartens',
      ],
    ] as const
  ).map(
    ([k, zh, en, descriptionZh, descriptionEn]): IndicatorDef => ({
      key: `balance.preschool_${k}`,
      zh,
      en,
      unit: 'people',
      unitZh: '人',
      descriptionZh,
      descriptionEn,
      better: 'higher',
      stock: true,
    }),
  ),
  {
    key: 'balance.preschool_inclusive_coverage',
    zh: '普惠性幼儿园覆盖率',
    en: 'Inclusive preschool coverage',
    unit: 'percent',
    unitZh: '%',
    descriptionZh: '（公办园在园幼儿＋普惠性民办园在园幼儿）÷ 在园幼儿总数',
    descriptionEn: '(children in public + inclusive private kindergartens) ÷ all enrolled children',
    better: 'higher',
    stock: true,
  },
  {
    key: 'balance.preschool_public_share',
    zh: '公办园在园幼儿占比',
    en: 'Share of children in public kindergartens',
    unit: 'percent',
    unitZh: '%',
    descriptionZh: '公办园在园幼儿 ÷ 在园幼儿总数',
    descriptionEn: 'Children in public kindergartens ÷ all enrolled children',
    better: 'higher',
    stock: true,
  },
  {
    key: 'balance.new_inclusive_places',
    zh: '新增普惠学位',
    en: 'New inclusive preschool places',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '期间各年度新增普惠性学位数之和',
    descriptionEn: 'New inclusive places added in the years of the period',
    better: 'higher',
  },
]

const yearOf = (date: string) => Number(date.slice(0, 4))

/** Every county's coefficients, once per scope, year, limits and data time (several figures read them). */
const sharedBalance = sharedCompute<Awaited<ReturnType<typeof computeBalance>>>(8)

/** The last write to the ledgers, the warning links' units, or the thresholds. */
const changedAt = (s: Services & { db: Tx }) => lastChange(s.db, SETTINGS_KEY)

export async function computeFigure(
  s: Services & { db: Tx },
  key: string,
  q: FigureQuery,
): Promise<FigureValue> {
  const at = await changedAt(s)
  const year = yearOf(q.to)
  if (key.startsWith('balance.preschool_') || key === 'balance.new_inclusive_places') {
    if (key === 'balance.new_inclusive_places') {
      let sum = 0
      let rows = 0
      for (let y = yearOf(q.from); y <= year; y++) {
        const p = await preschoolOf(s.db, q.scopePath, y)
        sum += p.total.newInclusivePlaces
        rows += p.rows
      }
      return { value: sum, changedAt: at, rows }
    }
    const p = await preschoolOf(s.db, q.scopePath, year)
    const t = p.total
    const value = {
      'balance.preschool_public_share': t.publicShare,
      'balance.preschool_inclusive_coverage': t.coverage,
      'balance.preschool_children': t.children,
      'balance.preschool_public_children': t.publicChildren,
      'balance.preschool_inclusive_children': t.publicChildren + t.inclusivePrivateChildren,
    }[key]
    if (value === undefined) throw new Error(`unknown balance figure ${key}`)
    return { value, changedAt: at, rows: p.rows }
  }
  const limits = await compositeLimits(s.db)
  const counties = await sharedBalance(`${q.scopePath}|${year}|${JSON.stringify(limits)}|${at}`, () =>
    computeBalance(s.db, q.scopePath, year, limits),
  )
  const rows = counties.reduce((n, c) => n + c.schools.size, 0)
  const countWhere = (pred: (c: (typeof counties)[number]) => boolean) => ({
    value: counties.filter(pred).length,
    changedAt: at,
    rows,
  })
  switch (key) {
    case 'balance.counties_composite_rose':
      return countWhere((c) => c.stages.some((x) => x.rose))
    case 'balance.counties_composite_rose_primary':
    case 'balance.counties_composite_rose_junior': {
      const stage = key.endsWith('primary') ? 'primary' : 'junior'
      return countWhere((c) => c.stages.some((x) => x.stage === stage && x.rose))
    }
    case 'balance.counties_failing_2017':
      return countWhere((c) => c.stages.some((x) => x.current.quality.pass === false))
    case 'balance.counties_failing_composite':
      return countWhere((c) => c.stages.some((x) => x.current.basic.pass === false))
    default: {
      const stage = key.endsWith('primary') ? 'primary' : 'junior'
      const county = counties.find((c) => c.county.id === q.orgUnitId)
      const composite = county?.stages.find((x) => x.stage === stage)?.current.basic.composite ?? null
      return { value: composite, changedAt: at, rows: county?.schools.size ?? 0 }
    }
  }
}

/** The counties behind each county count, by name (a report lists them). */
async function countyItems(
  s: Services & { db: Tx },
  key: string,
  q: FigureQuery,
): Promise<string[] | undefined> {
  if (!key.startsWith('balance.counties_')) return undefined
  const at = await changedAt(s)
  const year = yearOf(q.to)
  const limits = await compositeLimits(s.db)
  const counties = await sharedBalance(`${q.scopePath}|${year}|${JSON.stringify(limits)}|${at}`, () =>
    computeBalance(s.db, q.scopePath, year, limits),
  )
  const stage = key.endsWith('_primary') ? 'primary' : key.endsWith('_junior') ? 'junior' : null
  const pick: Record<string, (c: (typeof counties)[number]) => boolean> = {
    'balance.counties_composite_rose': (c) => c.stages.some((x) => x.rose),
    'balance.counties_composite_rose_primary': (c) => c.stages.some((x) => x.stage === stage && x.rose),
    'balance.counties_composite_rose_junior': (c) => c.stages.some((x) => x.stage === stage && x.rose),
    'balance.counties_failing_2017': (c) => c.stages.some((x) => x.current.quality.pass === false),
    'balance.counties_failing_composite': (c) => c.stages.some((x) => x.current.basic.pass === false),
  }
  const f = pick[key]
  return f ? counties.filter(f).map((c) => c.county.name) : undefined
}

/** Registers the provider (called when module.ts is imported). */
export function registerBalanceFigures(): void {
  registerFigureProvider({
    module: 'balance',
    indicators: BALANCE_INDICATORS,
    compute: computeFigure,
    changedAt,
    items: countyItems,
  })
}
