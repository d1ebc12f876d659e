import {
  Button,
  Space,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Tag,
  Typography,
} from 'antd'
import type { SorterResult } from 'antd/es/table/interface'
import { useTranslation } from 'react-i18next'
import { useOrgIndex } from '../../org/queries'
import { useCellText, useColumnTitle } from '../format'
import type { LedgerDefinition, LedgerRow } from '../types'

interface Props {
  ledger: LedgerDefinition
  items: LedgerRow[]
  total: number
  loading: boolean
  page: number
  pageSize: number
  sort?: { key: string; order: 'asc' | 'desc' } | undefined
  canWrite: boolean
  onPage: (page: number, pageSize: number) => void
  onSort: (sort: { key: string; order: 'asc' | 'desc' } | undefined) => void
  onEdit: (row: LedgerRow) => void
  onVoid: (row: LedgerRow) => void
}

const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'warning',
}

/** The ledger's rows, one column per definition column, typed by the column. */
export function RowsTable(p: Props) {
  const { t } = useTranslation()
  const cell = useCellText()
  const title = useColumnTitle()
  const { index } = useOrgIndex(false)
  const unitName = (id: number) => index.byId.get(String(id))?.name
  const numeric = new Set(['integer', 'decimal', 'money', 'percent'])
  const order = (key: string) =>
    p.sort?.key === key ? (p.sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null

  const columns: TableColumnsType<LedgerRow> = [
    {
      title: t('statistics.row.unit'),
      dataIndex: 'orgUnit',
      width: 150,
      ellipsis: true,
      fixed: 'left',
      render: (name: string, r) => <Typography.Text delete={r.voided}>{name}</Typography.Text>,
    },
    ...p.ledger.columns.map((c) => ({
      key: c.key,
      title: title(c),
      align: numeric.has(c.type) ? ('right' as const) : undefined,
      ellipsis: c.type === 'text',
      width: c.type === 'text' ? 180 : c.type === 'date' ? 110 : 120,
      sorter: true,
      sortOrder: order(c.key),
      render: (_: unknown, r: LedgerRow) => cell(c, r.values[c.key] ?? null, unitName),
    })),
    {
      title: t('statistics.row.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string, r) =>
        r.voided ? (
          <Tag>{t('common.voided')}</Tag>
        ) : (
          <Tag color={STATUS_COLOR[s]}>{t(`statistics.status.${s}` as 'statistics.status.draft')}</Tag>
        ),
    },
    ...(p.canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 120,
            fixed: 'right' as const,
            render: (_: unknown, r: LedgerRow) =>
              r.voided ? null : (
                <Space size={4}>
                  <Button
                    size="small"
                    type="link"
                    data-testid={`row-edit-${r.id}`}
                    onClick={() => p.onEdit(r)}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="small"
                    type="link"
                    danger
                    data-testid={`row-void-${r.id}`}
                    onClick={() => p.onVoid(r)}
                  >
                    {t('common.void')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ]

  const onChange = (
    pg: TablePaginationConfig,
    _f: unknown,
    s: SorterResult<LedgerRow> | SorterResult<LedgerRow>[],
  ) => {
    const one = Array.isArray(s) ? s[0] : s
    const key = one?.order ? String(one.columnKey ?? '') : ''
    const next = key
      ? { key, order: one?.order === 'descend' ? ('desc' as const) : ('asc' as const) }
      : undefined
    if (next?.key !== p.sort?.key || next?.order !== p.sort?.order) p.onSort(next)
    else p.onPage(pg.current ?? 1, pg.pageSize ?? p.pageSize)
  }

  return (
    <Table<LedgerRow>
      rowKey="id"
      size="middle"
      data-testid="rows-table"
      columns={columns}
      dataSource={p.items}
      loading={p.loading}
      scroll={{ x: 'max-content' }}
      onChange={onChange}
      pagination={{
        current: p.page,
        pageSize: p.pageSize,
        total: p.total,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { total: n }),
      }}
    />
  )
}
