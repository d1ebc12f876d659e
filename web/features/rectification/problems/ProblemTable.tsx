import { Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useRectLabels } from '../labels'
import type { ProblemSummary } from '../types'
import { MeasureProgress } from './MeasureProgress'
import { StatusTag } from './StatusTag'

interface Props {
  items: ProblemSummary[]
  total: number
  loading: boolean
  page: number
  pageSize: number
  onPage: (page: number, pageSize: number) => void
  onOpen: (p: ProblemSummary) => void
}

export function ProblemTable(p: Props) {
  const { t, i18n } = useTranslation()
  const labels = useRectLabels()
  // English labels ("Rectified, awaiting sign-off", "Research finding") need wider columns.
  const en = i18n.language === 'en'
  const dash = (v: string | null) => v || '—'

  const columns: TableColumnsType<ProblemSummary> = [
    {
      title: t('rectification.field.code'),
      dataIndex: 'code',
      fixed: 'left',
      width: 130,
      // The whole row opens the problem; the link look only says so.
      render: (code: string, r) => <Typography.Link delete={r.voided}>{code}</Typography.Link>,
    },
    {
      title: t('rectification.field.status'),
      dataIndex: 'status',
      width: en ? 250 : 170,
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <StatusTag status={r.status} voided={r.voided} />
          {r.fixAtOnce && <Tag color="gold">{t('rectification.field.fixAtOnceShort')}</Tag>}
        </span>
      ),
    },
    {
      title: t('rectification.field.description'),
      dataIndex: 'description',
      ellipsis: { showTitle: true },
    },
    {
      title: t('rectification.field.source'),
      dataIndex: 'source',
      width: en ? 140 : 90,
      render: (_, r) => labels.source(r.source),
    },
    { title: t('rectification.field.category'), dataIndex: 'category', width: 90 },
    {
      title: t('rectification.field.responsibleUnit'),
      dataIndex: 'responsibleUnit',
      width: 180,
      ellipsis: true,
    },
    { title: t('rectification.field.foundOn'), dataIndex: 'foundOn', width: 105 },
    {
      title: t('rectification.field.measures'),
      key: 'measures',
      width: 190,
      render: (_, r) => (
        <MeasureProgress done={r.measuresDone} total={r.measuresTotal} overdue={r.measuresOverdue} />
      ),
    },
    {
      title: t('rectification.field.nextDeadline'),
      dataIndex: 'nextDeadline',
      width: 105,
      render: dash,
    },
    {
      title: t('rectification.field.evidence'),
      dataIndex: 'evidenceCount',
      width: 70,
      align: 'right',
    },
  ]

  return (
    <Table<ProblemSummary>
      data-testid="problem-table"
      size="small"
      rowKey={(r) => String(r.id)}
      columns={columns}
      dataSource={p.items}
      loading={p.loading}
      // A fixed scroll width (not max-content) lets the description column shrink to an ellipsis.
      scroll={{ x: en ? 1650 : 1470 }}
      onRow={(r) => ({
        // The spread keeps TypeScript from rejecting a data-* key in an attributes object.
        ...{ 'data-testid': `problem-row-${r.code}` },
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
