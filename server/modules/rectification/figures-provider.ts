/**
 * Rectification's figures for the indicator registry (issue 5, point 4): problems found, signed off
 * and the 整改率, fix-at-once problems (立行立改), and the teacher-ethics cases with the seed's
 * "通报*起师德师风违规行为典型案例", for an inclusive range and an org subtree.
 *
 * Range: problems found (发现日期) in it, signed off by the end of `to`; ethics cases that happened
 * (发生日期) in it, and cases published (通报日期) in it. With a range covering every record and `to`
 * = today these equal the module's figures (figures.ts, ethics-figures.ts).
 */
import { addDays } from '../../../domain/calendar/calendar.js'
import { type IndicatorDef, registerFigureProvider } from '../indicators/provider.js'
import {
  rangeEthicsCounts,
  rangeProblemCounts,
  rectificationChangedAt,
} from './figures-provider-repository.js'

export const RECTIFICATION_INDICATORS = [
  {
    key: 'rectification.problems',
    zh: '检视问题数',
    en: 'Problems found',
    unit: 'count',
    unitZh: '个',
    descriptionZh:
      '发现日期在统计区间内的检视整改问题（未作废），含领导班子检视、调研发现、巡视反馈等各来源。',
    descriptionEn: 'Live problems found in the range, every source (self-review, research, inspections …).',
  },
  {
    key: 'rectification.problems_signed_off',
    zh: '已整改销号问题数',
    en: 'Problems signed off',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '统计区间内发现的问题中，至终止日已审核销号的个数。',
    descriptionEn: 'Problems found in the range and signed off by the end of `to`.',
    better: 'higher',
  },
  {
    key: 'rectification.rate',
    zh: '整改率',
    en: 'Rectification rate',
    unit: 'percent',
    unitZh: '%',
    descriptionZh: '已整改销号问题数 ÷ 检视问题数 × 100（均为统计区间内发现的问题）；无问题时为空。',
    descriptionEn: 'Problems signed off ÷ problems found in the range × 100; empty when none were found.',
    better: 'higher',
  },
  {
    key: 'rectification.fixed_at_once',
    zh: '立行立改问题数',
    en: 'Fix-at-once problems',
    unit: 'count',
    unitZh: '个',
    descriptionZh: '统计区间内发现、标记为立行立改的问题。',
    descriptionEn: 'Problems found in the range and marked fix-at-once (立行立改).',
  },
  {
    key: 'rectification.ethics_cases',
    zh: '师德师风违规案件数',
    en: 'Teacher-ethics cases',
    unit: 'count',
    unitZh: '起',
    descriptionZh: '发生日期在统计区间内的师德师风违规案件（未作废），按涉事学校所在单位统计。',
    descriptionEn: 'Live teacher-ethics violation cases that happened in the range, by the school’s unit.',
  },
  {
    key: 'rectification.ethics_published',
    zh: '通报师德师风典型案例数',
    en: 'Ethics cases published',
    unit: 'count',
    unitZh: '起',
    descriptionZh: '通报日期在统计区间内、已公开通报的师德师风违规典型案例，即"通报*起…典型案例"。',
    descriptionEn: 'Teacher-ethics cases published as typical cases with a publication date in the range.',
  },
] as const satisfies readonly IndicatorDef[]

/** The first instant after `day` in China (UTC+8), as the ISO text timestamps are stored in. */
const endOfChinaDay = (day: string) => new Date(`${addDays(day, 1)}T00:00:00+08:00`).toISOString()

registerFigureProvider({
  module: 'rectification',
  indicators: RECTIFICATION_INDICATORS,
  async compute(s, key, q) {
    const changedAt = await rectificationChangedAt(s.db)
    const range = { from: q.from, to: q.to, scopePath: q.scopePath }
    if (key === 'rectification.ethics_cases' || key === 'rectification.ethics_published') {
      const e = await rangeEthicsCounts(s.db, range)
      const value = key === 'rectification.ethics_cases' ? e.cases : e.published
      return { value, changedAt, rows: value }
    }
    const p = await rangeProblemCounts(s.db, { ...range, signedBefore: endOfChinaDay(q.to) })
    if (key === 'rectification.problems') return { value: p.found, changedAt, rows: p.found }
    if (key === 'rectification.problems_signed_off') return { value: p.signedOff, changedAt, rows: p.found }
    if (key === 'rectification.rate')
      return { value: p.found === 0 ? null : (p.signedOff / p.found) * 100, changedAt, rows: p.found }
    if (key === 'rectification.fixed_at_once') return { value: p.fixAtOnce, changedAt, rows: p.found }
    throw new Error(`unknown rectification indicator ${key}`)
  },
  changedAt: (s) => rectificationChangedAt(s.db),
})
