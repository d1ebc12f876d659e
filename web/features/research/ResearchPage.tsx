import { Card, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { TopicDrawer } from './detail/TopicDrawer'
import { FiguresTab } from './figures/FiguresTab'
import { TopicsTab } from './topics/TopicsTab'

const TABS = ['topics', 'figures'] as const
type TabKey = (typeof TABS)[number]
const isTab = (v: string | null): v is TabKey => (TABS as readonly string[]).includes(v ?? '')

/** 调研课题: the topic ledger (plan, field visits, report, findings) and the research figures. */
export default function ResearchPage() {
  const { t } = useTranslation()
  // The tab and the open topic live in the URL: a link, or a reload, lands on the same view.
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab')
  const active: TabKey = isTab(tab) ? tab : 'topics'
  const topicParam = Number(params.get('topic'))
  const openTopicId = Number.isInteger(topicParam) && topicParam > 0 ? topicParam : null

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
  const openTopic = (id: number | null) => update({ topic: id === null ? null : String(id) })
  const label = (key: TabKey) => <span data-testid={`research-tab-${key}`}>{t(`research.tabs.${key}`)}</span>

  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => update({ tab: key === 'topics' ? null : key })}
        // Tabs render on first visit and then stay, so the ledger keeps its filters across tabs.
        items={[
          { key: 'topics', label: label('topics'), children: <TopicsTab onOpen={openTopic} /> },
          { key: 'figures', label: label('figures'), children: <FiguresTab /> },
        ]}
      />
      <TopicDrawer topicId={openTopicId} onClose={() => openTopic(null)} />
    </Card>
  )
}
