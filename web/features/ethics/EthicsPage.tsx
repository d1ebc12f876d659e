import { Card, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useAuth } from '../../app/auth'
import { CasesTab } from './cases/CasesTab'
import { canEditViolationTypes } from './labels'
import { PublishedTab } from './published/PublishedTab'
import { ViolationTypesTab } from './ViolationTypesTab'

const TABS = ['cases', 'published', 'types'] as const
type TabKey = (typeof TABS)[number]
const isTab = (v: string | null): v is TabKey => (TABS as readonly string[]).includes(v ?? '')

/** 师德师风: the case ledger (masked), the published typical cases, and the violation types. */
export default function EthicsPage() {
  const { t } = useTranslation()
  const { user } = useAuth()
  // The tab lives in the URL so a link (or a reload) lands on the same view.
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab')
  const showTypes = canEditViolationTypes(user?.role)
  const active: TabKey = isTab(tab) && (tab !== 'types' || showTypes) ? tab : 'cases'
  const label = (key: TabKey) => <span data-testid={`ethics-tab-${key}`}>{t(`ethics.tabs.${key}`)}</span>

  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams(key === 'cases' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'cases', label: label('cases'), children: <CasesTab /> },
          { key: 'published', label: label('published'), children: <PublishedTab /> },
          ...(showTypes ? [{ key: 'types', label: label('types'), children: <ViolationTypesTab /> }] : []),
        ]}
      />
    </Card>
  )
}
