import { Card, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ChangesTab } from './board/ChangesTab'
import { ExtensionsTab } from './board/ExtensionsTab'
import { NoticesTab } from './board/NoticesTab'
import { OverdueTab } from './board/OverdueTab'
import { DashboardTab } from './dashboard/DashboardTab'
import { TaskDrawer } from './drawer/TaskDrawer'
import { TasksTab } from './tasks/TasksTab'

const TABS = ['tasks', 'overdue', 'extensions', 'notices', 'changes', 'dashboard'] as const
type TabKey = (typeof TABS)[number]
const isTab = (v: string | null): v is TabKey => (TABS as readonly string[]).includes(v ?? '')

/** 任务督办: the task ledger, the supervision board, extensions, notices, changes and figures. */
export default function SupervisionPage() {
  const { t } = useTranslation()
  // The tab and the open task live in the URL: a link from the bell, or a reload, lands on the same view.
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab')
  const active: TabKey = isTab(tab) ? tab : 'tasks'
  const taskParam = Number(params.get('task'))
  const openTaskId = Number.isInteger(taskParam) && taskParam > 0 ? taskParam : null

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
  const openTask = (id: number | null) => update({ task: id === null ? null : String(id) })
  const label = (key: TabKey) => (
    <span data-testid={`supervision-tab-${key}`}>{t(`supervision.tabs.${key}`)}</span>
  )

  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => update({ tab: key === 'tasks' ? null : key })}
        // Tabs render on first visit and then stay, so the ledger keeps its filters across tabs.
        items={[
          { key: 'tasks', label: label('tasks'), children: <TasksTab onOpen={openTask} /> },
          { key: 'overdue', label: label('overdue'), children: <OverdueTab onOpen={openTask} /> },
          { key: 'extensions', label: label('extensions'), children: <ExtensionsTab onOpen={openTask} /> },
          { key: 'notices', label: label('notices'), children: <NoticesTab onOpen={openTask} /> },
          { key: 'changes', label: label('changes'), children: <ChangesTab onOpen={openTask} /> },
          { key: 'dashboard', label: label('dashboard'), children: <DashboardTab /> },
        ]}
      />
      <TaskDrawer taskId={openTaskId} onClose={() => openTask(null)} onOpenTask={openTask} />
    </Card>
  )
}
