import { Progress, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DueTag } from '../common/DueTag'
import { StatusTag } from '../common/StatusTag'
import { useSupervisionLabels } from '../labels'
import type { TaskSummary } from '../types'

interface Props {
  items: TaskSummary[]
  total: number
  loading: boolean
  page: number
  pageSize: number
  onPage: (page: number, pageSize: number) => void
  onOpen: (t: TaskSummary) => void
}

export function TaskTable(p: Props) {
  const { t } = useTranslation()
  const labels = useSupervisionLabels()

  const columns: TableColumnsType<TaskSummary> = [
    {
      title: t('supervision.field.title'),
      dataIndex: 'title',
      fixed: 'left',
      width: 240,
      render: (title: string, r) => (
        <Space size={4} wrap={false}>
          {/* The whole row opens the task; the link look only says so. */}
          <Typography.Link delete={r.voided} ellipsis style={{ maxWidth: 210 }}>
            {title}
          </Typography.Link>
          {r.parentId !== null && <Tag>{t('supervision.subTaskTag')}</Tag>}
          {r.recurring && <Tag color="purple">{t('supervision.recurringTag')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('supervision.field.aspect'),
      dataIndex: 'aspect',
      width: 120,
      ellipsis: true,
    },
    {
      title: t('supervision.field.leadUnit'),
      dataIndex: 'leadUnit',
      width: 130,
      ellipsis: true,
      render: (lead: string, r) =>
        r.coUnits.length > 0 ? (
          <Tooltip title={`${t('supervision.field.coUnits')}：${r.coUnits.map((u) => u.name).join('、')}`}>
            <span>
              {lead}
              <Typography.Text type="secondary"> +{r.coUnits.length}</Typography.Text>
            </span>
          </Tooltip>
        ) : (
          lead
        ),
    },
    { title: t('supervision.field.leader'), dataIndex: 'leader', width: 80, render: (v) => v || '—' },
    { title: t('supervision.field.startsOn'), dataIndex: 'startsOn', width: 105 },
    {
      title: t('supervision.field.deadline'),
      dataIndex: 'deadline',
      width: 105,
      render: (d: string, r) =>
        d !== r.originalDeadline ? (
          <Tooltip title={t('supervision.originalDeadline', { date: r.originalDeadline })}>
            <span>{d}*</span>
          </Tooltip>
        ) : (
          d
        ),
    },
    {
      title: t('supervision.field.due'),
      key: 'due',
      width: 120,
      render: (_, r) => (
        <Space size={2} wrap>
          <DueTag dueState={r.dueState} daysLeft={r.daysLeft} daysOverdue={r.daysOverdue} />
          {r.escalation > 0 && (
            <Tag color={r.escalation === 2 ? 'red' : 'orange'}>{labels.escalation(r.escalation)}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('supervision.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (_, r) => <StatusTag status={r.status} voided={r.voided} />,
    },
    {
      title: t('supervision.field.progress'),
      dataIndex: 'progress',
      width: 110,
      render: (v: number) => <Progress percent={v} size="small" format={(n) => `${n}%`} />,
    },
  ]

  return (
    <Table<TaskSummary>
      data-testid="task-table"
      size="small"
      rowKey={(r) => String(r.id)}
      columns={columns}
      dataSource={p.items}
      loading={p.loading}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({
        // The spread keeps TypeScript from rejecting a data-* key in an attributes object.
        ...{ 'data-testid': `task-row-${r.id}` },
        onClick: () => p.onOpen(r),
        style: { cursor: 'pointer', ...(r.voided ? { color: '#bfbfbf' } : {}) },
      })}
      pagination={{
        current: p.page,
        pageSize: p.pageSize,
        total: p.total,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
        onChange: p.onPage,
      }}
    />
  )
}
