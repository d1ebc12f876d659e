import { Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DUE_COLORS } from './colors'

const STATES = ['ok', 'due_soon', 'overdue', 'done', 'done_late', 'cancelled'] as const

/** What the Gantt bar colours mean (the custom series has no legend of its own). */
export function GanttLegend() {
  const { t } = useTranslation()
  return (
    <Space size={12} wrap>
      {STATES.map((s) => (
        <Space key={s} size={4}>
          <span
            style={{
              display: 'inline-block',
              width: 12,
              height: 8,
              borderRadius: 2,
              background: DUE_COLORS[s],
            }}
          />
          <Typography.Text style={{ fontSize: 12 }}>{t(`supervision.dueState.${s}`)}</Typography.Text>
        </Space>
      ))}
    </Space>
  )
}
