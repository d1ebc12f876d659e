import { DownloadOutlined, ExportOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { Button, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download, type Query } from '../../../app/api'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { canWriteProblems } from '../labels'
import { useProblems } from '../queries'
import type { ProblemFilters } from '../types'
import { ProblemDrawer } from './ProblemDrawer'
import { ProblemFilterBar } from './ProblemFilterBar'
import { ProblemFormDrawer } from './ProblemFormDrawer'
import { downloadTemplate, ProblemImportDialog } from './ProblemImportDialog'
import { ProblemTable } from './ProblemTable'

/** 问题清单: filter, page, open; register, import and export for those who keep the list. */
export function ProblemsTab() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const showError = useShowError()
  const canWrite = canWriteProblems(user?.role)
  const [filters, setFilters] = useState<ProblemFilters>({})
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [openId, setOpenId] = useState<number | null>(null)
  const [registering, setRegistering] = useState(false)
  const [importOpen, setImportOpen] = useState(false)
  const problems = useProblems(filters, paging.page, paging.pageSize)

  const onFilters = (next: ProblemFilters) => {
    setFilters(next)
    // A new filter starts at page 1.
    setPaging((p) => ({ ...p, page: 1 }))
  }
  const exportXlsx = () =>
    download('/api/rectification/problems/export.xlsx', filters as Query, 'problems.xlsx').catch(
      (err: unknown) => showError(err),
    )

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <ProblemFilterBar value={filters} onChange={onFilters} />
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" style={{ flex: 1 }} data-testid="problem-count">
          {t('rectification.found', { count: problems.data?.total ?? 0 })}
        </Typography.Text>
        <Space wrap size={8}>
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="problem-register"
              onClick={() => setRegistering(true)}
            >
              {t('rectification.register')}
            </Button>
          )}
          {canWrite && (
            <Button
              icon={<UploadOutlined />}
              data-testid="problem-import"
              onClick={() => setImportOpen(true)}
            >
              {t('rectification.import')}
            </Button>
          )}
          {canWrite && (
            <Button
              icon={<DownloadOutlined />}
              data-testid="problem-template"
              onClick={() => downloadTemplate().catch((err: unknown) => showError(err))}
            >
              {t('rectification.template')}
            </Button>
          )}
          <Button icon={<ExportOutlined />} data-testid="problem-export" onClick={exportXlsx}>
            {t('rectification.export')}
          </Button>
        </Space>
      </div>
      <ProblemTable
        items={problems.data?.items ?? []}
        total={problems.data?.total ?? 0}
        loading={problems.isFetching}
        page={paging.page}
        pageSize={paging.pageSize}
        onPage={(page, pageSize) => setPaging({ page, pageSize })}
        onOpen={(p) => setOpenId(p.id)}
      />
      <ProblemDrawer problemId={openId} onClose={() => setOpenId(null)} />
      <ProblemFormDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onSaved={(p) => {
          setRegistering(false)
          setOpenId(p.id)
        }}
      />
      <ProblemImportDialog open={importOpen} onClose={() => setImportOpen(false)} />
    </Space>
  )
}
