import { Empty } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type EChartOption } from '../../../app/components/EChart'
import { useRectLabels } from '../labels'
import type { FigureRow, ProblemStatus } from '../types'

/** The statuses stacked in each bar, closed at the bottom, and their colours (as the status tags). */
const STACK: {
  status: ProblemStatus
  key: 'signedOff' | 'rectified' | 'rectifying' | 'open'
  color: string
}[] = [
  { status: 'signed_off', key: 'signedOff', color: '#52c41a' },
  { status: 'rectified', key: 'rectified', color: '#722ed1' },
  { status: 'rectifying', key: 'rectifying', color: '#1677ff' },
  { status: 'open', key: 'open', color: '#fa8c16' },
]
const RATE_COLOR = '#cf1322'

interface Props {
  rows: Pick<FigureRow, 'key' | 'label' | 'open' | 'rectifying' | 'rectified' | 'signedOff' | 'rate'>[]
  testId: string
  height?: number
}

/** Problems per group stacked by status, with the rectification rate (销号率) as a line on the right axis. */
export function RateChart({ rows, testId, height = 300 }: Props) {
  const { t } = useTranslation()
  const labels = useRectLabels()
  const option = useMemo<EChartOption>(() => {
    const longest = Math.max(0, ...rows.map((r) => [...r.label].length))
    // Many or long names do not fit side by side under the bars: slant them.
    const slant = rows.length * Math.max(4, longest) > 60
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        axisLabel: { interval: 0, rotate: slant ? 35 : 0, width: 120, overflow: 'truncate' },
      },
      yAxis: [
        { type: 'value', name: t('rectification.figures.problems'), minInterval: 1 },
        {
          type: 'value',
          name: t('rectification.figures.rate'),
          min: 0,
          max: 100,
          axisLabel: { formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        ...STACK.map((s) => ({
          name: labels.status(s.status),
          type: 'bar',
          stack: 'status',
          barMaxWidth: 36,
          itemStyle: { color: s.color },
          data: rows.map((r) => r[s.key]),
        })),
        {
          name: t('rectification.figures.rate'),
          type: 'line',
          yAxisIndex: 1,
          symbolSize: 8,
          // Points, not a line: the groups are units or sources, not a sequence in time.
          lineStyle: { opacity: 0 },
          itemStyle: { color: RATE_COLOR },
          label: {
            show: rows.length <= 12,
            position: 'top',
            formatter: '{c}%',
            fontSize: 11,
            color: RATE_COLOR,
            // Readable where the point sits on a bar.
            backgroundColor: 'rgba(255,255,255,0.85)',
            padding: [1, 3],
            borderRadius: 2,
          },
          tooltip: { valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
          data: rows.map((r) => (r.rate === null ? null : Math.round(r.rate * 1000) / 10)),
        },
      ],
    }
  }, [rows, t, labels])

  if (rows.length === 0) return <Empty description={t('rectification.figures.noData')} data-testid={testId} />
  return <EChart option={option} height={height} testId={testId} />
}
