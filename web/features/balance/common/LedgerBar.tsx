import { DownloadOutlined, ExportOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { Button, Checkbox, DatePicker, Input, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import { useToday } from '../../../app/hooks/useToday'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { B, type LedgerKind, ledgerQuery } from '../queries'
import type { LedgerFilters } from '../types'

interface Props {
  kind: LedgerKind
  filters: LedgerFilters
  onFilters: (patch: Partial<LedgerFilters>) => void
  total: number
  canWrite: boolean
  onAdd: () => void
  onImport: () => void
}

/** Filters (year, unit, search, voided) and the actions of one balance ledger. */
export function LedgerBar({ kind, filters, onFilters, total, canWrite, onAdd, onImport }: Props) {
  const { t } = useTranslation()
  const showError = useShowError()
  const thisYear = Number(useToday().slice(0, 4))
  const fail = (err: unknown) => showError(err)
  const exportXlsx = () =>
    download(`${B}/${kind}/export.xlsx`, ledgerQuery(filters), `${kind}.xlsx`).catch(fail)
  const template = () =>
    download(`${B}/${kind}/import-template.xlsx`, undefined, `${kind}-template.xlsx`).catch(fail)

  return (
    <>
      <Space wrap size={8} data-testid={`${kind}-filters`}>
        <DatePicker
          picker="year"
          placeholder={t('balance.year')}
          value={filters.year ? dayjs(`${filters.year}-01-01`) : null}
          disabledDate={(d) => d.year() > thisYear}
          onChange={(d) => onFilters({ year: d ? d.year() : undefined })}
          data-testid={`${kind}-year`}
        />
        <div style={{ width: 240 }}>
          <OrgTreeSelect
            value={filters.orgUnitId}
            onChange={(id) => onFilters({ orgUnitId: id })}
            placeholder={t('balance.ledger.unit')}
            data-testid={`${kind}-unit`}
          />
        </div>
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t(kind === 'resources' ? 'balance.ledger.search' : 'balance.ledger.searchKg')}
          onSearch={(q) => onFilters({ q: q.trim() || undefined })}
          data-testid={`${kind}-search`}
        />
        <Checkbox
          checked={!!filters.includeVoided}
          onChange={(e) => onFilters({ includeVoided: e.target.checked })}
          data-testid={`${kind}-voided`}
        >
          {t('common.showVoided')}
        </Checkbox>
      </Space>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" style={{ flex: 1 }} data-testid={`${kind}-count`}>
          {t('balance.ledger.found', { count: total })}
        </Typography.Text>
        <Space wrap size={8}>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} data-testid={`${kind}-add`} onClick={onAdd}>
              {t('balance.ledger.add')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<UploadOutlined />} data-testid={`${kind}-import`} onClick={onImport}>
              {t('balance.ledger.import')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<DownloadOutlined />} data-testid={`${kind}-template`} onClick={template}>
              {t('balance.ledger.template')}
            </Button>
          )}
          <Button icon={<ExportOutlined />} data-testid={`${kind}-export`} onClick={exportXlsx}>
            {t('balance.ledger.export')}
          </Button>
        </Space>
      </div>
    </>
  )
}

/** The import job's result, as the ledgers' import dialogs describe it. */
export function importResultText(
  t: (k: 'balance.ledger.importResult', o: Record<string, number>) => string,
  result: unknown,
): string {
  const r = (result ?? {}) as { created?: number; updated?: number; unchanged?: number }
  return t('balance.ledger.importResult', {
    created: r.created ?? 0,
    updated: r.updated ?? 0,
    unchanged: r.unchanged ?? 0,
  })
}
