import { Empty } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type EChartOption } from '../../../app/components/EChart'
import type { Figures } from '../types'

/** Rectification progress over time: problems found and problems signed off (销号), month by month. */
export function MonthChart({ months }: { months: Figures['byMonth'] }) {
  const { t } = useTranslation()
  const empty = months.every((m) => m.found === 0 && m.signedOff === 0)
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('rectification.figures.foundMonth'),
          type: 'bar',
          itemStyle: { color: '#fa8c16' },
          data: months.map((m) => m.found),
        },
        {
          name: t('rectification.figures.signedOffMonth'),
          type: 'line',
          smooth: true,
          itemStyle: { color: '#52c41a' },
          data: months.map((m) => m.signedOff),
        },
      ],
    }),
    [months, t],
  )
  if (empty) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
  return <EChart option={option} height={240} testId="figure-chart-months" />
}
