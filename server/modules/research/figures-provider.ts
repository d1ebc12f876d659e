/**
 * Research's figures for the indicator registry (issue 5, point 4): the seed's "围绕…**个方面确定
 * …调研课题**项", "深入**个市的**个县（市、区）", findings and those that became rectification
 * problems, for an inclusive range and an org subtree (topics by their owner unit, as the module
 * scopes them).
 *
 * Range: topics whose own period (starts_on … ends_on) overlaps it; visits made in it; findings
 * recorded in it. A visit counts its county and its city once each (domain/research/regions.ts),
 * the same rule as the module's figures (figures.ts).
 */
import { addDays } from '../../../domain/calendar/calendar.js'
import { pathIds, regionOf } from '../../../domain/research/regions.js'
import type { Actor } from '../../context.js'
import { type FigureQuery, type IndicatorDef, registerFigureProvider } from '../indicators/provider.js'
import {
  rangeFindingCounts,
  rangeTopicRows,
  rangeVisitRows,
  researchChangedAt,
} from './figures-provider-repository.js'
import { unitsByIds } from './repository.js'

export const RESEARCH_INDICATORS = [
  {
    key: 'research.topics',
    zh: '调研课题数',
    en: 'Research topics',
    unit: 'count',
    unitZh: '项',
    descriptionZh: '课题起止日期与统计区间有交集的调研课题（未作废），即"调研课题**项"。',
    descriptionEn: 'Live research topics whose own period overlaps the range.',
  },
  {
    key: 'research.aspects',
    zh: '调研课题涉及方面数',
    en: 'Aspects with research topics',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '上述调研课题所属的方面数，即"围绕…**个方面"。',
    descriptionEn: 'Aspects (方面) the topics overlapping the range fall under.',
  },
  {
    key: 'research.cities_visited',
    zh: '实地调研覆盖市数',
    en: 'Cities visited',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '统计区间内实地调研到达的不同的市（到县、到校均计其所在市），即"深入**个市"。',
    descriptionEn: 'Distinct cities field visits in the range reached (a county or school counts its city).',
  },
  {
    key: 'research.counties_visited',
    zh: '实地调研覆盖县（市、区）数',
    en: 'Counties visited',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '统计区间内实地调研到达的不同的县（市、区）（到校计其所在县），即"**个县（市、区）"。',
    descriptionEn: 'Distinct counties field visits in the range reached (a school counts its county).',
  },
  {
    key: 'research.findings',
    zh: '调研发现问题数',
    en: 'Research findings',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '统计区间内调研发现并登记的问题（未作废）。',
    descriptionEn: 'Live findings recorded in the range.',
  },
  {
    key: 'research.findings_to_problems',
    zh: '转为整改问题数',
    en: 'Findings turned into problems',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '统计区间内发现的问题中，至终止日已转入检视整改问题清单的个数。',
    descriptionEn:
      'Findings recorded in the range that had become rectification problems by the end of `to`.',
    better: 'higher',
  },
] as const satisfies readonly IndicatorDef[]

/** The module's scope rule, for a subtree rather than a user. */
const subtree = (q: FigureQuery): Actor => ({
  id: 0,
  username: 'indicators',
  displayName: '指标',
  role: 'auditor',
  orgUnitId: q.orgUnitId,
  scopePath: q.scopePath,
})

/** The first instant after `day` in China (UTC+8), as the ISO text timestamps are stored in. */
const endOfChinaDay = (day: string) => new Date(`${addDays(day, 1)}T00:00:00+08:00`).toISOString()

registerFigureProvider({
  module: 'research',
  indicators: RESEARCH_INDICATORS,
  async compute(s, key, q) {
    const actor = subtree(q)
    const changedAt = await researchChangedAt(s.db)
    if (key === 'research.topics' || key === 'research.aspects') {
      const topics = await rangeTopicRows(s.db, actor, q.from, q.to)
      const value = key === 'research.topics' ? topics.length : new Set(topics.map((t) => t.aspect_id)).size
      return { value, changedAt, rows: topics.length }
    }
    if (key === 'research.cities_visited' || key === 'research.counties_visited') {
      const visits = await rangeVisitRows(s.db, actor, q.from, q.to)
      const units = await unitsByIds(s.db, [...new Set(visits.flatMap((v) => pathIds(v.unit_path)))])
      const cities = new Set<number>()
      const counties = new Set<number>()
      for (const v of visits) {
        const r = regionOf(
          { id: v.unit_id, kind: v.unit_kind, path: v.unit_path },
          (id) => units.get(id)?.kind,
        )
        if (r.cityId !== null) cities.add(r.cityId)
        if (r.countyId !== null) counties.add(r.countyId)
      }
      const value = key === 'research.cities_visited' ? cities.size : counties.size
      return { value, changedAt, rows: visits.length }
    }
    if (key === 'research.findings' || key === 'research.findings_to_problems') {
      const f = await rangeFindingCounts(s.db, actor, q.from, q.to, endOfChinaDay(q.to))
      return { value: key === 'research.findings' ? f.findings : f.converted, changedAt, rows: f.findings }
    }
    throw new Error(`unknown research indicator ${key}`)
  },
  changedAt: (s) => researchChangedAt(s.db),
})
