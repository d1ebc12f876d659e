import { Card, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { CampaignsTab } from './campaigns/CampaignsTab'
import { CasesTab } from './cases/CasesTab'
import { DashboardTab } from './dashboard/DashboardTab'
import { TaxonomyTab } from './taxonomy/TaxonomyTab'

const TABS = ['cases', 'dashboard', 'taxonomy', 'campaigns'] as const
type TabKey = (typeof TABS)[number]
const isTab = (v: string | null): v is TabKey => (TABS as readonly string[]).includes(v ?? '')

/** 信访台账: the ledger, its figures, the taxonomy with resolution plans, and campaigns. */
export default function PetitionsPage() {
  const { t } = useTranslation()
  // The tab lives in the URL so a link (or a reload) lands on the same view.
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab')
  const active: TabKey = isTab(tab) ? tab : 'cases'
  const label = (key: TabKey) => (
    <span data-testid={`petitions-tab-${key}`}>{t(`petitions.tabs.${key}`)}</span>
  )

  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams(key === 'cases' ? {} : { tab: key }, { replace: true })}
        // Tabs render on first visit and then stay, so the ledger keeps its filters across tabs.
        items={[
          { key: 'cases', label: label('cases'), children: <CasesTab /> },
          { key: 'dashboard', label: label('dashboard'), children: <DashboardTab /> },
          { key: 'taxonomy', label: label('taxonomy'), children: <TaxonomyTab /> },
          { key: 'campaigns', label: label('campaigns'), children: <CampaignsTab /> },
        ]}
      />
    </Card>
  )
}
