import { Table, type TableColumnsType, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { usePetitionLabels } from '../labels'
import type { CaseSummary } from '../types'
import { DueCell } from './DueCell'
import { StatusTag } from './StatusTag'

interface Props {
  items: CaseSummary[]
  total: number
  loading: boolean
  page: number
  pageSize: number
  onPage: (page: number, pageSize: number) => void
  onOpen: (c: CaseSummary) => void
  /** Given for users who may tag cases into campaigns; kept across pages. */
  selectedIds?: number[]
  onSelect?: (ids: number[]) => void
}

export function CaseTable(p: Props) {
  const { t } = useTranslation()
  const labels = usePetitionLabels()
  const dash = (v: string | null) => v || '—'

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('petitions.field.caseNo'),
      dataIndex: 'caseNo',
      fixed: 'left',
      width: 140,
      render: (no: string, c) => (
        // The whole row opens the case; the link look only says so.
        <Typography.Link delete={c.voided}>{no}</Typography.Link>
      ),
    },
    { title: t('petitions.field.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    {
      title: t('petitions.field.channel'),
      dataIndex: 'channel',
      width: 80,
      render: (ch: string) => labels.label('channel', ch),
    },
    {
      title: t('petitions.field.categoryDemand'),
      key: 'category',
      width: 200,
      render: (_, c) => (
        <span>
          {c.category}
          <Typography.Text type="secondary"> / {c.demand}</Typography.Text>
        </span>
      ),
    },
    { title: t('petitions.field.petitioner'), dataIndex: 'petitioner', width: 90 },
    { title: t('petitions.field.county'), dataIndex: 'county', width: 90, render: dash },
    { title: t('petitions.field.responsibleUnit'), dataIndex: 'responsibleUnit', width: 140, ellipsis: true },
    {
      title: t('petitions.field.status'),
      dataIndex: 'status',
      width: 100,
      render: (_, c) => <StatusTag status={c.status} voided={c.voided} />,
    },
    {
      title: t('petitions.field.due'),
      dataIndex: 'due',
      width: 180,
      render: (_, c) => <DueCell due={c.due} daysLeft={c.daysLeft} dueState={c.dueState} />,
    },
  ]

  return (
    <Table<CaseSummary>
      data-testid="case-table"
      size="small"
      rowKey={(c) => String(c.id)}
      columns={columns}
      dataSource={p.items}
      loading={p.loading}
      scroll={{ x: 'max-content' }}
      onRow={(c) => ({
        // The spread keeps TypeScript from rejecting a data-* key in an attributes object.
        ...{ 'data-testid': `case-row-${c.caseNo}` },
        onClick: (e) => {
          // Ticking a row's checkbox selects it; only the rest of the row opens the case.
          if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return
          p.onOpen(c)
        },
        style: { cursor: 'pointer', ...(c.voided ? { color: '#bfbfbf' } : {}) },
      })}
      rowSelection={
        p.onSelect
          ? {
              selectedRowKeys: (p.selectedIds ?? []).map(String),
              preserveSelectedRowKeys: true,
              onChange: (keys) => p.onSelect?.(keys.map(Number)),
            }
          : undefined
      }
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
