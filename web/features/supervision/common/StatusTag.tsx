import { Tag } from 'antd'
import { useSupervisionLabels } from '../labels'
import type { TaskStatus } from '../types'

const COLORS: Record<TaskStatus, string | undefined> = {
  not_started: undefined,
  in_progress: 'processing',
  done: 'success',
  cancelled: undefined,
}

export function StatusTag({ status, voided }: { status: TaskStatus; voided?: boolean }) {
  const labels = useSupervisionLabels()
  return (
    <Tag
      data-testid="task-status"
      data-status={status}
      color={voided ? undefined : COLORS[status]}
      style={voided || status === 'cancelled' ? { textDecoration: 'line-through' } : undefined}
    >
      {labels.label('status', status)}
    </Tag>
  )
}
