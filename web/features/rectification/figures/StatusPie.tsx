import { Empty } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type EChartOption } from '../../../app/components/EChart'
import { useRectLabels } from '../labels'
import type { Tally } from '../types'

/** Where the problems found stand now, as a ring with the rate in the middle. */
export function StatusPie({ f }: { f: Tally }) {
  const { t } = useTranslation()
  const labels = useRectLabels()
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { orient: 'vertical', right: 8, top: 'middle' },
      title: {
        text: f.rate === null ? '—' : `${(f.rate * 100).toFixed(1)}%`,
        subtext: t('rectification.figures.rate'),
        left: '35%',
        top: '40%',
        textAlign: 'center',
        textStyle: { fontSize: 22 },
      },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['35%', '50%'],
          label: { formatter: '{c}' },
          data: [
            { name: labels.status('signed_off'), value: f.signedOff, itemStyle: { color: '#52c41a' } },
            { name: labels.status('rectified'), value: f.rectified, itemStyle: { color: '#722ed1' } },
            { name: labels.status('rectifying'), value: f.rectifying, itemStyle: { color: '#1677ff' } },
            { name: labels.status('open'), value: f.open, itemStyle: { color: '#fa8c16' } },
          ],
        },
      ],
    }),
    [f, t, labels],
  )
  if (f.found === 0) return <Empty description={t('rectification.figures.noData')} />
  return <EChart option={option} height={300} testId="figure-chart-status" />
}
