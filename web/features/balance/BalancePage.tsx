import { Card, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useAuth } from '../../app/auth'
import { useToday } from '../../app/hooks/useToday'
import { canConfigBalance } from './access'
import { CoefficientsTab } from './coefficients/CoefficientsTab'
import { KindergartensTab } from './kindergartens/KindergartensTab'
import { useLatestYear } from './queries'
import { ResourcesTab } from './resources/ResourcesTab'
import { SettingsTab } from './settings/SettingsTab'
import { WarningsTab } from './warnings/WarningsTab'

const TABS = ['coefficients', 'warnings', 'resources', 'kindergartens', 'settings'] as const
type TabKey = (typeof TABS)[number]
const isTab = (v: string | null): v is TabKey => (TABS as readonly string[]).includes(v ?? '')

export type UrlPatch = Record<string, string | null>

/**
 * 均衡发展监测: county coefficients with the drill-down to schools, the warnings that become
 * rectification problems, the two ledgers behind them, and (admins, departments) the thresholds.
 */
export default function BalancePage() {
  const { t } = useTranslation()
  const { user } = useAuth()
  // Tab, year and drill-down live in the URL: a link or a reload lands on the same view.
  const [params, setParams] = useSearchParams()
  const latest = useLatestYear()
  const thisYear = Number(useToday().slice(0, 4))
  const settings = canConfigBalance(user?.role)
  const tab = params.get('tab')
  const active: TabKey = isTab(tab) && (tab !== 'settings' || settings) ? tab : 'coefficients'
  const asked = Number(params.get('year'))
  // Until the latest year with data is known, no year: the tabs wait rather than show an empty year.
  const year = asked >= 2000 ? asked : latest.isPending ? undefined : (latest.data ?? thisYear)

  const update = (patch: UrlPatch) =>
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
  const setYear = (y: number) => update({ year: String(y) })
  const label = (k: TabKey) => <span data-testid={`balance-tab-${k}`}>{t(`balance.tabs.${k}`)}</span>

  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={active}
        onChange={(k) => update({ tab: k === 'coefficients' ? null : k })}
        // Tabs render on first visit and then stay, so each keeps its filters across tabs.
        items={[
          {
            key: 'coefficients',
            label: label('coefficients'),
            children: <CoefficientsTab year={year} onYear={setYear} params={params} update={update} />,
          },
          {
            key: 'warnings',
            label: label('warnings'),
            children: <WarningsTab year={year} onYear={setYear} />,
          },
          { key: 'resources', label: label('resources'), children: <ResourcesTab /> },
          {
            key: 'kindergartens',
            label: label('kindergartens'),
            children: <KindergartensTab year={year} onYear={setYear} />,
          },
          ...(settings ? [{ key: 'settings', label: label('settings'), children: <SettingsTab /> }] : []),
        ]}
      />
    </Card>
  )
}
