import { Card, Tabs } from 'antd'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useAuth } from '../../app/auth'
import { canConfigReports } from './access'
import { RenderTab } from './render/RenderTab'
import { SnapshotsTab } from './snapshots/SnapshotsTab'
import { TemplatesTab } from './templates/TemplatesTab'
import { TermsTab } from './terms/TermsTab'

const TABS = ['templates', 'render', 'snapshots', 'terms'] as const
type TabKey = (typeof TABS)[number]
const isTab = (v: string | null): v is TabKey => (TABS as readonly string[]).includes(v ?? '')

/**
 * 报告: templates with their editor and live preview, rendering, the kept reports (snapshots) with
 * provenance and public copies, and (report.config) the reviewed sensitive terms. The tab and the
 * opened template or snapshot live in the URL, so a link or a reload lands on the same view.
 */
export default function ReportsPage() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const [params, setParams] = useSearchParams()
  const config = canConfigReports(user?.role)
  const tab = params.get('tab')
  const active: TabKey = isTab(tab) && (tab !== 'terms' || config) ? tab : 'templates'
  const snapshot = Number(params.get('snapshot'))
  const unit = Number(params.get('unit'))

  const update = useCallback(
    (patch: Record<string, string | null>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          for (const [k, v] of Object.entries(patch)) {
            if (v === null) next.delete(k)
            else next.set(k, v)
          }
          return next
        },
        { replace: true },
      ),
    [setParams],
  )
  const openSnapshot = useCallback(
    (id: number | null) => update({ tab: 'snapshots', snapshot: id === null ? null : String(id) }),
    [update],
  )
  const label = (k: TabKey) => <span data-testid={`reports-tab-${k}`}>{t(`reports.tabs.${k}`)}</span>

  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={active}
        onChange={(k) => update({ tab: k === 'templates' ? null : k })}
        items={[
          {
            key: 'templates',
            label: label('templates'),
            children: (
              <TemplatesTab
                open={params.get('template')}
                visible={active === 'templates'}
                onOpen={(key) => update({ template: key })}
                onRender={(key, period, orgUnitId) =>
                  update({
                    tab: 'render',
                    render: key,
                    period: period || null,
                    unit: orgUnitId ? String(orgUnitId) : null,
                  })
                }
              />
            ),
          },
          {
            key: 'render',
            label: label('render'),
            children: (
              <RenderTab
                // A new choice from the editor starts the form afresh.
                key={`${params.get('render')}-${params.get('period')}-${params.get('unit')}`}
                initial={{
                  template: params.get('render') ?? undefined,
                  period: params.get('period') ?? undefined,
                  orgUnitId: Number.isInteger(unit) && unit > 0 ? unit : undefined,
                }}
                onOpenSnapshot={openSnapshot}
              />
            ),
          },
          {
            key: 'snapshots',
            label: label('snapshots'),
            children: (
              <SnapshotsTab
                open={Number.isInteger(snapshot) && snapshot > 0 ? snapshot : null}
                onOpen={openSnapshot}
              />
            ),
          },
          ...(config ? [{ key: 'terms', label: label('terms'), children: <TermsTab /> }] : []),
        ]}
      />
    </Card>
  )
}
