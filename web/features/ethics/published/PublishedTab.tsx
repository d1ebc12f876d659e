import { Button, Space, Table, type TableColumnsType, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CaseFilterBar } from '../cases/CaseFilterBar'
import { PublicSummary } from '../cases/PublicSummary'
import { useEthicsLabels } from '../labels'
import { useCases } from '../queries'
import type { CaseFilters, CaseSummary } from '../types'
import { FigureCards } from './FigureCards'

/**
 * 典型案例通报: the figures of the scope (or of the school or county filtered on), then the
 * published cases, each opening onto its public summary, ready to copy.
 */
export function PublishedTab() {
  const { t } = useTranslation()
  const labels = useEthicsLabels()
  const [filters, setFilters] = useState<CaseFilters>({ published: 'true' })
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [expanded, setExpanded] = useState<number[]>([])
  const cases = useCases(filters, paging.page, paging.pageSize)

  const toggle = (id: number) =>
    setExpanded((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]))

  const columns: TableColumnsType<CaseSummary> = [
    { title: t('ethics.field.caseNo'), dataIndex: 'caseNo', width: 120 },
    { title: t('ethics.field.publishedOn'), dataIndex: 'publishedOn', width: 110 },
    { title: t('ethics.field.occurredOn'), dataIndex: 'occurredOn', width: 110 },
    { title: t('ethics.field.violationType'), dataIndex: 'violationType', width: 130 },
    {
      title: t('ethics.field.handling'),
      dataIndex: 'handling',
      width: 100,
      render: (_, c) => labels.handling(c.handling),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Button
          type="link"
          size="small"
          onClick={() => toggle(c.id)}
          data-testid={`ethics-public-open-${c.caseNo}`}
        >
          {expanded.includes(c.id) ? t('ethics.public.hide') : t('ethics.public.show')}
        </Button>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <FigureCards unitId={filters.schoolId} />
      <Typography.Text type="secondary">{t('ethics.public.intro')}</Typography.Text>
      <CaseFilterBar
        value={filters}
        hidePublished
        onChange={(next) => {
          setFilters({ ...next, published: 'true' })
          setPaging((p) => ({ ...p, page: 1 }))
        }}
      />
      <Table<CaseSummary>
        data-testid="ethics-published-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={cases.data?.items ?? []}
        loading={cases.isFetching}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (_, c) => toggle(c.id),
          // Fetched when opened: a page of summaries is a page of requests otherwise.
          expandedRowRender: (c) => <PublicSummary caseId={c.id} />,
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: cases.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </Space>
  )
}
