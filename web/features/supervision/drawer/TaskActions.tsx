import { ClockCircleOutlined, FormOutlined } from '@ant-design/icons'
import { Button, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSupervisionLabels } from '../labels'
import type { TaskAction, TaskDetail } from '../types'
import { ActionModal } from './ActionModal'
import { ExtensionRequestModal } from './ExtensionRequestModal'
import { ProgressModal } from './ProgressModal'

const OPEN = new Set(['not_started', 'in_progress'])

/** The status moves the server allows now, and the reporting a unit of the task may do. */
export function TaskActions({ task }: { task: TaskDetail }) {
  const { t } = useTranslation()
  const labels = useSupervisionLabels()
  const [action, setAction] = useState<TaskAction | null>(null)
  const [reporting, setReporting] = useState(false)
  const [extending, setExtending] = useState(false)
  const open = OPEN.has(task.status)
  const pending = task.extensions.some((e) => e.status === 'pending')
  const canNote = task.canReport && task.status !== 'cancelled'
  const canExtend = task.canReport && open && !pending
  if (task.allowedActions.length === 0 && !canNote && !canExtend) return null

  return (
    <Space wrap size={8} data-testid="task-actions">
      {task.allowedActions.map((a) => (
        <Button
          key={a}
          type={a === 'complete' ? 'primary' : 'default'}
          danger={a === 'cancel'}
          onClick={() => setAction(a)}
          data-testid={`task-action-${a}`}
        >
          {labels.label('action', a)}
        </Button>
      ))}
      {canNote && (
        <Button icon={<FormOutlined />} onClick={() => setReporting(true)} data-testid="task-add-progress">
          {t('supervision.addProgress')}
        </Button>
      )}
      {canExtend && (
        <Button
          icon={<ClockCircleOutlined />}
          onClick={() => setExtending(true)}
          data-testid="task-request-extension"
        >
          {t('supervision.requestExtension')}
        </Button>
      )}
      <ActionModal task={task} action={action} onClose={() => setAction(null)} />
      <ProgressModal task={task} open={reporting} onClose={() => setReporting(false)} />
      <ExtensionRequestModal task={task} open={extending} onClose={() => setExtending(false)} />
    </Space>
  )
}
