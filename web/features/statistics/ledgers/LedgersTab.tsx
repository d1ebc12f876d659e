import { DownloadOutlined, ExportOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { Button, Checkbox, DatePicker, Empty, Input, Select, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { useAuth } from '../../../app/auth'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { canWriteRows } from '../access'
import { useBilingual } from '../format'
import { rowsQuery, useRows, useVoidRow } from '../queries'
import { type LedgerDefinition, type LedgerRow, type RowFilters, SUBMISSION_STATUSES } from '../types'
import { LedgerImportDialog } from './LedgerImportDialog'
import { RowFormDrawer } from './RowFormDrawer'
import { RowsTable } from './RowsTable'

/** One ledger's rows: filters, the table, add / edit / void, import, template and export. */
export function LedgerRows({ ledger }: { ledger: LedgerDefinition }) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const name = useBilingual()
  const showError = useShowError()
  const canWrite = canWriteRows(user?.role)
  const [filters, setFilters] = useState<RowFilters>({})
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [editing, setEditing] = useState<LedgerRow | 'new' | null>(null)
  const [voiding, setVoiding] = useState<LedgerRow | null>(null)
  const [importOpen, setImportOpen] = useState(false)
  const rows = useRows(ledger.key, filters, paging.page, paging.pageSize)
  const voidRow = useVoidRow(ledger.key)

  const patch = (p: Partial<RowFilters>) => {
    setFilters((f) => ({ ...f, ...p }))
    setPaging((x) => ({ ...x, page: 1 }))
  }
  const base = `/api/statistics/ledgers/${ledger.key}`
  const exportXlsx = () =>
    download(`${base}/rows/export.xlsx`, rowsQuery(filters), `${ledger.key}.xlsx`).catch((err: unknown) =>
      showError(err),
    )
  const template = () =>
    download(`${base}/import-template.xlsx`, undefined, `${ledger.key}-template.xlsx`).catch((err: unknown) =>
      showError(err),
    )

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap size={8} data-testid="rows-filters">
        {ledger.periodKind !== 'none' && (
          <DatePicker
            picker="year"
            placeholder={t('statistics.filters.period')}
            value={filters.year ? dayjs(`${filters.year}-01-01`) : null}
            onChange={(d) => patch({ year: d ? d.format('YYYY') : undefined })}
            data-testid="rows-year"
          />
        )}
        <div style={{ width: 240 }}>
          <OrgTreeSelect
            value={filters.orgUnitId}
            onChange={(id) => patch({ orgUnitId: id })}
            placeholder={t('statistics.filters.unit')}
            data-testid="rows-unit"
          />
        </div>
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('statistics.filters.status')}
          value={filters.status}
          onChange={(status) => patch({ status })}
          options={SUBMISSION_STATUSES.map((s) => ({ value: s, label: t(`statistics.status.${s}`) }))}
        />
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('statistics.filters.search')}
          onSearch={(q) => patch({ q: q.trim() || undefined })}
          data-testid="rows-search"
        />
        <Checkbox
          checked={!!filters.includeVoided}
          onChange={(e) => patch({ includeVoided: e.target.checked })}
        >
          {t('common.showVoided')}
        </Checkbox>
      </Space>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" style={{ flex: 1 }} data-testid="rows-count">
          {t('statistics.rowsFound', { count: rows.data?.total ?? 0 })}
        </Typography.Text>
        <Space wrap size={8}>
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="row-add"
              onClick={() => setEditing('new')}
            >
              {t('statistics.row.add')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<UploadOutlined />} data-testid="rows-import" onClick={() => setImportOpen(true)}>
              {t('statistics.import.button')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} data-testid="rows-template" onClick={template}>
            {t('statistics.template')}
          </Button>
          <Button icon={<ExportOutlined />} data-testid="rows-export" onClick={exportXlsx}>
            {t('statistics.export')}
          </Button>
        </Space>
      </div>
      <RowsTable
        ledger={ledger}
        items={rows.data?.items ?? []}
        total={rows.data?.total ?? 0}
        loading={rows.isFetching}
        page={paging.page}
        pageSize={paging.pageSize}
        sort={filters.sort ? { key: filters.sort, order: filters.order ?? 'asc' } : undefined}
        canWrite={canWrite}
        onPage={(page, pageSize) => setPaging({ page, pageSize })}
        onSort={(s) => patch({ sort: s?.key, order: s?.order })}
        onEdit={(r) => setEditing(r)}
        onVoid={(r) => setVoiding(r)}
      />
      <RowFormDrawer
        ledger={ledger}
        open={editing !== null}
        row={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
      />
      <VoidModal
        open={voiding !== null}
        name={`${name(ledger)} · ${t('statistics.row.voidName', { id: voiding?.id ?? '' })}`}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? voidRow.mutateAsync({ id: voiding.id, version: voiding.version, reason })
            : Promise.resolve()
        }
      />
      <LedgerImportDialog
        ledger={ledger}
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onSucceeded={() => void rows.refetch()}
      />
    </Space>
  )
}

/** The ledgers tab: pick a ledger (kept in the URL), then its rows. */
export function LedgersTab({
  ledgers,
  loading,
  picked,
  picker,
}: {
  ledgers: LedgerDefinition[]
  loading: boolean
  picked: LedgerDefinition | undefined
  picker: ReactNode
}) {
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {picker}
      {picked ? (
        <LedgerRows key={picked.key} ledger={picked} />
      ) : !loading && ledgers.length === 0 ? (
        <Empty />
      ) : null}
    </Space>
  )
}
