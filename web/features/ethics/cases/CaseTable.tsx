import { Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useEthicsLabels } from '../labels'
import type { CaseSummary } from '../types'

interface Props {
  items: CaseSummary[]
  total: number
  loading: boolean
  page: number
  pageSize: number
  onPage: (page: number, pageSize: number) => void
  onOpen: (c: CaseSummary) => void
}

/** The case ledger as lists show it: the teacher masked, never in clear. */
export function CaseTable(p: Props) {
  const { t } = useTranslation()
  const labels = useEthicsLabels()
  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('ethics.field.caseNo'),
      dataIndex: 'caseNo',
      width: 120,
      fixed: 'left',
      render: (no: string, c) => <Typography.Link delete={c.voided}>{no}</Typography.Link>,
    },
    { title: t('ethics.field.teacher'), dataIndex: 'teacherName', width: 90 },
    { title: t('ethics.field.school'), dataIndex: 'school', width: 220, ellipsis: true },
    { title: t('ethics.field.occurredOn'), dataIndex: 'occurredOn', width: 105 },
    { title: t('ethics.field.violationType'), dataIndex: 'violationType', width: 120 },
    {
      title: t('ethics.field.handling'),
      dataIndex: 'handling',
      width: 90,
      render: (_, c) => labels.handling(c.handling),
    },
    {
      title: t('ethics.field.published'),
      dataIndex: 'published',
      width: 140,
      render: (_, c) =>
        c.voided ? (
          <Tag>{t('common.voided')}</Tag>
        ) : c.published ? (
          <Tag color="green">{t('ethics.publishedOn', { date: c.publishedOn ?? '' })}</Tag>
        ) : (
          <Tag>{t('ethics.unpublished')}</Tag>
        ),
    },
  ]
  return (
    <Table<CaseSummary>
      data-testid="ethics-table"
      size="small"
      rowKey={(c) => String(c.id)}
      columns={columns}
      dataSource={p.items}
      loading={p.loading}
      scroll={{ x: 'max-content' }}
      onRow={(c) => ({
        ...{ 'data-testid': `ethics-row-${c.caseNo}` },
        onClick: () => p.onOpen(c),
        style: { cursor: 'pointer', ...(c.voided ? { color: '#bfbfbf' } : {}) },
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
