import { useMemo } from 'react'
import { EChart } from '../../app/components/EChart'
import { numberText } from './format'
import type { IndicatorUnit } from './types'

/** The trailing periods and the current one as a small line, labels on hover. */
export function Sparkline({
  points,
  unit,
  height = 60,
  testId,
}: {
  points: { label: string; value: number | null }[]
  unit: IndicatorUnit
  height?: number
  testId?: string
}) {
  const option = useMemo(
    () => ({
      grid: { left: 4, right: 4, top: 6, bottom: 4 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) => numberText(unit, v),
      },
      xAxis: { type: 'category', show: false, data: points.map((p) => p.label) },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          type: 'line',
          smooth: false,
          symbolSize: 4,
          areaStyle: { opacity: 0.12 },
          // Money travels in fen; the chart shows 万元 like the card.
          data: points.map((p) => (p.value === null ? null : unit === 'fen' ? p.value / 1_000_000 : p.value)),
        },
      ],
    }),
    [points, unit],
  )
  return <EChart option={option} height={height} testId={testId} />
}
