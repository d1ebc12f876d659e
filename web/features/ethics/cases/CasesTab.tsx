import { DownloadOutlined, ExportOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { Button, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download, type Query } from '../../../app/api'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { CaseImportDialog, downloadCaseTemplate } from '../importing/CaseImportDialog'
import { canWriteEthics } from '../labels'
import { useCases } from '../queries'
import type { CaseFilters } from '../types'
import { CaseDrawer } from './CaseDrawer'
import { CaseFilterBar } from './CaseFilterBar'
import { CaseFormDrawer } from './CaseFormDrawer'
import { CaseTable } from './CaseTable'

/** The case ledger: filter, page, open; register, import and export for those who keep it. */
export function CasesTab() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const showError = useShowError()
  const canWrite = canWriteEthics(user?.role)
  const [filters, setFilters] = useState<CaseFilters>({})
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [openId, setOpenId] = useState<number | null>(null)
  const [registering, setRegistering] = useState(false)
  const [importOpen, setImportOpen] = useState(false)
  const cases = useCases(filters, paging.page, paging.pageSize)

  const onFilters = (next: CaseFilters) => {
    setFilters(next)
    setPaging((p) => ({ ...p, page: 1 }))
  }
  const exportXlsx = () =>
    download('/api/ethics/export.xlsx', filters as Query, 'ethics-cases.xlsx').catch((err: unknown) =>
      showError(err),
    )

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <CaseFilterBar value={filters} onChange={onFilters} />
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          {t('ethics.found', { count: cases.data?.total ?? 0 })}
          {' · '}
          {t('ethics.maskedNote')}
        </Typography.Text>
        <Space wrap size={8}>
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="ethics-register"
              onClick={() => setRegistering(true)}
            >
              {t('ethics.register')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<UploadOutlined />} data-testid="ethics-import" onClick={() => setImportOpen(true)}>
              {t('ethics.importing.button')}
            </Button>
          )}
          {canWrite && (
            <Button
              icon={<DownloadOutlined />}
              data-testid="ethics-template"
              onClick={() => downloadCaseTemplate().catch((err: unknown) => showError(err))}
            >
              {t('ethics.importing.template')}
            </Button>
          )}
          <Button icon={<ExportOutlined />} data-testid="ethics-export" onClick={exportXlsx}>
            {t('ethics.export')}
          </Button>
        </Space>
      </div>
      <CaseTable
        items={cases.data?.items ?? []}
        total={cases.data?.total ?? 0}
        loading={cases.isFetching}
        page={paging.page}
        pageSize={paging.pageSize}
        onPage={(page, pageSize) => setPaging({ page, pageSize })}
        onOpen={(c) => setOpenId(c.id)}
      />
      <CaseDrawer caseId={openId} onClose={() => setOpenId(null)} />
      <CaseFormDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onSaved={(c) => {
          setRegistering(false)
          setOpenId(c.id)
        }}
      />
      <CaseImportDialog open={importOpen} onClose={() => setImportOpen(false)} />
    </Space>
  )
}
