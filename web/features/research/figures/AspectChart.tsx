import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type EChartOption } from '../../../app/components/EChart'
import type { FigureItem } from '../types'

/** Topics per aspect (围绕*个方面确定**个课题), horizontal so long aspect names stay readable. */
export function AspectChart({ items }: { items: FigureItem[] }) {
  const { t } = useTranslation()
  const option = useMemo<EChartOption>(() => {
    // Top to bottom in the campaign's order: the category axis draws its first item at the bottom.
    const rows = [...items].reverse()
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, name: t('research.figures.topicsAxis') },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [
        {
          name: t('research.figures.topics'),
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: '#1677ff' },
          label: { show: true, position: 'right' },
          data: rows.map((r) => r.value),
        },
      ],
    }
  }, [items, t])
  return (
    <EChart option={option} height={Math.max(200, items.length * 28 + 40)} testId="figures-aspect-chart" />
  )
}
