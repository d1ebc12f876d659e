import { DownloadOutlined, ExportOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons'
import { Button, Card, Empty, Input, Space, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../app/api'
import { useAuth } from '../../app/auth'
import { VoidModal } from '../../app/components/VoidModal'
import { useShowError } from '../../app/feedback'
import { useDebounced } from '../../app/hooks/useDebounced'
import { useElementHeight } from '../../app/hooks/useElementHeight'
import type { OrgUnit } from '../../app/types'
import { ImportDialog } from '../jobs/ImportDialog'
import { MoveModal } from './MoveModal'
import { OrgFormDrawer, type OrgFormTarget } from './OrgFormDrawer'
import { OrgTable } from './OrgTable'
import { OrgTree } from './OrgTree'
import { useInvalidateOrg, useOrgIndex, useOrgList, useVoidOrg } from './queries'
import { SelectedUnit } from './SelectedUnit'
import { keyOf } from './tree'

interface ImportResult {
  created: number
  updated: number
  unchanged: number
  rows: number
}

// Table header and pagination take this much of the card body; the rest is rows.
const TABLE_CHROME = 112

export default function OrgPage() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const showError = useShowError()
  // The server enforces permissions; the web only hides what would be refused anyway.
  const canManage = user?.role === 'admin'

  const [showVoided, setShowVoided] = useState(false)
  const [qInput, setQInput] = useState('')
  const q = useDebounced(qInput.trim(), 300)
  const [selectedKey, setSelectedKey] = useState<string | null>(null)
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 })
  const [formTarget, setFormTarget] = useState<OrgFormTarget | null>(null)
  const [moveUnit, setMoveUnit] = useState<OrgUnit | null>(null)
  const [voidUnit, setVoidUnit] = useState<OrgUnit | null>(null)
  const [importOpen, setImportOpen] = useState(false)
  const [tableBox, tableHeight] = useElementHeight<HTMLDivElement>(400)

  const { index, isPending: treeLoading } = useOrgIndex(showVoided)
  const invalidateOrg = useInvalidateOrg()
  const voidOrg = useVoidOrg()

  // Start on the top of the caller's scope, and fall back to it if the selection disappears.
  useEffect(() => {
    const first = index.roots[0]
    if (first && (!selectedKey || !index.byId.has(selectedKey))) setSelectedKey(keyOf(first.id))
  }, [index, selectedKey])

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts at page 1
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [q, selectedKey, showVoided])

  const selected = selectedKey ? index.byId.get(selectedKey) : undefined
  const filters = q ? { q, includeVoided: showVoided } : { parentId: selectedKey, includeVoided: showVoided }
  const list = useOrgList({ ...filters, ...paging }, Boolean(q || selectedKey))

  const isRoot = (u: OrgUnit) => index.roots.some((r) => r.id === u.id)
  const exportXlsx = () =>
    download('/api/org-units/export.xlsx', filters, 'org-units.xlsx').catch((err: unknown) => showError(err))
  const downloadTemplate = () =>
    download('/api/org-units/import-template.xlsx', undefined, 'org-units-template.xlsx').catch(
      (err: unknown) => showError(err),
    )

  return (
    <div style={{ display: 'flex', gap: 16, height: '100%', minHeight: 480 }}>
      <Card
        style={{ width: 320, flexShrink: 0, display: 'flex', flexDirection: 'column' }}
        styles={{
          body: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: 8, padding: 12 },
        }}
      >
        <Input.Search
          allowClear
          data-testid="org-search"
          placeholder={t('org.searchPlaceholder')}
          value={qInput}
          onChange={(e) => setQInput(e.target.value)}
        />
        <OrgTree
          index={index}
          loading={treeLoading}
          query={q}
          selectedKey={selectedKey}
          onSelect={setSelectedKey}
        />
      </Card>

      <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 12 }}>
        <Card size="small">
          {selected ? (
            <SelectedUnit
              unit={selected}
              canManage={canManage}
              isRoot={isRoot(selected)}
              onEdit={() => setFormTarget({ mode: 'edit', unit: selected })}
              onMove={() => setMoveUnit(selected)}
              onVoid={() => setVoidUnit(selected)}
            />
          ) : (
            <Typography.Text type="secondary">{t('org.noSelection')}</Typography.Text>
          )}
        </Card>
        <Card
          style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
          styles={{ body: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', padding: 12 } }}
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
            <Typography.Text strong style={{ marginInlineEnd: 8 }}>
              {q
                ? t('org.searchResults', { q })
                : selected
                  ? t('org.childrenOf', { name: selected.name })
                  : ''}
            </Typography.Text>
            <div style={{ flex: 1 }} />
            <Space size={8} wrap>
              <Space size={4}>
                <Switch
                  size="small"
                  checked={showVoided}
                  onChange={setShowVoided}
                  data-testid="org-show-voided"
                />
                <Typography.Text>{t('common.showVoided')}</Typography.Text>
              </Space>
              {canManage && (
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  data-testid="org-add-child"
                  disabled={!selected || Boolean(selected.voidedAt)}
                  onClick={() => selected && setFormTarget({ mode: 'create', parent: selected })}
                >
                  {t('org.addChild')}
                </Button>
              )}
              {canManage && (
                <Button
                  icon={<UploadOutlined />}
                  onClick={() => setImportOpen(true)}
                  data-testid="org-import"
                >
                  {t('org.import')}
                </Button>
              )}
              {canManage && (
                <Button icon={<DownloadOutlined />} onClick={downloadTemplate} data-testid="org-template">
                  {t('org.template')}
                </Button>
              )}
              <Button icon={<ExportOutlined />} onClick={exportXlsx} data-testid="org-export">
                {t('org.export')}
              </Button>
            </Space>
          </div>
          <div ref={tableBox} style={{ flex: 1, minHeight: 0 }}>
            {q || selected ? (
              <OrgTable
                items={list.data?.items ?? []}
                total={list.data?.total ?? 0}
                loading={list.isFetching}
                page={paging.page}
                pageSize={paging.pageSize}
                scrollY={Math.max(160, tableHeight - TABLE_CHROME)}
                canManage={canManage}
                onPage={(page, pageSize) => setPaging({ page, pageSize })}
                onOpen={(u) => {
                  setQInput('')
                  setSelectedKey(keyOf(u.id))
                }}
                onEdit={(u) => setFormTarget({ mode: 'edit', unit: u })}
                onMove={setMoveUnit}
                onVoid={setVoidUnit}
              />
            ) : (
              <Empty description={t('org.noSelection')} />
            )}
          </div>
        </Card>
      </div>

      <OrgFormDrawer target={formTarget} onClose={() => setFormTarget(null)} />
      <MoveModal unit={moveUnit} onClose={() => setMoveUnit(null)} />
      <VoidModal
        open={voidUnit !== null}
        name={voidUnit?.name ?? ''}
        onClose={() => setVoidUnit(null)}
        onSubmit={(reason) =>
          voidUnit
            ? voidOrg.mutateAsync({ id: voidUnit.id, version: voidUnit.version, reason })
            : Promise.resolve()
        }
      />
      <ImportDialog
        open={importOpen}
        title={t('org.importTitle')}
        uploadUrl="/api/org-units/import"
        onClose={() => setImportOpen(false)}
        onSucceeded={() => void invalidateOrg()}
        renderResult={(r) => {
          const res = (r ?? {}) as Partial<ImportResult>
          return t('jobs.importResult', {
            created: res.created ?? 0,
            updated: res.updated ?? 0,
            unchanged: res.unchanged ?? 0,
            rows: res.rows ?? 0,
          })
        }}
      />
    </div>
  )
}
