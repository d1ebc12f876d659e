import { Card, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useAuth } from '../../app/auth'
import { canConfigIndicators } from './access'
import { DashboardTab } from './dashboard/DashboardTab'
import { DefineTab } from './define/DefineTab'
import { PivotTab } from './pivot/PivotTab'
import { IndicatorDrawer } from './registry/IndicatorDrawer'
import { RegistryTab } from './registry/RegistryTab'

const TABS = ['registry', 'dashboard', 'pivot', 'define'] as const
type TabKey = (typeof TABS)[number]
const isTab = (v: string | null): v is TabKey => (TABS as readonly string[]).includes(v ?? '')

/** 指标库: the registry with each indicator's figure, a dashboard, a pivot, and (config) new definitions. */
export default function IndicatorsPage() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const [params, setParams] = useSearchParams()
  const config = canConfigIndicators(user?.role)
  const tab = params.get('tab')
  const active: TabKey = isTab(tab) && (tab !== 'define' || config) ? tab : 'registry'
  const openKey = params.get('indicator')

  const update = (patch: Record<string, string | null>) =>
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
    )
  const open = (key: string | null) => update({ indicator: key })
  const label = (k: TabKey) => <span data-testid={`indicators-tab-${k}`}>{t(`indicators.tabs.${k}`)}</span>

  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={active}
        onChange={(k) => update({ tab: k === 'registry' ? null : k })}
        destroyOnHidden={false}
        items={[
          { key: 'registry', label: label('registry'), children: <RegistryTab onOpen={open} /> },
          { key: 'dashboard', label: label('dashboard'), children: <DashboardTab onOpen={open} /> },
          { key: 'pivot', label: label('pivot'), children: <PivotTab /> },
          ...(config
            ? [{ key: 'define', label: label('define'), children: <DefineTab onSaved={open} /> }]
            : []),
        ]}
      />
      <IndicatorDrawer key={openKey ?? ''} indicatorKey={openKey} onClose={() => open(null)} />
    </Card>
  )
}
