import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type EChartOption } from '../../../app/components/EChart'
import type { TaskSummary } from '../types'
import { DUE_COLORS } from './colors'

type Bucket = 'not_started' | 'in_progress' | 'overdue' | 'done' | 'cancelled'
const BUCKETS: Bucket[] = ['overdue', 'in_progress', 'not_started', 'done', 'cancelled']
const COLORS: Record<Bucket, string> = {
  overdue: DUE_COLORS.overdue,
  in_progress: DUE_COLORS.ok,
  not_started: DUE_COLORS.not_started,
  done: DUE_COLORS.done,
  cancelled: DUE_COLORS.cancelled,
}
/** More units than this and the bars get too thin to read: the rest are summed up as "others". */
const MAX_UNITS = 15

/** An open task past its deadline counts as overdue, whatever its status; the rest by status. */
const bucketOf = (t: TaskSummary): Bucket => (t.dueState === 'overdue' ? 'overdue' : t.status)

/** Tasks by status per lead unit, stacked; the units with most tasks on top. */
export function UnitStatusChart({ tasks }: { tasks: TaskSummary[] }) {
  const { t } = useTranslation()
  const option = useMemo<EChartOption>(() => {
    const byUnit = new Map<string, Record<Bucket, number>>()
    for (const task of tasks) {
      const row = byUnit.get(task.leadUnit) ?? {
        not_started: 0,
        in_progress: 0,
        overdue: 0,
        done: 0,
        cancelled: 0,
      }
      row[bucketOf(task)]++
      byUnit.set(task.leadUnit, row)
    }
    const total = (r: Record<Bucket, number>) => BUCKETS.reduce((s, b) => s + r[b], 0)
    let rows = [...byUnit].sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0], 'zh-CN'))
    if (rows.length > MAX_UNITS) {
      const rest = rows.slice(MAX_UNITS - 1)
      const other = { not_started: 0, in_progress: 0, overdue: 0, done: 0, cancelled: 0 }
      for (const [, r] of rest) for (const b of BUCKETS) other[b] += r[b]
      rows = [
        ...rows.slice(0, MAX_UNITS - 1),
        [t('supervision.figures.otherUnits', { count: rest.length }), other],
      ]
    }
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map(([u]) => u),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: BUCKETS.map((b) => ({
        name: b === 'overdue' ? t('supervision.dueState.overdue') : t(`supervision.status.${b}`),
        type: 'bar',
        stack: 'status',
        barMaxWidth: 18,
        itemStyle: { color: COLORS[b] },
        data: rows.map(([, r]) => r[b]),
      })),
    }
  }, [tasks, t])
  const units = new Set(tasks.map((x) => x.leadUnit)).size
  return (
    <EChart
      option={option}
      height={Math.max(220, Math.min(MAX_UNITS, units) * 26 + 60)}
      testId="chart-unit-status"
    />
  )
}
