import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type EChartOption } from '../../../app/components/EChart'
import { percent } from '../../petitions/dates'
import type { Figures } from '../types'
import { DUE_COLORS } from './colors'

/**
 * The on-time completion rate as what it is made of: of the tasks due by today, those done on
 * time, done late, and still open past the deadline; the rate sits in the middle.
 */
export function OnTimeChart({ f }: { f: Figures }) {
  const { t } = useTranslation()
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0 },
      title: {
        text: percent(f.onTimeCompletionRate),
        subtext: t('supervision.figures.onTimeRate'),
        left: 'center',
        top: '36%',
        textStyle: { fontSize: 22 },
      },
      series: [
        {
          type: 'pie',
          radius: ['52%', '72%'],
          center: ['50%', '45%'],
          label: { show: false },
          data: [
            {
              name: t('supervision.dueState.done'),
              value: f.doneOnTime,
              itemStyle: { color: DUE_COLORS.done },
            },
            {
              name: t('supervision.dueState.done_late'),
              value: f.doneLate,
              itemStyle: { color: DUE_COLORS.done_late },
            },
            {
              name: t('supervision.figures.openOverdue'),
              value: f.overdueNow,
              itemStyle: { color: DUE_COLORS.overdue },
            },
          ],
        },
      ],
    }),
    [f, t],
  )
  return <EChart option={option} height={260} testId="chart-on-time" />
}
