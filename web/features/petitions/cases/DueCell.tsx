import { Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DueState } from '../types'

const COLORS: Partial<Record<DueState, string>> = { overdue: '#cf1322', due_soon: '#d46b08' }

interface Props {
  due: string | null
  daysLeft: number | null
  dueState: DueState
}

/** The running deadline and how far away it is; red when overdue, orange when due soon. */
export function DueCell({ due, daysLeft, dueState }: Props) {
  const { t } = useTranslation()
  if (!due || daysLeft === null) return <Typography.Text type="secondary">—</Typography.Text>
  const color = COLORS[dueState]
  const left =
    daysLeft < 0
      ? t('petitions.overdueBy', { count: -daysLeft })
      : daysLeft === 0
        ? t('petitions.dueToday')
        : t('petitions.daysLeft', { count: daysLeft })
  return (
    <Space size={6} data-due-state={dueState}>
      <span>{due}</span>
      <span style={{ color: color ?? 'rgba(0,0,0,0.45)', fontWeight: color ? 600 : undefined }}>{left}</span>
    </Space>
  )
}
