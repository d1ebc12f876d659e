/**
 * The coefficients as the API shows them: every county in a subtree for a year (and stage), with
 * last year's 综合差异系数 and the change; one county's schools with their values and shortfalls
 * (the drill-down city → county → school).
 */
import type { IndicatorResult, StageResult } from '../../../domain/balance/county.js'
import {
  BASIC_INDICATORS,
  type BalanceStage,
  QUALITY_INDICATORS,
  STAGE_LABELS,
} from '../../../domain/balance/indicators.js'
import { EXCLUSION_LABELS } from '../../../domain/balance/school.js'
import type { Ctx } from '../../context.js'
import { t } from '../../http/i18n.js'
import { authorize } from '../../policies/authorize.js'
import { filterPath, loadVisibleCounty, thisYear } from './access.js'
import type {
  CoefficientsQuery,
  CoefficientsView,
  CountySchoolsView,
  CountyStageView,
} from './coefficient-schema.js'
import { type CountyBalance, type CountyStage, computeBalance } from './compute.js'
import { compositeLimits } from './settings.js'

const NAMES = new Map([...QUALITY_INDICATORS, ...BASIC_INDICATORS].map((d) => [d.key, d]))
const nameOf = (ctx: Ctx, key: string) => {
  const d = NAMES.get(key)
  return d ? (ctx.locale === 'en' ? d.en : d.zh) : key
}

function indicators(ctx: Ctx, list: readonly IndicatorResult[]) {
  return list.map((i) => ({ ...i, name: nameOf(ctx, i.key) }))
}

export function presentCountyStage(ctx: Ctx, c: CountyBalance, s: CountyStage): CountyStageView {
  const r: StageResult = s.current
  return {
    countyId: c.county.id,
    county: c.county.name,
    city: c.city?.name ?? null,
    stage: s.stage,
    schools: r.schools.length,
    pupils: r.pupils,
    excluded: c.excluded.length,
    zeroPupils: r.zeroPupils.length,
    quality: { ...r.quality, indicators: indicators(ctx, r.quality.indicators) },
    basic: { ...r.basic, indicators: indicators(ctx, r.basic.indicators) },
    previousComposite: s.previous,
    change: s.change,
    rose: s.rose,
  }
}

function dataWarnings(ctx: Ctx, counties: readonly CountyBalance[]) {
  return counties.flatMap((c) =>
    c.zeroPupils.map(({ school, stage }) => ({
      schoolId: school.id,
      school: school.name,
      code: 'balance_zero_pupils',
      message: t(ctx.locale, 'balance_zero_pupils', {
        school: school.name,
        stageZh: STAGE_LABELS[stage].zh,
        stageEn: STAGE_LABELS[stage].en,
      }),
    })),
  )
}

export async function countyCoefficients(ctx: Ctx, q: CoefficientsQuery): Promise<CoefficientsView> {
  authorize(ctx.actor, 'balance.read')
  const scopePath = await filterPath(ctx.db, ctx.actor, q.orgUnitId)
  const year = q.year ?? thisYear(ctx.now)
  const limits = await compositeLimits(ctx.db)
  const counties = await computeBalance(ctx.db, scopePath, year, limits)
  const views = counties.flatMap((c) =>
    c.stages.filter((s) => !q.stage || s.stage === q.stage).map((s) => presentCountyStage(ctx, c, s)),
  )
  const distinct = (pred: (v: CountyStageView) => boolean) =>
    new Set(views.filter(pred).map((v) => v.countyId)).size
  return {
    year,
    previousYear: year - 1,
    compositeLimits: limits,
    counties: views,
    summary: {
      counties: distinct(() => true),
      rose: distinct((v) => v.rose),
      failing2017: distinct((v) => v.quality.pass === false),
      failingComposite: distinct((v) => v.basic.pass === false),
    },
    warnings: dataWarnings(ctx, counties),
  }
}

export async function countySchools(
  ctx: Ctx,
  countyId: number,
  q: { year?: number | undefined; stage?: BalanceStage | undefined },
): Promise<CountySchoolsView> {
  authorize(ctx.actor, 'balance.read')
  const county = await loadVisibleCounty(ctx.db, ctx.actor, countyId)
  const year = q.year ?? thisYear(ctx.now)
  const [c] = (await computeBalance(ctx.db, county.path, year, await compositeLimits(ctx.db))).filter(
    (x) => x.county.id === countyId,
  )
  if (!c) return { year, stages: [], excluded: [], warnings: [] }
  return {
    year,
    stages: c.stages
      .filter((s) => !q.stage || s.stage === q.stage)
      .map((s) => ({
        result: presentCountyStage(ctx, c, s),
        schools: s.current.schools.map((r) => {
          const info = c.schools.get(r.id)
          return {
            schoolId: r.id,
            school: info?.name ?? String(r.id),
            stage: info?.stage ?? null,
            resourceId: info?.resourceId ?? 0,
            pupils: r.pupils,
            values: r.values,
            minimumsMet: r.minimumsMet,
            meetsMinimums: r.meetsMinimums,
            shortfalls: r.shortfalls.map((x) => ({ ...x, name: nameOf(ctx, x.key) })),
          }
        }),
      })),
    excluded: c.excluded.map((e) => ({
      schoolId: e.school.id,
      school: e.school.name,
      reason: ctx.locale === 'en' ? EXCLUSION_LABELS[e.reason].en : EXCLUSION_LABELS[e.reason].zh,
    })),
    warnings: dataWarnings(ctx, [c]),
  }
}
