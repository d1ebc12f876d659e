import { Table, type TableColumnsType, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TopicSummary } from '../types'
import { StatusTag } from './StatusTag'

interface Props {
  items: TopicSummary[]
  total: number
  loading: boolean
  page: number
  pageSize: number
  onPage: (page: number, pageSize: number) => void
  onOpen: (t: TopicSummary) => void
}

export function TopicTable({ items, total, loading, page, pageSize, onPage, onOpen }: Props) {
  const { t } = useTranslation()
  const columns: TableColumnsType<TopicSummary> = [
    { title: t('research.field.code'), dataIndex: 'code', width: 112 },
    {
      title: t('research.field.title'),
      dataIndex: 'title',
      render: (title: string, x) => (
        <Typography.Link
          delete={x.voided}
          onClick={() => onOpen(x)}
          data-testid={`topic-open-${x.id}`}
          style={{ display: 'block' }}
        >
          {title}
        </Typography.Link>
      ),
    },
    { title: t('research.field.aspect'), dataIndex: 'aspect', width: 140, ellipsis: true },
    {
      title: t('research.field.owner'),
      key: 'owner',
      width: 150,
      ellipsis: true,
      render: (_, x) => (
        <span>
          {x.ownerUnit}
          {x.leaderName && <Typography.Text type="secondary">{` · ${x.leaderName}`}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('research.field.plan'),
      key: 'plan',
      width: 160,
      // Within one year the end drops its year: 2026-04-13 ~ 06-01.
      render: (_, x) =>
        `${x.startsOn} ~ ${x.endsOn.slice(0, 4) === x.startsOn.slice(0, 4) ? x.endsOn.slice(5) : x.endsOn}`,
    },
    {
      title: t('research.field.status'),
      dataIndex: 'status',
      width: 104,
      render: (_, x) => <StatusTag status={x.status} voided={x.voided} />,
    },
    { title: t('research.field.visits'), dataIndex: 'visitCount', width: 84, align: 'right' },
    {
      title: t('research.field.findings'),
      key: 'findings',
      width: 96,
      align: 'right',
      render: (_, x) =>
        x.findingCount === 0
          ? 0
          : t('research.field.findingsValue', { count: x.findingCount, converted: x.convertedCount }),
    },
  ]
  return (
    <Table<TopicSummary>
      rowKey="id"
      size="middle"
      data-testid="topic-table"
      columns={columns}
      dataSource={items}
      loading={loading}
      // A floor, not max-content: long titles wrap in their column rather than push the last ones off.
      scroll={{ x: 1040 }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { total: n }),
        onChange: onPage,
      }}
    />
  )
}
