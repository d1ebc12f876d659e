import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type EChartOption } from '../../../app/components/EChart'
import type { Figures } from '../types'
import { DUE_COLORS } from './colors'

/** Overdue tasks at the end of each of the last weeks (the server rebuilds each from the timeline). */
export function OverdueTrendChart({ trend }: { trend: Figures['overdueTrend'] }) {
  const { t } = useTranslation()
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: trend.map((p) => p.on.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('supervision.figures.overdueNow'),
          type: 'line',
          symbolSize: 6,
          itemStyle: { color: DUE_COLORS.overdue },
          areaStyle: { color: 'rgba(207,19,34,0.08)' },
          data: trend.map((p) => p.overdue),
        },
      ],
    }),
    [trend, t],
  )
  return <EChart option={option} height={260} testId="chart-overdue-trend" />
}
