import {
  DownloadOutlined,
  ExportOutlined,
  FlagOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons'
import { Button, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download, type Query } from '../../../app/api'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { PetitionImportDialog } from '../import/PetitionImportDialog'
import { canWritePetitions } from '../labels'
import { useCases } from '../queries'
import type { CaseFilters } from '../types'
import { CaseDrawer } from './CaseDrawer'
import { CaseFilterBar } from './CaseFilterBar'
import { CaseTable } from './CaseTable'
import { RegisterDrawer } from './RegisterDrawer'
import { TagCampaignModal } from './TagCampaignModal'

export function CasesTab() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const showError = useShowError()
  // The server enforces permissions; the web only hides what would be refused anyway.
  const canWrite = canWritePetitions(user?.role)
  const [filters, setFilters] = useState<CaseFilters>({})
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [openId, setOpenId] = useState<number | null>(null)
  const [registering, setRegistering] = useState(false)
  const [importOpen, setImportOpen] = useState(false)
  const [selectedIds, setSelectedIds] = useState<number[]>([])
  const [tagging, setTagging] = useState(false)
  const cases = useCases(filters, paging.page, paging.pageSize)

  const onFilters = (next: CaseFilters) => {
    setFilters(next)
    // A new filter starts at page 1.
    setPaging((p) => ({ ...p, page: 1 }))
  }
  const exportXlsx = () =>
    download('/api/petitions/cases/export.xlsx', filters as Query, 'petition-cases.xlsx').catch(
      (err: unknown) => showError(err),
    )
  const downloadTemplate = () =>
    download('/api/petitions/import-template.xlsx', undefined, 'petition-cases-template.xlsx').catch(
      (err: unknown) => showError(err),
    )

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <CaseFilterBar value={filters} onChange={onFilters} />
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          {t('petitions.found', { count: cases.data?.total ?? 0 })}
          {selectedIds.length > 0 && ` · ${t('petitions.selected', { count: selectedIds.length })}`}
        </Typography.Text>
        <Space wrap size={8}>
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              data-testid="case-register"
              onClick={() => setRegistering(true)}
            >
              {t('petitions.register')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<UploadOutlined />} data-testid="case-import" onClick={() => setImportOpen(true)}>
              {t('petitions.importCases')}
            </Button>
          )}
          {canWrite && (
            <Button icon={<DownloadOutlined />} data-testid="case-template" onClick={downloadTemplate}>
              {t('org.template')}
            </Button>
          )}
          {canWrite && (
            <Button
              icon={<FlagOutlined />}
              data-testid="case-tag-campaign"
              disabled={selectedIds.length === 0}
              onClick={() => setTagging(true)}
            >
              {t('petitions.campaigns.tagButton', { count: selectedIds.length })}
            </Button>
          )}
          <Button icon={<ExportOutlined />} data-testid="case-export" onClick={exportXlsx}>
            {t('petitions.export')}
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
        selectedIds={selectedIds}
        onSelect={canWrite ? setSelectedIds : undefined}
      />
      <CaseDrawer caseId={openId} onClose={() => setOpenId(null)} onOpenCase={setOpenId} />
      <RegisterDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(c) => {
          setRegistering(false)
          setOpenId(c.id)
        }}
      />
      <PetitionImportDialog open={importOpen} onClose={() => setImportOpen(false)} />
      <TagCampaignModal
        caseIds={selectedIds}
        open={tagging}
        onClose={() => setTagging(false)}
        onDone={() => {
          setTagging(false)
          setSelectedIds([])
        }}
      />
    </Space>
  )
}
