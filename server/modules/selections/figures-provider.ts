/**
 * Selections' figures for the indicator registry (issue 7, point 6), so reports can say
 * "遴选第二批市级创新创业学院**个" or "推荐匠苗***人": results of programmes made final within the
 * range (by their finalisation day), counted for the applying units in the subtree. An objection
 * upheld during the notice takes an application off the list, so it is not counted.
 * (A per-programme or per-batch figure is left for later: the registry has no parameter for it yet.)
 */
import { type IndicatorDef, registerFigureProvider } from '../indicators/provider.js'
import { finalProgrammeCount, finalResultRows } from './figures-repository.js'
import { lastEventAt } from './repository.js'

export const SELECTION_INDICATORS = [
  {
    key: 'selections.selected',
    zh: '遴选入选数',
    en: 'Applications selected',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '统计区间内确定名单的遴选项目中，本地区申报单位入选的个数，即"遴选第二批…**个"。',
    descriptionEn:
      'Applications from units in the subtree on the final lists of selections made final in the range.',
    better: 'higher',
  },
  {
    key: 'selections.passed',
    zh: '评估认定通过数',
    en: 'Accreditations passed',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '统计区间内确定名单的评估认定项目中，本地区申报单位通过认定的个数。',
    descriptionEn:
      'Applications from units in the subtree that passed accreditations made final in the range.',
    better: 'higher',
  },
  {
    key: 'selections.programmes',
    zh: '完成遴选认定项目数',
    en: 'Programmes made final',
    unit: 'count',
    unitZh: '项',
    descriptionZh: '统计区间内确定最终名单的遴选、评估认定项目（本地区组织的）。',
    descriptionEn:
      'Selections and accreditations run in the subtree whose lists were made final in the range.',
  },
  {
    key: 'selections.recommended_people',
    zh: '推荐人数',
    en: 'People recommended',
    unit: 'people',
    unitZh: '人',
    descriptionZh: '上述入选、通过认定的申报中填报的推荐人数（申报表"people"项）之和，如"推荐匠苗***人"。',
    descriptionEn:
      'Sum of the people recommended (form field "people") by the selected and passed applications.',
    better: 'higher',
  },
] as const satisfies readonly IndicatorDef[]

/** The recommended people of one application: a whole number ≥ 0 in its form, else 0. */
export function peopleOf(formJson: string): number {
  const raw = (JSON.parse(formJson) as Record<string, unknown>).people
  const n = Number(String(raw ?? '').trim())
  return Number.isInteger(n) && n > 0 ? n : 0
}

registerFigureProvider({
  module: 'selections',
  indicators: SELECTION_INDICATORS,
  async compute(s, key, q) {
    const changedAt = await lastEventAt(s.db)
    if (key === 'selections.programmes') {
      const n = await finalProgrammeCount(s.db, q.scopePath, q.from, q.to)
      return { value: n, changedAt, rows: n }
    }
    const rows = await finalResultRows(s.db, q.scopePath, q.from, q.to)
    const listed = rows.filter((r) => r.outcome === 'selected' || r.outcome === 'passed')
    if (key === 'selections.selected' || key === 'selections.passed') {
      const want = key === 'selections.selected' ? 'selected' : 'passed'
      const n = listed.filter((r) => r.outcome === want).length
      return { value: n, changedAt, rows: n }
    }
    if (key === 'selections.recommended_people') {
      const value = listed.reduce((sum, r) => sum + peopleOf(r.form_json), 0)
      return { value, changedAt, rows: listed.length }
    }
    throw new Error(`unknown selections indicator ${key}`)
  },
  changedAt: (s) => lastEventAt(s.db),
})
