import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { DueState } from '../types'

const COLORS: Record<DueState, string | undefined> = {
  ok: 'blue',
  due_soon: 'orange',
  overdue: 'red',
  done: 'green',
  done_late: 'volcano',
  cancelled: undefined,
}

interface Props {
  dueState: DueState
  daysLeft: number | null
  daysOverdue: number
}

/** Where a task stands against its deadline: days left, due today, days overdue, or how it ended. */
export function DueTag({ dueState, daysLeft, daysOverdue }: Props) {
  const { t } = useTranslation()
  const text =
    dueState === 'overdue'
      ? t('supervision.due.overdueBy', { count: daysOverdue })
      : dueState === 'ok' || dueState === 'due_soon'
        ? daysLeft === 0
          ? t('supervision.due.today')
          : t('supervision.due.daysLeft', { count: daysLeft ?? 0 })
        : t(`supervision.dueState.${dueState}`)
  return (
    <Tag color={COLORS[dueState]} data-testid="task-due" data-due-state={dueState}>
      {text}
    </Tag>
  )
}
