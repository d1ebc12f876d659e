/**
 * Supervision's figures for the indicator registry (issue 5, point 4): the seed's "围绕…*个方面
 * 制定**项重点工作任务", how many are done, overdue, and the on-time completion rate, for an
 * inclusive range and an org subtree.
 *
 * The range picks the campaigns: key tasks of live campaigns whose period overlaps [from, to].
 * Stocks (done, overdue) are read at `to` (today when `to` is later: no projection), with the
 * deadline then in force rebuilt from the timeline's deadline moves (domain/supervision/trend.ts),
 * so a past `to` gives what the ledger said that day; with `to` = today they equal the module's
 * own figures (figures.ts).
 */
import {
  type DeadlineMove,
  deadlineOn,
  overdueOn,
  type TrendTask,
} from '../../../domain/supervision/trend.js'
import type { TaskStatus } from '../../../domain/supervision/workflow.js'
import { type Actor, todayInChina } from '../../context.js'
import { type FigureQuery, type IndicatorDef, registerFigureProvider } from '../indicators/provider.js'
import { rangeTaskRows, tasksChangedAt } from './figures-provider-repository.js'
import { deadlineMoveRows } from './repository.js'

const CAMPAIGNS_ZH = '统计区间与专项活动（主题教育等）起止日期有交集的活动中'
const CAMPAIGNS_EN = 'of live campaigns whose period overlaps the range'

export const SUPERVISION_INDICATORS = [
  {
    key: 'supervision.tasks',
    zh: '重点工作任务数',
    en: 'Key tasks',
    unit: 'count',
    unitZh: '项',
    descriptionZh: `${CAMPAIGNS_ZH}制定的重点工作任务（不含子任务，含已取消），即"制定**项重点工作任务"。`,
    descriptionEn: `Top-level key tasks ${CAMPAIGNS_EN}, sub-tasks left out, cancelled ones included.`,
  },
  {
    key: 'supervision.tasks_done',
    zh: '已完成重点任务数',
    en: 'Key tasks done',
    unit: 'count',
    unitZh: '项',
    descriptionZh: `${CAMPAIGNS_ZH}，至终止日已完成的重点任务。`,
    descriptionEn: `Key tasks ${CAMPAIGNS_EN} done by \`to\`.`,
    better: 'higher',
    stock: true,
  },
  {
    key: 'supervision.tasks_overdue',
    zh: '逾期未完成重点任务数',
    en: 'Key tasks overdue',
    unit: 'count',
    unitZh: '项',
    descriptionZh: `${CAMPAIGNS_ZH}，终止日（晚于今天时按今天）已过当时有效期限（含批准的延期）仍未完成的重点任务。`,
    descriptionEn: `Key tasks ${CAMPAIGNS_EN} past the deadline in force at \`to\` (today when \`to\` is later; approved extensions count) and not done.`,
    better: 'lower',
    stock: true,
  },
  {
    key: 'supervision.on_time_rate',
    zh: '重点任务按期完成率',
    en: 'On-time completion rate',
    unit: 'percent',
    unitZh: '%',
    descriptionZh: `${CAMPAIGNS_ZH}，按期完成数 ÷（至终止日已完成数 + 逾期未完成数）× 100；已取消的不计，分母为 0 时为空。`,
    descriptionEn: `Key tasks ${CAMPAIGNS_EN}: done on time ÷ (done by \`to\` + overdue at \`to\`) × 100; cancelled left out; empty when 0.`,
    better: 'higher',
  },
  {
    key: 'supervision.aspects',
    zh: '重点任务涉及方面数',
    en: 'Aspects with key tasks',
    unit: 'count',
    unitZh: '个',
    descriptionZh: `${CAMPAIGNS_ZH}，重点任务所属的方面数，即"*个方面"。`,
    descriptionEn: `Aspects (方面) the key tasks ${CAMPAIGNS_EN} fall under.`,
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

const pct = (part: number, whole: number) => (whole === 0 ? null : (part / whole) * 100)

registerFigureProvider({
  module: 'supervision',
  indicators: SUPERVISION_INDICATORS,
  async compute(s, key, q) {
    const actor = subtree(q)
    const rows = await rangeTaskRows(s.db, actor, q.from, q.to)
    const changedAt = await tasksChangedAt(s.db)
    if (key === 'supervision.tasks') return { value: rows.length, changedAt, rows: rows.length }
    if (key === 'supervision.aspects')
      return { value: new Set(rows.map((r) => r.aspect_id)).size, changedAt, rows: rows.length }

    const moves = new Map<number, DeadlineMove[]>()
    for (const m of await deadlineMoveRows(s.db, actor, undefined)) {
      const from = (JSON.parse(m.detail_json) as { from?: unknown }).from
      if (typeof from === 'string')
        moves.set(m.task_id, [...(moves.get(m.task_id) ?? []), { on: m.on_date, from }])
    }
    // Stocks are read at `to`, or today when `to` is later: a deadline still ahead is not overdue yet.
    const today = todayInChina(s.now())
    const asOf = [q.to, today].sort()[0] ?? today
    let done = 0
    let onTime = 0
    let overdue = 0
    for (const r of rows) {
      const t: TrendTask = {
        status: r.status as TaskStatus,
        startsOn: r.starts_on,
        deadline: r.deadline,
        doneOn: r.done_on,
        moves: moves.get(r.id) ?? [],
      }
      if (t.status === 'done' && t.doneOn !== null && t.doneOn <= asOf) {
        done++
        if (t.doneOn <= deadlineOn(t, asOf)) onTime++
      } else if (overdueOn(t, asOf)) overdue++
    }
    if (key === 'supervision.tasks_done') return { value: done, changedAt, rows: rows.length }
    if (key === 'supervision.tasks_overdue') return { value: overdue, changedAt, rows: rows.length }
    if (key === 'supervision.on_time_rate')
      return { value: pct(onTime, done + overdue), changedAt, rows: done + overdue }
    throw new Error(`unknown supervision indicator ${key}`)
  },
  changedAt: (s) => tasksChangedAt(s.db),
})
