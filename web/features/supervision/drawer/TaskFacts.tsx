import { Descriptions, Progress, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DueTag } from '../common/DueTag'
import { useSupervisionLabels } from '../labels'
import type { TaskDetail } from '../types'

/** What the task is, who leads it, its dates against today, and its weighted progress. */
export function TaskFacts({ task, onOpenTask }: { task: TaskDetail; onOpenTask: (id: number) => void }) {
  const { t } = useTranslation()
  const labels = useSupervisionLabels()
  const recurrence = task.recurrence
    ? task.recurrence.day === 'last'
      ? t('supervision.recurrence.monthlyLast')
      : t('supervision.recurrence.monthly', { day: task.recurrence.day })
    : null

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="task-facts">
      <div>
        <Typography.Text type="secondary">{t('supervision.field.progress')}</Typography.Text>
        <Progress
          data-testid="task-progress"
          percent={task.progress}
          format={(n) => `${n}%`}
          status={task.status === 'done' ? 'success' : task.dueState === 'overdue' ? 'exception' : 'active'}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {task.children.length > 0
            ? t('supervision.progressFromChildren')
            : task.milestones.length > 0
              ? t('supervision.progressFromMilestones')
              : t('supervision.progressFromNotes')}
        </Typography.Text>
      </div>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('supervision.field.campaign')}>{task.campaign}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.field.aspect')}>{task.aspect}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.field.leadUnit')}>{task.leadUnit}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.field.coUnits')}>
          {task.coUnits.map((u) => u.name).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('supervision.field.leader')}>{task.leader || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.field.startsOn')}>{task.startsOn}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.field.deadline')}>
          <Space size={8} wrap>
            <span data-testid="task-deadline">{task.deadline}</span>
            <DueTag dueState={task.dueState} daysLeft={task.daysLeft} daysOverdue={task.daysOverdue} />
          </Space>
          {task.deadline !== task.originalDeadline && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('supervision.originalDeadline', { date: task.originalDeadline })}
              </Typography.Text>
            </div>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('supervision.field.doneOn')}>{task.doneOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.field.weight')}>{task.weight}</Descriptions.Item>
        <Descriptions.Item label={t('supervision.field.escalation')}>
          {labels.escalation(task.escalation) || '—'}
        </Descriptions.Item>
        {recurrence ? (
          <Descriptions.Item label={t('supervision.field.recurring')} span={2}>
            {recurrence}
          </Descriptions.Item>
        ) : null}
        {task.parentId !== null ? (
          <Descriptions.Item label={t('supervision.field.parent')} span={2}>
            <Typography.Link onClick={() => onOpenTask(task.parentId as number)}>
              #{task.parentId}
            </Typography.Link>
          </Descriptions.Item>
        ) : null}
        {task.description ? (
          <Descriptions.Item label={t('supervision.field.description')} span={2}>
            <div style={{ whiteSpace: 'pre-wrap' }}>{task.description}</div>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Space>
  )
}
