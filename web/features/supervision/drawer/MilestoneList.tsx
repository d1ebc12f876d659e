import { CheckOutlined, EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons'
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { useRefreshSupervision, useToday, useUpdateMilestone, useVoidMilestone } from '../queries'
import type { Milestone, TaskDetail } from '../types'
import { MilestoneModal } from './MilestoneModal'

/** Milestones (节点) with their weights; marking one reached moves the task's progress. */
export function MilestoneList({ task }: { task: TaskDetail }) {
  const { t } = useTranslation()
  const showError = useShowError()
  const refresh = useRefreshSupervision()
  const today = useToday()
  const update = useUpdateMilestone()
  const voidMilestone = useVoidMilestone()
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null)
  const [voiding, setVoiding] = useState<Milestone | null>(null)
  const editable = task.canEdit && task.status !== 'cancelled'
  const totalWeight = task.milestones.reduce((s, m) => s + m.weight, 0)

  const setDone = (m: Milestone, doneOn: string | null) =>
    update.mutate(
      { id: m.id, version: m.version, doneOn },
      { onError: (err) => showError(err, { onReload: () => void refresh() }) },
    )

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {task.milestones.length === 0 ? (
        <Typography.Text type="secondary">{t('supervision.noMilestones')}</Typography.Text>
      ) : (
        <Table<Milestone>
          data-testid="task-milestones"
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={task.milestones}
          columns={[
            { title: t('supervision.field.milestoneTitle'), dataIndex: 'title' },
            { title: t('supervision.field.dueOn'), dataIndex: 'dueOn', width: 110 },
            {
              title: t('supervision.field.weight'),
              dataIndex: 'weight',
              width: 90,
              render: (w: number) => (
                <Tooltip
                  title={t('supervision.weightShare', {
                    share: Math.round((w / Math.max(1, totalWeight)) * 100),
                  })}
                >
                  {w}
                </Tooltip>
              ),
            },
            {
              title: t('supervision.field.reached'),
              dataIndex: 'doneOn',
              width: 130,
              render: (doneOn: string | null, m) =>
                doneOn ? (
                  <Tag color="green">{doneOn}</Tag>
                ) : m.overdue ? (
                  <Tag color="red">{t('supervision.milestoneOverdue')}</Tag>
                ) : (
                  <Tag>{t('supervision.milestoneOpen')}</Tag>
                ),
            },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 190,
                    render: (_: unknown, m: Milestone) => (
                      <Space size={0}>
                        {m.doneOn ? (
                          <Button
                            size="small"
                            type="link"
                            icon={<UndoOutlined />}
                            onClick={() => setDone(m, null)}
                          >
                            {t('supervision.undoReached')}
                          </Button>
                        ) : (
                          <Button
                            size="small"
                            type="link"
                            icon={<CheckOutlined />}
                            data-testid={`milestone-done-${m.id}`}
                            onClick={() => setDone(m, today)}
                          >
                            {t('supervision.markReached')}
                          </Button>
                        )}
                        <Button
                          size="small"
                          type="link"
                          icon={<EditOutlined />}
                          aria-label={t('common.edit')}
                          onClick={() => setEditing(m)}
                        />
                        <Button
                          size="small"
                          type="link"
                          danger
                          icon={<StopOutlined />}
                          aria-label={t('common.void')}
                          onClick={() => setVoiding(m)}
                        />
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editable && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="milestone-add"
        >
          {t('supervision.addMilestone')}
        </Button>
      )}
      <MilestoneModal task={task} milestone={editing} onClose={() => setEditing(null)} />
      <VoidModal
        open={voiding !== null}
        name={voiding?.title ?? ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? voidMilestone.mutateAsync({ id: voiding.id, version: voiding.version, reason })
            : Promise.resolve()
        }
      />
    </Space>
  )
}
