import { Card, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useAuth } from '../../app/auth'
import { FiguresTab } from './figures/FiguresTab'
import { canEditCategories } from './labels'
import { CategoriesTab } from './lists/CategoriesTab'
import { ProblemsTab } from './problems/ProblemsTab'

const TABS = ['problems', 'figures', 'categories'] as const
type TabKey = (typeof TABS)[number]
const isTab = (v: string | null): v is TabKey => (TABS as readonly string[]).includes(v ?? '')

/** 检视整改: the problem list with its rectification, the figures, and the category list. */
export default function RectificationPage() {
  const { t } = useTranslation()
  const { user } = useAuth()
  // The tab lives in the URL so a link (or a reload) lands on the same view.
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab')
  const showCategories = canEditCategories(user?.role)
  const active: TabKey = isTab(tab) && (tab !== 'categories' || showCategories) ? tab : 'problems'
  const label = (key: TabKey) => (
    <span data-testid={`rectification-tab-${key}`}>{t(`rectification.tabs.${key}`)}</span>
  )

  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => setParams(key === 'problems' ? {} : { tab: key }, { replace: true })}
        // Tabs render on first visit and then stay, so the list keeps its filters across tabs.
        items={[
          { key: 'problems', label: label('problems'), children: <ProblemsTab /> },
          { key: 'figures', label: label('figures'), children: <FiguresTab /> },
          ...(showCategories
            ? [{ key: 'categories', label: label('categories'), children: <CategoriesTab /> }]
            : []),
        ]}
      />
    </Card>
  )
}
