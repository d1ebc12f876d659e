import { PlusOutlined } from '@ant-design/icons'
import { Button, Progress, Space, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { StatusTag } from '../common/StatusTag'
import type { TaskDetail } from '../types'

interface Props {
  task: TaskDetail
  onOpenTask: (id: number) => void
  onAdd: () => void
}

/** Sub-tasks: parts of this task; their weighted progress makes up its own. */
export function SubTasks({ task, onOpenTask, onAdd }: Props) {
  const { t } = useTranslation()
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {task.children.length === 0 ? (
        <Typography.Text type="secondary">{t('supervision.noSubTasks')}</Typography.Text>
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={task.children}
          onRow={(c) => ({ onClick: () => onOpenTask(c.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('supervision.field.title'),
              dataIndex: 'title',
              render: (v: string) => <Typography.Link>{v}</Typography.Link>,
            },
            {
              title: t('supervision.field.status'),
              dataIndex: 'status',
              width: 100,
              render: (s) => <StatusTag status={s} />,
            },
            { title: t('supervision.field.weight'), dataIndex: 'weight', width: 70 },
            {
              title: t('supervision.field.progress'),
              dataIndex: 'progress',
              width: 160,
              render: (v: number) => <Progress percent={v} size="small" format={(n) => `${n}%`} />,
            },
          ]}
        />
      )}
      {task.canEdit && (
        <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid="task-add-subtask">
          {t('supervision.newSubTask')}
        </Button>
      )}
    </Space>
  )
}
