/**
 * The petition ledger's figures for the indicator registry (issue 5, point 4): 减存控增 (stock at
 * the cut-off and how much of it is resolved, new cases), open cases and backlog, timeliness,
 * satisfaction, repeats, and the seed's "****年以来…*类主要信访问题，细化为**项具体诉求".
 *
 * The range maps onto the module's own figures (figures.ts) as `from` = cut-off (截止日) and
 * `to` = as-of (统计日): stock, new and open counts are the same definitions. Where the module's
 * page judges the whole ledger up to today (timeliness, satisfaction, repeats), an indicator
 * with periods judges what happened in the range, so a year compares with the year before.
 */
import { addDays } from '../../../domain/calendar/calendar.js'
import { todayInChina } from '../../context.js'
import { type IndicatorDef, registerFigureProvider } from '../indicators/provider.js'
import { sharedCompute } from '../indicators/shared-compute.js'
import {
  firstReceived,
  ledgerChangedAt,
  type RangeParams,
  rangeCounts,
  taxonomyInUse,
} from './figures-provider-repository.js'
import { loadSettings } from './settings.js'

const RANGE_NOTE_ZH = '（统计区间：起始日为截止日，终止日为统计日）'
const RANGE_NOTE_EN = ' (range: `from` is the cut-off, `to` the as-of day)'

export const PETITION_INDICATORS = [
  {
    key: 'petitions.received',
    zh: '受理信访件次',
    en: 'Petitions received',
    unit: 'count',
    unitZh: '件',
    descriptionZh: '统计区间内登记的信访件次，含重复信访（每次登记计一件）。',
    descriptionEn: 'Petitions registered in the range, repeat petitions included (each registration counts).',
  },
  {
    key: 'petitions.stock_at_cutoff',
    zh: '存量信访案件',
    en: 'Stock cases at the cut-off',
    unit: 'count',
    unitZh: '件',
    descriptionZh: `截止日前受理且截止日前未办结的案件（重复信访并入原案计一件）${RANGE_NOTE_ZH}。`,
    descriptionEn: `Cases received before the cut-off and not closed before it (repeats count with their case)${RANGE_NOTE_EN}.`,
    stock: true,
  },
  {
    key: 'petitions.stock_resolved',
    zh: '存量案件化解数',
    en: 'Stock cases resolved',
    unit: 'count',
    unitZh: '件',
    descriptionZh: `存量案件中至统计日已办结的件数${RANGE_NOTE_ZH}。`,
    descriptionEn: `Stock cases closed by the as-of day${RANGE_NOTE_EN}.`,
    better: 'higher',
  },
  {
    key: 'petitions.stock_resolution_rate',
    zh: '存量案件化解率',
    en: 'Stock resolution rate',
    unit: 'percent',
    unitZh: '%',
    descriptionZh: `存量案件化解数 ÷ 存量信访案件 × 100；无存量时为空${RANGE_NOTE_ZH}。`,
    descriptionEn: `Stock cases resolved ÷ stock at the cut-off × 100; empty without stock${RANGE_NOTE_EN}.`,
    better: 'higher',
  },
  {
    key: 'petitions.new_received',
    zh: '新增信访案件',
    en: 'New cases received',
    unit: 'count',
    unitZh: '件',
    descriptionZh: `截止日至统计日受理的案件，重复信访并入原案不另计${RANGE_NOTE_ZH}。`,
    descriptionEn: `Cases received from the cut-off to the as-of day, repeats not counted again${RANGE_NOTE_EN}.`,
    better: 'lower',
  },
  {
    key: 'petitions.new_resolved',
    zh: '新增案件办结数',
    en: 'New cases resolved',
    unit: 'count',
    unitZh: '件',
    descriptionZh: `新增信访案件中至统计日已办结的件数${RANGE_NOTE_ZH}。`,
    descriptionEn: `New cases closed by the as-of day${RANGE_NOTE_EN}.`,
    better: 'higher',
  },
  {
    key: 'petitions.open_now',
    zh: '在办信访案件',
    en: 'Open cases',
    unit: 'count',
    unitZh: '件',
    descriptionZh: '统计日（终止日；晚于今天时按今天）仍未办结的案件。',
    descriptionEn: 'Cases still open on the as-of day (`to`, or today when `to` is later).',
    better: 'lower',
    stock: true,
  },
  {
    key: 'petitions.on_time_notice_rate',
    zh: '按期告知率',
    en: 'On-time acceptance notice rate',
    unit: 'percent',
    unitZh: '%',
    descriptionZh: '区间内受理的案件中，在法定 15 日内书面告知受理的比例。',
    descriptionEn: 'Of cases accepted in the range, the share accepted within the 15-day statutory limit.',
    better: 'higher',
  },
  {
    key: 'petitions.on_time_handling_rate',
    zh: '按期办结率',
    en: 'On-time handling rate',
    unit: 'percent',
    unitZh: '%',
    descriptionZh: '区间内出具答复意见的案件中，在法定期限（60 日，经批准延期的另加）内答复的比例。',
    descriptionEn:
      'Of cases replied to in the range, the share replied within the statutory limit (60 days plus any approved extension).',
    better: 'higher',
  },
  {
    key: 'petitions.satisfaction_rate',
    zh: '群众满意率',
    en: 'Satisfaction rate',
    unit: 'percent',
    unitZh: '%',
    descriptionZh: '区间内回访的案件中，满意与基本满意之和 ÷ 回访评价数 × 100。',
    descriptionEn: 'Of cases visited back in the range: (satisfied + basically satisfied) ÷ rated × 100.',
    better: 'higher',
  },
  {
    key: 'petitions.repeat_petitions',
    zh: '重复信访件次',
    en: 'Repeat petitions',
    unit: 'count',
    unitZh: '件',
    descriptionZh: '区间内登记、并入已有案件的重复信访件次。',
    descriptionEn: 'Petitions registered in the range and linked to an earlier case as repeats.',
    better: 'lower',
  },
  {
    key: 'petitions.backlog',
    zh: '信访积案',
    en: 'Backlog cases',
    unit: 'count',
    unitZh: '件',
    descriptionZh:
      '统计日（晚于今天时按今天）仍未办结、且受理已超过设定天数（积案标准，默认 180 天）的案件。',
    descriptionEn:
      'Cases open on the as-of day and received more than the configured days before (default 180).',
    better: 'lower',
    stock: true,
  },
  {
    key: 'petitions.categories_in_use',
    zh: '主要信访问题类别',
    en: 'Petition categories in use',
    unit: 'count',
    unitZh: '类',
    descriptionZh: `存量与新增案件（截止日的存量加区间内新受理）涉及的问题大类数，即"*类主要信访问题"${RANGE_NOTE_ZH}。`,
    descriptionEn: `Top-level categories of the stock at the cut-off and the cases received in the range${RANGE_NOTE_EN}.`,
  },
  {
    key: 'petitions.demands_in_use',
    zh: '具体诉求项数',
    en: 'Specific demands in use',
    unit: 'count',
    unitZh: '项',
    descriptionZh: `存量与新增案件涉及的具体诉求（二级分类）数，即"**项具体诉求"${RANGE_NOTE_ZH}。`,
    descriptionEn: `Specific demands (second level) of the stock at the cut-off and the cases received in the range${RANGE_NOTE_EN}.`,
  },
  {
    key: 'petitions.since_year',
    zh: '信访台账起始年份',
    en: 'Ledger since year',
    unit: 'number',
    unitZh: '年',
    descriptionZh: '统计日前最早一件信访案件的受理年份，即"****年以来"；与起始日无关。',
    descriptionEn:
      'The year of the earliest case received by the as-of day ("since ****"); `from` is not used.',
  },
] as const satisfies readonly IndicatorDef[]

const pct = (part: number, whole: number) => (whole === 0 ? null : (part / whole) * 100)

/** The grouped scan behind most petition figures, once per query and data time. */
const sharedCounts = sharedCompute<Awaited<ReturnType<typeof rangeCounts>>>()

registerFigureProvider({
  module: 'petitions',
  indicators: PETITION_INDICATORS,
  async compute(s, key, q) {
    const settings = await loadSettings(s.db)
    const today = todayInChina(s.now())
    const asOf = [q.to, today].sort()[0] ?? today
    const p: RangeParams = {
      from: q.from,
      to: q.to,
      scopePath: q.scopePath,
      asOf,
      backlogBefore: addDays(asOf, -settings.backlogDays),
    }
    const changedAt = await ledgerChangedAt(s.db)
    if (key === 'petitions.categories_in_use' || key === 'petitions.demands_in_use') {
      const t = await taxonomyInUse(s.db, p)
      const value = key === 'petitions.categories_in_use' ? t.categories : t.demands
      return { value, changedAt, rows: t.cases }
    }
    if (key === 'petitions.since_year') {
      const f = await firstReceived(s.db, p)
      return { value: f.first ? Number(f.first.slice(0, 4)) : null, changedAt, rows: f.cases }
    }
    const c = await sharedCounts(`${JSON.stringify(p)}|${changedAt}`, () => rangeCounts(s.db, p))
    const rated = c.satisfied + c.basic + c.unsatisfied
    const byKey: Record<string, { value: number | null; rows: number }> = {
      'petitions.received': { value: c.received, rows: c.received },
      'petitions.stock_at_cutoff': { value: c.stock, rows: c.stock },
      'petitions.stock_resolved': { value: c.stockResolved, rows: c.stock },
      'petitions.stock_resolution_rate': { value: pct(c.stockResolved, c.stock), rows: c.stock },
      'petitions.new_received': { value: c.fresh, rows: c.fresh },
      'petitions.new_resolved': { value: c.freshResolved, rows: c.fresh },
      'petitions.open_now': { value: c.open, rows: c.open },
      'petitions.on_time_notice_rate': { value: pct(c.noticeOk, c.noticeN), rows: c.noticeN },
      'petitions.on_time_handling_rate': { value: pct(c.handlingOk, c.handlingN), rows: c.handlingN },
      'petitions.satisfaction_rate': { value: pct(c.satisfied + c.basic, rated), rows: rated },
      'petitions.repeat_petitions': { value: c.repeats, rows: c.repeats },
      'petitions.backlog': { value: c.backlog, rows: c.backlog },
    }
    const hit = byKey[key]
    if (!hit) throw new Error(`unknown petition indicator ${key}`)
    return { ...hit, changedAt }
  },
  changedAt: (s) => ledgerChangedAt(s.db),
})
