import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type EChartOption } from '../../../app/components/EChart'
import type { Figures } from '../types'

/** Tasks per aspect (方面), in the campaign's order. */
export function AspectChart({ rows }: { rows: Figures['byAspect'] }) {
  const { t } = useTranslation()
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((r) => r.label),
        axisLabel: { width: 130, overflow: 'truncate' },
      },
      series: [
        {
          name: t('supervision.figures.tasks'),
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: '#1f5fa8' },
          label: { show: true, position: 'right' },
          data: rows.map((r) => r.value),
        },
      ],
    }),
    [rows, t],
  )
  return <EChart option={option} height={Math.max(200, rows.length * 30 + 40)} testId="chart-aspects" />
}
