import { NotificationOutlined } from '@ant-design/icons'
import { Button, Empty, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DueTag } from '../common/DueTag'
import { useSupervisionLabels } from '../labels'
import type { Board, TaskSummary } from '../types'

type UnitGroup = Board['byUnit'][number]
type LeaderGroup = Board['byLeader'][number]
type Group = (UnitGroup | LeaderGroup) & { key: string; name: string }

interface Props {
  by: 'unit' | 'leader'
  board: Board
  onOpen: (id: number) => void
  /** Given for leaders: issue a supervision notice to a lead unit. */
  onNotice?: (g: UnitGroup) => void
}

/** One row per unit (or leader), worst first, its tasks listed under it most overdue first. */
export function BoardTable({ by, board, onOpen, onNotice }: Props) {
  const { t } = useTranslation()
  const labels = useSupervisionLabels()
  const groups: Group[] =
    by === 'unit'
      ? board.byUnit.map((g) => ({ ...g, key: `unit-${g.unitId}`, name: g.unit }))
      : board.byLeader.map((g) => ({ ...g, key: `leader-${g.leader}`, name: g.leader }))
  if (groups.length === 0) return <Empty description={t('supervision.board.none')} />

  const columns: TableColumnsType<Group> = [
    {
      title: by === 'unit' ? t('supervision.field.leadUnit') : t('supervision.field.leader'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('supervision.dueState.overdue'),
      dataIndex: 'overdue',
      width: 90,
      render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : 'secondary'}>{n}</Typography.Text>,
    },
    {
      title: t('supervision.dueState.due_soon'),
      dataIndex: 'dueSoon',
      width: 90,
      render: (n: number) => <Typography.Text type={n > 0 ? 'warning' : 'secondary'}>{n}</Typography.Text>,
    },
    {
      title: t('supervision.board.maxDaysOverdue'),
      dataIndex: 'maxDaysOverdue',
      width: 120,
      render: (n: number) => (n > 0 ? t('supervision.days', { count: n }) : '—'),
    },
    {
      title: t('supervision.field.escalation'),
      dataIndex: 'escalation',
      width: 130,
      render: (level: number) =>
        level > 0 ? <Tag color={level === 2 ? 'red' : 'orange'}>{labels.escalation(level)}</Tag> : '—',
    },
    ...(onNotice && by === 'unit'
      ? [
          {
            title: t('common.actions'),
            key: 'notice',
            width: 150,
            render: (_: unknown, g: Group) =>
              g.overdue > 0 && (
                <Button
                  size="small"
                  icon={<NotificationOutlined />}
                  data-testid={`notice-create-${(g as UnitGroup).unitId}`}
                  onClick={() => onNotice(g as UnitGroup)}
                >
                  {t('supervision.notice.create')}
                </Button>
              ),
          },
        ]
      : []),
  ]

  const taskColumns: TableColumnsType<TaskSummary> = [
    {
      title: t('supervision.field.title'),
      dataIndex: 'title',
      render: (v: string) => <Typography.Link>{v}</Typography.Link>,
    },
    {
      title: by === 'unit' ? t('supervision.field.leader') : t('supervision.field.leadUnit'),
      key: 'who',
      width: 140,
      render: (_, r) => (by === 'unit' ? r.leader || '—' : r.leadUnit),
    },
    { title: t('supervision.field.deadline'), dataIndex: 'deadline', width: 110 },
    {
      title: t('supervision.field.due'),
      key: 'due',
      width: 110,
      render: (_, r) => <DueTag dueState={r.dueState} daysLeft={r.daysLeft} daysOverdue={r.daysOverdue} />,
    },
    {
      title: t('supervision.field.progress'),
      dataIndex: 'progress',
      width: 80,
      render: (p: number) => `${p}%`,
    },
  ]

  return (
    <Table<Group>
      // A new set of groups (another campaign, by leader) starts fully expanded again.
      key={groups.map((g) => g.key).join('|')}
      data-testid={`overdue-table-${by}`}
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={groups}
      pagination={groups.length > 20 ? { pageSize: 20 } : false}
      onRow={(g) => ({ ...{ 'data-testid': `overdue-group-${g.key}` }, role: 'row' })}
      expandable={{
        // Every group open: the board is read top to bottom, like the paper list it replaces.
        defaultExpandAllRows: true,
        expandedRowRender: (g) => (
          <Table<TaskSummary>
            size="small"
            rowKey="id"
            columns={taskColumns}
            dataSource={g.tasks}
            pagination={false}
            onRow={(r) => ({
              ...{ 'data-testid': `overdue-task-${r.id}` },
              onClick: () => onOpen(r.id),
              style: { cursor: 'pointer' },
            })}
          />
        ),
      }}
    />
  )
}
