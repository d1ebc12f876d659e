import { Select, Space, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSnapshots, useTemplates } from '../queries'
import type { SnapshotSummary } from '../types'
import { SnapshotDetail } from './SnapshotDetail'

interface Props {
  open: number | null
  onOpen: (id: number | null) => void
}

/** The kept reports: a list, and the one opened (its id in the URL). */
export function SnapshotsTab({ open, onOpen }: Props) {
  const { t } = useTranslation()
  const [template, setTemplate] = useState<string | undefined>()
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const templates = useTemplates(true).data ?? []
  const list = useSnapshots({ template }, page, pageSize)

  if (open !== null) return <SnapshotDetail id={open} onBack={() => onOpen(null)} />

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Select
        allowClear
        style={{ width: 320 }}
        value={template}
        onChange={(v) => {
          setTemplate(v)
          setPage(1)
        }}
        placeholder={t('reports.snapshots.allTemplates')}
        options={templates.map((x) => ({ value: x.key, label: x.title }))}
        data-testid="snapshots-template"
      />
      <Table<SnapshotSummary>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        data-testid="snapshots-table"
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(p)
            setPageSize(s)
          },
        }}
        columns={[
          {
            title: t('reports.snapshots.title'),
            dataIndex: 'title',
            render: (v: string, r) => (
              <Typography.Link data-testid={`snapshot-open-${r.id}`}>{v}</Typography.Link>
            ),
          },
          { title: t('reports.snapshots.period'), dataIndex: 'period' },
          { title: t('reports.orgUnit'), dataIndex: 'orgName' },
          {
            title: t('reports.snapshots.template'),
            key: 'template',
            render: (_: unknown, r) => (
              <span>
                <code>{r.template}</code> {t('reports.versionNo', { n: r.templateVersion })}
              </span>
            ),
          },
          { title: t('reports.snapshots.figures'), dataIndex: 'figures', align: 'right' },
          {
            title: t('reports.snapshots.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </Space>
  )
}
