import { Button, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLabels } from '../../app/meta'
import type { OrgUnit } from '../../app/types'

interface Props {
  items: OrgUnit[]
  total: number
  loading: boolean
  page: number
  pageSize: number
  scrollY: number
  canManage: boolean
  onPage: (page: number, pageSize: number) => void
  onOpen: (unit: OrgUnit) => void
  onEdit: (unit: OrgUnit) => void
  onMove: (unit: OrgUnit) => void
  onVoid: (unit: OrgUnit) => void
}

export function OrgTable(p: Props) {
  const { t } = useTranslation()
  const labels = useLabels()
  const yesNo = (v: boolean) =>
    v ? <Tag color="green">{t('common.yes')}</Tag> : <Typography.Text type="secondary">—</Typography.Text>

  const columns: TableColumnsType<OrgUnit> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 240,
      render: (name: string, u) => (
        <Button
          type="link"
          size="small"
          style={{
            padding: 0,
            height: 'auto',
            whiteSpace: 'normal',
            textAlign: 'start',
            ...(u.voidedAt ? { color: '#bfbfbf', textDecoration: 'line-through' } : {}),
          }}
          onClick={() => p.onOpen(u)}
        >
          {name}
        </Button>
      ),
    },
    { title: t('org.shortName'), dataIndex: 'shortName', width: 120, ellipsis: true },
    { title: t('org.kind'), dataIndex: 'kind', width: 100, render: (k: string) => labels.kind(k) },
    { title: t('org.code'), dataIndex: 'code', width: 120, render: (c: string | null) => c ?? '—' },
    {
      title: t('org.stage'),
      dataIndex: 'stage',
      width: 110,
      render: (s: string | null) => labels.stage(s) || '—',
    },
    {
      title: t('org.ownership'),
      dataIndex: 'ownership',
      width: 90,
      render: (o: string | null) => labels.ownership(o) || '—',
    },
    { title: t('org.inclusive'), dataIndex: 'inclusive', width: 70, render: yesNo },
    { title: t('org.rural'), dataIndex: 'rural', width: 70, render: yesNo },
    {
      title: t('org.tags'),
      dataIndex: 'tags',
      width: 160,
      render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    {
      title: t('common.status'),
      dataIndex: 'voidedAt',
      width: 90,
      render: (v: string | null, u) =>
        v ? (
          <Tooltip title={t('org.voidedReason', { reason: u.voidReason ?? '' })}>
            <Tag>{t('common.voided')}</Tag>
          </Tooltip>
        ) : (
          <Tag color="blue">{t('common.active')}</Tag>
        ),
    },
  ]
  if (p.canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 170,
      render: (_, u) =>
        u.voidedAt ? null : (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => p.onEdit(u)} data-testid={`org-row-edit-${u.id}`}>
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" onClick={() => p.onMove(u)}>
              {t('common.move')}
            </Button>
            <Button type="link" size="small" danger onClick={() => p.onVoid(u)}>
              {t('common.void')}
            </Button>
          </Space>
        ),
    })
  }

  return (
    <Table<OrgUnit>
      data-testid="org-table"
      size="small"
      rowKey={(u) => String(u.id)}
      columns={columns}
      dataSource={p.items}
      loading={p.loading}
      scroll={{ x: 'max-content', y: p.scrollY }}
      onRow={(u) => ({ style: u.voidedAt ? { color: '#bfbfbf' } : undefined })}
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
