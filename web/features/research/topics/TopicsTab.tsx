import { DownloadOutlined, ExportOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { Button, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download, type Query } from '../../../app/api'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { ImportDialog } from '../../jobs/ImportDialog'
import { canWriteResearch } from '../labels'
import { useTopics } from '../queries'
import type { TopicFilters } from '../types'
import { TopicFilterBar } from './TopicFilterBar'
import { TopicFormDrawer } from './TopicFormDrawer'
import { TopicTable } from './TopicTable'

/** The topic ledger: filters, the table, and create / import / export. */
export function TopicsTab({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const showError = useShowError()
  // The server enforces permissions; the web only hides what would be refused anyway.
  const canWrite = canWriteResearch(user?.role)
  const [filters, setFilters] = useState<TopicFilters>({})
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [creating, setCreating] = useState(false)
  const [importOpen, setImportOpen] = useState(false)
  const topics = useTopics(filters, paging.page, paging.pageSize)

  const onFilters = (next: TopicFilters) => {
    setFilters(next)
    // A new filter starts at page 1.
    setPaging((p) => ({ ...p, page: 1 }))
  }
  const exportXlsx = () =>
    download('/api/research/topics/export.xlsx', filters as Query, 'research-topics.xlsx').catch(
      (err: unknown) => showError(err),
    )
  const downloadTemplate = () =>
    download('/api/research/import-template.xlsx', undefined, 'research-topics-template.xlsx').catch(
      (err: unknown) => showError(err),
    )

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <TopicFilterBar value={filters} onChange={onFilters} />
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" style={{ flex: 1 }} data-testid="topic-count">
          {t('research.found', { count: topics.data?.total ?? 0 })}
        </Typography.Text>
        <Space wrap size={8}>
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="topic-create"
              onClick={() => setCreating(true)}
            >
              {t('research.create')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<UploadOutlined />} data-testid="topic-import" onClick={() => setImportOpen(true)}>
              {t('research.import')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<DownloadOutlined />} data-testid="topic-template" onClick={downloadTemplate}>
              {t('research.template')}
            </Button>
          )}
          <Button icon={<ExportOutlined />} data-testid="topic-export" onClick={exportXlsx}>
            {t('research.export')}
          </Button>
        </Space>
      </div>
      <TopicTable
        items={topics.data?.items ?? []}
        total={topics.data?.total ?? 0}
        loading={topics.isFetching}
        page={paging.page}
        pageSize={paging.pageSize}
        onPage={(page, pageSize) => setPaging({ page, pageSize })}
        onOpen={(x) => onOpen(x.id)}
      />
      <TopicFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(x) => {
          setCreating(false)
          onOpen(x.id)
        }}
      />
      <ImportDialog
        open={importOpen}
        title={t('research.importTitle')}
        uploadUrl="/api/research/import"
        onClose={() => setImportOpen(false)}
        onSucceeded={() => void topics.refetch()}
        renderResult={(r) => {
          const x = r as { created?: number; updated?: number; unchanged?: number }
          return t('research.importResult', {
            created: x.created ?? 0,
            updated: x.updated ?? 0,
            unchanged: x.unchanged ?? 0,
          })
        }}
      />
    </Space>
  )
}
