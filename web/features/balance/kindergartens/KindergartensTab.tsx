import { Button, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { VoidModal } from '../../../app/components/VoidModal'
import { ImportDialog } from '../../jobs/ImportDialog'
import { canWriteBalance } from '../access'
import { importResultText, LedgerBar } from '../common/LedgerBar'
import { countText, NO_TREE } from '../format'
import { B, useLedgerRows, useRefreshBalance, useVoidRow } from '../queries'
import type { EnrolmentRow, LedgerFilters } from '../types'
import { EnrolmentDrawer } from './EnrolmentDrawer'
import { PreschoolCards } from './PreschoolCards'

/** 幼儿园: the preschool figures of the year, then the enrolment ledger behind them. */
export function KindergartensTab({
  year,
  onYear,
}: {
  year: number | undefined
  onYear: (y: number) => void
}) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const canWrite = canWriteBalance(user?.role)
  const [filters, setFilters] = useState<LedgerFilters>({})
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [editing, setEditing] = useState<EnrolmentRow | 'new' | null>(null)
  const [voiding, setVoiding] = useState<EnrolmentRow | null>(null)
  const [importOpen, setImportOpen] = useState(false)
  const rows = useLedgerRows<EnrolmentRow>('kindergartens', filters, paging.page, paging.pageSize)
  const voidRow = useVoidRow('kindergartens')
  const refresh = useRefreshBalance()

  const columns: TableColumnsType<EnrolmentRow> = [
    {
      key: 'kg',
      title: t('balance.kg.name'),
      render: (_: unknown, r) => <Typography.Text delete={r.voided}>{r.kindergarten}</Typography.Text>,
    },
    { key: 'county', title: t('balance.coef.county'), render: (_: unknown, r) => r.county?.name ?? '' },
    { key: 'year', title: t('balance.year'), dataIndex: 'year', width: 90 },
    {
      key: 'ownership',
      title: t('balance.kg.ownership'),
      render: (_: unknown, r) => (r.ownership ? t(`enums.ownership.${r.ownership}`) : '—'),
    },
    {
      key: 'inclusive',
      title: t('balance.kg.inclusive'),
      render: (_: unknown, r) => (r.inclusive ? <Tag color="green">{t('common.yes')}</Tag> : t('common.no')),
    },
    {
      key: 'children',
      title: t('balance.kg.children'),
      align: 'right',
      render: (_: unknown, r) => countText(r.children),
    },
    {
      key: 'new',
      title: t('balance.kg.newPlaces'),
      align: 'right',
      render: (_: unknown, r) => countText(r.newInclusivePlaces),
    },
    {
      key: 'source',
      title: t('balance.ledger.source'),
      render: (_: unknown, r) =>
        r.voided ? (
          <Tooltip title={r.voidReason}>
            <Tag>{t('common.voided')}</Tag>
          </Tooltip>
        ) : (
          t(`balance.ledger.sources.${r.source}` as 'balance.ledger.sources.manual', {
            defaultValue: r.source,
          })
        ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 120,
            render: (_: unknown, r: EnrolmentRow) =>
              r.voided ? null : (
                <Space size={4}>
                  <Button
                    size="small"
                    type="link"
                    data-testid={`enrolment-edit-${r.id}`}
                    onClick={() => setEditing(r)}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    danger
                    data-testid={`enrolment-void-${r.id}`}
                    onClick={() => setVoiding(r)}
                  >
                    {t('common.void')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ]

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <PreschoolCards year={year} onYear={onYear} />
      <LedgerBar
        kind="kindergartens"
        filters={filters}
        onFilters={(p) => {
          setFilters((x) => ({ ...x, ...p }))
          setPaging((x) => ({ ...x, page: 1 }))
        }}
        total={rows.data?.total ?? 0}
        canWrite={canWrite}
        onAdd={() => setEditing('new')}
        onImport={() => setImportOpen(true)}
      />
      <Table<EnrolmentRow>
        rowKey="id"
        size="middle"
        data-testid="kindergartens-table"
        // The rows' `children` is a head count, not tree data.
        expandable={NO_TREE}
        columns={columns}
        dataSource={rows.data?.items ?? []}
        loading={rows.isFetching}
        onChange={(pg) => setPaging({ page: pg.current ?? 1, pageSize: pg.pageSize ?? 20 })}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { total: n }),
        }}
      />
      <EnrolmentDrawer
        open={editing !== null}
        row={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
      />
      <VoidModal
        open={voiding !== null}
        name={voiding ? t('balance.ledger.voidName', { unit: voiding.kindergarten, year: voiding.year }) : ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? voidRow.mutateAsync({ id: voiding.id, version: voiding.version, reason })
            : Promise.resolve()
        }
      />
      <ImportDialog
        open={importOpen}
        title={t('balance.ledger.importKindergartens')}
        uploadUrl={`${B}/kindergartens/import`}
        onClose={() => setImportOpen(false)}
        onSucceeded={refresh}
        renderResult={(r) => importResultText(t, r)}
      />
    </Space>
  )
}
