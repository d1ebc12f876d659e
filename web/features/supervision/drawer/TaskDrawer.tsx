import { EditOutlined, StopOutlined } from '@ant-design/icons'
import { Alert, Button, Divider, Drawer, Result, Space, Spin, Typography } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../app/api'
import { VoidModal } from '../../../app/components/VoidModal'
import { StatusTag } from '../common/StatusTag'
import { useTask, useVoidTask } from '../queries'
import { TaskFormDrawer } from '../tasks/TaskFormDrawer'
import type { TaskSummary } from '../types'
import { ExtensionList } from './ExtensionList'
import { MilestoneList } from './MilestoneList'
import { OccurrenceTable } from './OccurrenceTable'
import { ProgressNotes } from './ProgressNotes'
import { SubTasks } from './SubTasks'
import { TaskActions } from './TaskActions'
import { TaskFacts } from './TaskFacts'
import { TaskTimeline } from './TaskTimeline'

interface Props {
  taskId: number | null
  onClose: () => void
  /** Switch the drawer to another task (a sub-task, the parent). */
  onOpenTask: (id: number) => void
}

/**
 * One task: facts and weighted progress, milestones, progress notes by unit, the monthly record of a
 * recurring duty, extension requests, and the timeline. Each button shows only when the server's
 * answer says this user may use it (canEdit, canReport, canApprove, allowedActions).
 */
export function TaskDrawer({ taskId, onClose, onOpenTask }: Props) {
  const { t } = useTranslation()
  const query = useTask(taskId)
  const voidTask = useVoidTask()
  const [editing, setEditing] = useState(false)
  const [voiding, setVoiding] = useState(false)
  const [subParent, setSubParent] = useState<TaskSummary | null>(null)
  const d = query.data
  const missing = query.error instanceof ApiError && query.error.status === 404

  const section = (title: string, body: ReactNode) => (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {body}
    </div>
  )

  return (
    <Drawer
      open={taskId !== null}
      onClose={onClose}
      size={900}
      destroyOnHidden
      data-testid="task-drawer"
      title={
        d ? (
          <Space size={8}>
            <span data-testid="task-drawer-title">{d.title}</span>
            <StatusTag status={d.status} voided={d.voided} />
          </Space>
        ) : (
          t('app.loading')
        )
      }
      extra={
        d?.canEdit && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="task-edit">
              {t('common.edit')}
            </Button>
            <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)} data-testid="task-void">
              {t('common.void')}
            </Button>
          </Space>
        )
      }
    >
      {missing ? (
        <Result status="404" title={t('supervision.taskMissing')} />
      ) : !d ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {d.voided && <Alert type="error" showIcon title={t('supervision.voidedTask')} />}
          <TaskActions task={d} />
          <TaskFacts task={d} onOpenTask={onOpenTask} />
          {(d.children.length > 0 || d.canEdit) &&
            section(
              t('supervision.subTasks'),
              <SubTasks task={d} onOpenTask={onOpenTask} onAdd={() => setSubParent(d)} />,
            )}
          {section(t('supervision.milestones'), <MilestoneList task={d} />)}
          {section(t('supervision.progressNotes'), <ProgressNotes task={d} />)}
          {d.recurrence && section(t('supervision.occurrences.title'), <OccurrenceTable task={d} />)}
          {section(t('supervision.extensions'), <ExtensionList task={d} />)}
          <Divider style={{ margin: 0 }} />
          {section(t('supervision.timeline'), <TaskTimeline events={d.events} />)}
          <TaskFormDrawer
            open={editing}
            task={d}
            onClose={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
          <TaskFormDrawer
            open={subParent !== null}
            parent={subParent ?? undefined}
            onClose={() => setSubParent(null)}
            onSaved={(sub) => {
              setSubParent(null)
              onOpenTask(sub.id)
            }}
          />
          <VoidModal
            open={voiding}
            name={d.title}
            onClose={() => setVoiding(false)}
            onSubmit={(reason) => voidTask.mutateAsync({ id: d.id, version: d.version, reason })}
          />
        </Space>
      )}
    </Drawer>
  )
}
