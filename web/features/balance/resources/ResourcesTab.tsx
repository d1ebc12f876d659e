import { Button, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { VoidModal } from '../../../app/components/VoidModal'
import { ImportDialog } from '../../jobs/ImportDialog'
import { canWriteBalance } from '../access'
import { importResultText, LedgerBar } from '../common/LedgerBar'
import { countText, wanText } from '../format'
import { B, useLedgerRows, useRefreshBalance, useVoidRow } from '../queries'
import type { LedgerFilters, ResourceRow } from '../types'
import { ResourceDrawer } from './ResourceDrawer'

const triple = (a: number, b: number, c: number) => `${countText(a)} / ${countText(b)} / ${countText(c)}`

/** 办学条件: the school resource ledger, one row per school and year. */
export function ResourcesTab() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const canWrite = canWriteBalance(user?.role)
  const [filters, setFilters] = useState<LedgerFilters>({})
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [editing, setEditing] = useState<ResourceRow | 'new' | null>(null)
  const [voiding, setVoiding] = useState<ResourceRow | null>(null)
  const [importOpen, setImportOpen] = useState(false)
  const rows = useLedgerRows<ResourceRow>('resources', filters, paging.page, paging.pageSize)
  const voidRow = useVoidRow('resources')
  const refresh = useRefreshBalance()
  const f = (k: string) => t(`balance.res.fields.${k}` as 'balance.res.fields.books')

  const columns: TableColumnsType<ResourceRow> = [
    {
      key: 'school',
      title: t('balance.res.school'),
      fixed: 'left',
      width: 220,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          <Typography.Text delete={r.voided}>{r.school}</Typography.Text>
          {r.exclusion && (
            <Tooltip title={t('balance.res.exclusion')}>
              <Tag>{t(`balance.res.exclusions.${r.exclusion}`)}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: 'county',
      title: t('balance.coef.county'),
      width: 100,
      render: (_: unknown, r) => r.county?.name ?? '',
    },
    { key: 'year', title: t('balance.year'), dataIndex: 'year', width: 80 },
    {
      key: 'pupils',
      title: t('balance.res.pupils'),
      align: 'right',
      render: (_: unknown, r) => triple(r.pupilsPrimary, r.pupilsJunior, r.pupilsSenior),
    },
    {
      key: 'teachers',
      title: t('balance.res.teachers'),
      align: 'right',
      render: (_: unknown, r) => triple(r.teachersPrimary, r.teachersJunior, r.teachersSenior),
    },
    {
      key: 'floor',
      title: f('floorArea'),
      align: 'right',
      render: (_: unknown, r) => countText(r.floorArea),
    },
    {
      key: 'sports',
      title: f('sportsArea'),
      align: 'right',
      render: (_: unknown, r) => countText(r.sportsArea),
    },
    {
      key: 'equipment',
      title: f('equipmentFen'),
      align: 'right',
      render: (_: unknown, r) => wanText(r.equipmentFen),
    },
    {
      key: 'mm',
      title: f('multimediaRooms'),
      align: 'right',
      render: (_: unknown, r) => countText(r.multimediaRooms),
    },
    { key: 'pc', title: f('computers'), align: 'right', render: (_: unknown, r) => countText(r.computers) },
    { key: 'books', title: f('books'), align: 'right', render: (_: unknown, r) => countText(r.books) },
    {
      key: 'source',
      title: t('balance.ledger.source'),
      width: 80,
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
            fixed: 'right' as const,
            render: (_: unknown, r: ResourceRow) =>
              r.voided ? null : (
                <Space size={4}>
                  <Button
                    size="small"
                    type="link"
                    data-testid={`resource-edit-${r.id}`}
                    onClick={() => setEditing(r)}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    danger
                    data-testid={`resource-void-${r.id}`}
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
      <LedgerBar
        kind="resources"
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
      <Table<ResourceRow>
        rowKey="id"
        size="middle"
        data-testid="resources-table"
        columns={columns}
        dataSource={rows.data?.items ?? []}
        loading={rows.isFetching}
        scroll={{ x: 'max-content' }}
        onChange={(pg) => setPaging({ page: pg.current ?? 1, pageSize: pg.pageSize ?? 20 })}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { total: n }),
        }}
      />
      <ResourceDrawer
        open={editing !== null}
        row={editing === 'new' || editing === null ? undefined : editing}
        onClose={() => setEditing(null)}
      />
      <VoidModal
        open={voiding !== null}
        name={voiding ? t('balance.ledger.voidName', { unit: voiding.school, year: voiding.year }) : ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? voidRow.mutateAsync({ id: voiding.id, version: voiding.version, reason })
            : Promise.resolve()
        }
      />
      <ImportDialog
        open={importOpen}
        title={t('balance.ledger.importResources')}
        uploadUrl={`${B}/resources/import`}
        onClose={() => setImportOpen(false)}
        onSucceeded={refresh}
        renderResult={(r) => importResultText(t, r)}
      />
    </Space>
  )
}
