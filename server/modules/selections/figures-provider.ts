/**
 * Selections' figures for the indicator registry (issue 7, point 6), so reports can say
 * "遴选第二批市级创新创业学院**个" or "推荐匠苗***人": results of programmes made final within the
 * range (by their finalisation day), counted for the applying units in the subtree. An objection
 * upheld during the notice takes an application off the list, so it is not counted.
 *
 * Each programme also has its own indicators, declared from the data (`more`):
 * `selections.programme_<id>.listed` (selected, or passed for an accreditation) and
 * `selections.programme_<id>.people`, whatever the period (a programme's list is a stock), and the
 * names behind them for a report's loop (`items`).
 */
import type { Tx } from '../../context.js'
import { type IndicatorDef, registerFigureProvider } from '../indicators/provider.js'
import {
  finalProgrammeCount,
  finalResultRows,
  liveProgrammes,
  programmeResultRows,
} from './figures-repository.js'
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

const PER_PROGRAMME = /^selections\.programme_(\d+)\.(listed|people)$/

function programmeIndicators(p: { id: number; name: string; batch: string; kind: string }): IndicatorDef[] {
  const title = p.batch && !p.name.includes(p.batch) ? `${p.name}（${p.batch}）` : p.name
  const passed = p.kind === 'accreditation'
  return [
    {
      key: `selections.programme_${p.id}.listed`,
      zh: `${title}${passed ? '通过认定数' : '入选数'}`,
      en: `${title}: ${passed ? 'passed' : 'selected'}`,
      unit: 'count',
      unitZh: '个',
      descriptionZh: '该项目最终名单中本地区申报单位的个数（名单确定前为0）。',
      descriptionEn:
        'Applications from units in the subtree on this programme’s final list (0 before it is final).',
      better: 'higher',
      stock: true,
    },
    {
      key: `selections.programme_${p.id}.people`,
      zh: `${title}推荐人数`,
      en: `${title}: people recommended`,
      unit: 'people',
      unitZh: '人',
      descriptionZh: '该项目最终名单中申报表填报的推荐人数之和。',
      descriptionEn: 'People recommended by the applications on this programme’s final list.',
      better: 'higher',
      stock: true,
    },
  ]
}

async function programmeFigure(s: { db: Tx }, id: number, what: string, scopePath: string) {
  const rows = (await programmeResultRows(s.db, id, scopePath)).filter(
    (r) => r.outcome === 'selected' || r.outcome === 'passed',
  )
  return {
    rows,
    value: what === 'people' ? rows.reduce((n, r) => n + peopleOf(r.form_json), 0) : rows.length,
  }
}

registerFigureProvider({
  module: 'selections',
  indicators: SELECTION_INDICATORS,
  more: async (db) =>
    (await liveProgrammes(db)).flatMap((p) => programmeIndicators({ ...p, id: Number(p.id) })),
  async items(s, key, q) {
    const m = PER_PROGRAMME.exec(key)
    if (m) return (await programmeFigure(s, Number(m[1]), 'listed', q.scopePath)).rows.map((r) => r.unit_name)
    if (key !== 'selections.selected' && key !== 'selections.passed') return undefined
    const want = key === 'selections.selected' ? 'selected' : 'passed'
    return (await finalResultRows(s.db, q.scopePath, q.from, q.to))
      .filter((r) => r.outcome === want)
      .map((r) => r.unit_name)
  },
  async compute(s, key, q) {
    const changedAt = await lastEventAt(s.db)
    const m = PER_PROGRAMME.exec(key)
    if (m) {
      const f = await programmeFigure(s, Number(m[1]), m[2] as string, q.scopePath)
      return { value: f.value, changedAt, rows: f.rows.length }
    }
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
