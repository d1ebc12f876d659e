import dayjs from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type EChartOption } from '../../../app/components/EChart'
import type { TaskSummary } from '../types'
import { DUE_COLORS } from './colors'

const ROW = 22
/** Rows shown at once; a longer campaign scrolls with the slider on the right. */
const VISIBLE_ROWS = 40
const DAY = 86_400_000

interface RenderApi {
  value: (dim: number) => number
  coord: (v: [number, number]) => [number, number]
  size: (v: [number, number]) => [number, number]
  visual: (key: string) => string
}
interface RenderParams {
  coordSys: { x: number; y: number; width: number; height: number }
}

/**
 * A campaign's tasks as a Gantt chart: one bar per task from its start to its deadline, coloured by
 * where it stands today, with today marked. ECharts has no Gantt type; a custom series draws the bars.
 */
export function GanttChart({ tasks, today }: { tasks: TaskSummary[]; today: string }) {
  const { t } = useTranslation()
  const rows = useMemo(
    () =>
      [...tasks].sort(
        (a, b) => a.startsOn.localeCompare(b.startsOn) || a.deadline.localeCompare(b.deadline) || a.id - b.id,
      ),
    [tasks],
  )
  const option = useMemo<EChartOption>(() => {
    const ts = (d: string) => dayjs(d).valueOf()
    const zoom = rows.length > VISIBLE_ROWS
    return {
      tooltip: {
        formatter: (p: { dataIndex: number }) => {
          const r = rows[p.dataIndex]
          if (!r) return ''
          const state = t(`supervision.dueState.${r.dueState}`)
          return `${r.title}<br/>${r.leadUnit}<br/>${r.startsOn} → ${r.deadline}<br/>${state} · ${r.progress}%`
        },
      },
      grid: { left: 8, right: zoom ? 40 : 24, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'time', position: 'top', splitLine: { show: true, lineStyle: { color: '#f0f0f0' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.title),
        axisLabel: { width: 220, overflow: 'truncate' },
        axisTick: { show: false },
      },
      dataZoom: zoom
        ? [
            {
              type: 'slider',
              yAxisIndex: 0,
              right: 8,
              width: 16,
              startValue: 0,
              endValue: VISIBLE_ROWS - 1,
              zoomLock: true,
            },
          ]
        : [],
      series: [
        {
          type: 'custom',
          clip: true,
          encode: { x: [1, 2], y: 0 },
          renderItem: (params: RenderParams, api: RenderApi) => {
            const row = api.value(0)
            const start = api.coord([api.value(1), row])
            const end = api.coord([api.value(2), row])
            const height = api.size([0, 1])[1] * 0.6
            return {
              type: 'rect',
              shape: {
                x: start[0],
                y: start[1] - height / 2,
                width: Math.max(2, end[0] - start[0]),
                height,
                r: 2,
              },
              style: { fill: api.visual('color') },
              // Bars outside the visible rows (while scrolling) are not drawn over the axis.
              ignore: start[1] < params.coordSys.y || start[1] > params.coordSys.y + params.coordSys.height,
            }
          },
          data: rows.map((r, i) => ({
            // The deadline day itself is still in time: the bar runs to its end.
            value: [i, ts(r.startsOn), ts(r.deadline) + DAY],
            itemStyle: { color: DUE_COLORS[r.dueState] },
          })),
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { color: DUE_COLORS.overdue, type: 'dashed' },
            label: { formatter: t('supervision.figures.today'), position: 'end' },
            data: [{ xAxis: ts(today) }],
          },
        },
      ],
    }
  }, [rows, today, t])

  return (
    <EChart option={option} height={Math.min(rows.length, VISIBLE_ROWS) * ROW + 66} testId="chart-gantt" />
  )
}
