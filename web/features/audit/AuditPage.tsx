import { ExportOutlined, SafetyCertificateOutlined } from '@ant-design/icons'
import { AutoComplete, Button, Card, DatePicker, Input, Space, Table, type TableColumnsType } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../app/api'
import { useShowError } from '../../app/feedback'
import { useDebounced } from '../../app/hooks/useDebounced'
import type { AuditEntry, AuditVerifyResult } from '../../app/types'
import { AuditDiff } from './AuditDiff'
import { type AuditFilters, useAudit, useVerifyChain } from './queries'
import { VerifyResultModal } from './VerifyResultModal'

// Entities the foundation writes; the filter still accepts any text for modules added later.
const KNOWN_ENTITIES = ['org_unit', 'user', 'session', 'job']

interface FilterInput {
  entity: string
  entityId: string
  actor: string
  action: string
  range: [Dayjs | null, Dayjs | null] | null
}

const empty: FilterInput = { entity: '', entityId: '', actor: '', action: '', range: null }

function toQuery(f: FilterInput): AuditFilters {
  return {
    entity: f.entity.trim() || undefined,
    entityId: f.entityId.trim() || undefined,
    actor: f.actor.trim() || undefined,
    action: f.action.trim() || undefined,
    from: f.range?.[0]?.startOf('day').toISOString(),
    to: f.range?.[1]?.endOf('day').toISOString(),
  }
}

export default function AuditPage() {
  const { t } = useTranslation()
  const showError = useShowError()
  const [input, setInput] = useState<FilterInput>(empty)
  // Debounce the serialised filters: a fresh object every render would never settle.
  const filterKey = useDebounced(JSON.stringify(toQuery(input)), 400)
  const filters = useMemo(() => JSON.parse(filterKey) as AuditFilters, [filterKey])
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [verifyResult, setVerifyResult] = useState<AuditVerifyResult | null>(null)
  const verify = useVerifyChain()

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts at page 1
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [filterKey])
  const audit = useAudit(filters, paging.page, paging.pageSize)
  const set = (patch: Partial<FilterInput>) => setInput((prev) => ({ ...prev, ...patch }))

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 180,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 160,
      render: (name: string | null, e) => name ?? (e.actorId === null ? '—' : String(e.actorId)),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      // Known actions read as words; the code stays visible for filtering and for new modules.
      render: (a: string) => (
        <span title={a}>{t(`audit.actions.${a.replace(/\./g, '_')}`, { defaultValue: a })}</span>
      ),
    },
    {
      title: t('audit.entity'),
      dataIndex: 'entity',
      width: 140,
      render: (e: string) => t(`audit.entities.${e}`, { defaultValue: e }),
    },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (id: unknown) => (id === null ? '—' : String(id)),
    },
  ]

  return (
    <Card
      title={t('audit.title')}
      style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
      styles={{ body: { flex: 1, minHeight: 0, overflow: 'auto' } }}
      extra={
        <Space>
          <Button
            icon={<ExportOutlined />}
            data-testid="audit-export"
            onClick={() =>
              download('/api/audit/export.xlsx', { ...filters }, 'audit.xlsx').catch((err: unknown) =>
                showError(err),
              )
            }
          >
            {t('org.export')}
          </Button>
          <Button
            icon={<SafetyCertificateOutlined />}
            loading={verify.isPending}
            data-testid="audit-verify"
            onClick={() =>
              verify.mutate(undefined, { onSuccess: setVerifyResult, onError: (err) => showError(err) })
            }
          >
            {t('audit.verify')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <AutoComplete
          data-testid="audit-filter-entity"
          placeholder={t('audit.entity')}
          value={input.entity}
          onChange={(v: string) => set({ entity: v })}
          options={KNOWN_ENTITIES.map((e) => ({ value: e }))}
          allowClear
          style={{ width: 160 }}
        />
        <Input
          data-testid="audit-filter-entity-id"
          placeholder={t('audit.entityId')}
          value={input.entityId}
          onChange={(e) => set({ entityId: e.target.value })}
          allowClear
          style={{ width: 130 }}
        />
        <Input
          data-testid="audit-filter-actor"
          placeholder={t('audit.actorPlaceholder')}
          value={input.actor}
          onChange={(e) => set({ actor: e.target.value })}
          allowClear
          style={{ width: 180 }}
        />
        <Input
          data-testid="audit-filter-action"
          placeholder={t('audit.action')}
          value={input.action}
          onChange={(e) => set({ action: e.target.value })}
          allowClear
          style={{ width: 160 }}
        />
        <DatePicker.RangePicker
          data-testid="audit-filter-range"
          value={input.range}
          onChange={(range) => set({ range })}
        />
        <Button onClick={() => setInput(empty)}>{t('common.reset')}</Button>
      </Space>
      <Table<AuditEntry>
        data-testid="audit-table"
        size="small"
        rowKey={(e) => String(e.id)}
        columns={columns}
        dataSource={audit.data?.items ?? []}
        loading={audit.isFetching}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (e) => <AuditDiff entry={e} />,
          rowExpandable: (e) => e.before !== null || e.after !== null,
        }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: audit.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      <VerifyResultModal result={verifyResult} onClose={() => setVerifyResult(null)} />
    </Card>
  )
}
