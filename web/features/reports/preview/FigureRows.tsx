import { useQuery } from '@tanstack/react-query'
import { Alert, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { api, type Query } from '../../../app/api'
import type { Page } from '../../../app/types'
import { useLedgers } from '../../statistics/queries'
import type { LedgerRow } from '../../statistics/types'
import type { FigureView } from '../types'

const SHOWN = 20

/** The ledger rows behind an aggregate figure: the first of them, their count, and whether the list is exact. */
export function FigureRows({ figure }: { figure: FigureView }) {
  const { t, i18n } = useTranslation()
  const rq = figure.rowsQuery
  const ledger = useLedgers().data?.find((l) => l.key === rq?.ledger)
  const rows = useQuery({
    queryKey: ['reports', 'figure-rows', rq],
    enabled: rq !== undefined,
    queryFn: ({ signal }) =>
      api.get<Page<LedgerRow>>(
        `/api/statistics/ledgers/${rq?.ledger}/rows`,
        { ...(rq?.query ?? {}), pageSize: SHOWN } as Query,
        signal,
      ),
  })
  if (!rq) return null
  const cellText = (v: unknown) =>
    v === null || v === undefined
      ? ''
      : typeof v === 'boolean'
        ? t(v ? 'common.yes' : 'common.no')
        : String(v)
  const columns = (ledger?.columns ?? []).slice(0, 4).map((c) => ({
    key: c.key,
    title: i18n.language === 'en' ? c.labelEn || c.labelZh : c.labelZh,
    render: (_: unknown, r: LedgerRow) => cellText(r.values[c.key]),
    ellipsis: true,
  }))
  return (
    <div data-testid="figure-rows" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>
        {t('reports.figure.rowsTitle', { count: rows.data?.total ?? 0 })}
      </Typography.Title>
      {!rq.exact && (
        <Alert type="info" showIcon message={t('reports.figure.rowsSuperset')} style={{ marginBottom: 8 }} />
      )}
      <Table<LedgerRow>
        size="small"
        rowKey="id"
        loading={rows.isPending}
        dataSource={rows.data?.items ?? []}
        columns={[
          { key: 'unit', title: t('reports.figure.orgUnit'), dataIndex: 'orgUnit', ellipsis: true },
          ...columns,
        ]}
        pagination={false}
        scroll={{ x: true }}
      />
    </div>
  )
}
