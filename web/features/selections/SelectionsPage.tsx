import { Card, Tabs } from 'antd'
import type { ReactNode } from 'react'
import { useSearchParams } from 'react-router'
import { useAuth } from '../../app/auth'
import { canApply, canManageSelections } from './access'
import { ExpertsTab } from './experts/ExpertsTab'
import { useSelT } from './i18n'
import { ProgrammeDetail } from './programme/ProgrammeDetail'
import { ProgrammesTab } from './programmes/ProgrammesTab'
import { RubricsTab } from './rubrics/RubricsTab'
import { MineTab } from './units/MineTab'

type TabKey = 'programmes' | 'rubrics' | 'experts' | 'mine'

/**
 * 遴选评审: programmes (a department runs them, a leader approves, auditors read), rubrics, the
 * expert pool, and for counties and schools the programmes they may apply to and their own
 * applications. One programme opens as a page of its own (`?programme=7`).
 */
export default function SelectionsPage() {
  const st = useSelT()
  const { user } = useAuth()
  const manage = canManageSelections(user?.role)
  const unit = canApply(user?.role)
  // Tab, open programme and its tab live in the URL: a link, or a reload, lands on the same view.
  const [params, setParams] = useSearchParams()
  const tabs: TabKey[] = [
    ...(unit ? ['mine' as const] : []),
    'programmes',
    'rubrics',
    ...(manage ? ['experts' as const] : []),
  ]
  const wanted = params.get('tab') as TabKey | null
  const active: TabKey = wanted && tabs.includes(wanted) ? wanted : (tabs[0] as TabKey)
  const programmeParam = Number(params.get('programme'))
  const programmeId = Number.isInteger(programmeParam) && programmeParam > 0 ? programmeParam : null

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
  const openProgramme = (id: number | null) =>
    update({ programme: id === null ? null : String(id), ptab: null })

  if (programmeId !== null)
    return (
      <ProgrammeDetail
        id={programmeId}
        tab={params.get('ptab')}
        onTab={(k) => update({ ptab: k })}
        onBack={() => openProgramme(null)}
      />
    )

  const label = (key: TabKey) => <span data-testid={`selections-tab-${key}`}>{st(`tabs.${key}`)}</span>
  const body: Record<TabKey, ReactNode> = {
    mine: <MineTab onOpenProgramme={openProgramme} />,
    programmes: <ProgrammesTab onOpen={openProgramme} />,
    rubrics: <RubricsTab />,
    experts: <ExpertsTab />,
  }
  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => update({ tab: key })}
        items={tabs.map((k) => ({ key: k, label: label(k), children: body[k] }))}
      />
    </Card>
  )
}
