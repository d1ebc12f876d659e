import { Card, Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useAuth } from '../../app/auth'
import { canConfigLedgers } from './access'
import { DefinitionsTab } from './definitions/DefinitionsTab'
import { LedgerPicker } from './ledgers/LedgerPicker'
import { LedgersTab } from './ledgers/LedgersTab'
import { useLedgers } from './queries'
import { SubmissionsTab } from './submissions/SubmissionsTab'

const TABS = ['ledgers', 'submissions', 'definitions'] as const
type TabKey = (typeof TABS)[number]
const isTab = (v: string | null): v is TabKey => (TABS as readonly string[]).includes(v ?? '')

/** 统计台账: the ledgers' rows, their submissions and approval, and (admins) their definitions. */
export default function StatisticsPage() {
  const { t } = useTranslation()
  const { user } = useAuth()
  // Tab and ledger live in the URL: a link or a reload lands on the same view.
  const [params, setParams] = useSearchParams()
  const ledgers = useLedgers()
  const items = ledgers.data ?? []
  const admin = canConfigLedgers(user?.role)
  const tab = params.get('tab')
  const active: TabKey = isTab(tab) && (tab !== 'definitions' || admin) ? tab : 'ledgers'
  const key = params.get('ledger') ?? items[0]?.key
  const picked = items.find((l) => l.key === key) ?? items[0]

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
  const picker = (
    <LedgerPicker
      ledgers={items}
      loading={ledgers.isPending}
      value={picked?.key}
      onChange={(k) => update({ ledger: k })}
    />
  )
  const label = (k: TabKey) => <span data-testid={`statistics-tab-${k}`}>{t(`statistics.tabs.${k}`)}</span>

  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={active}
        onChange={(k) => update({ tab: k === 'ledgers' ? null : k })}
        items={[
          {
            key: 'ledgers',
            label: label('ledgers'),
            children: (
              <LedgersTab ledgers={items} loading={ledgers.isPending} picked={picked} picker={picker} />
            ),
          },
          {
            key: 'submissions',
            label: label('submissions'),
            children: <SubmissionsTab ledger={picked} picker={picker} />,
          },
          ...(admin
            ? [{ key: 'definitions', label: label('definitions'), children: <DefinitionsTab /> }]
            : []),
        ]}
      />
    </Card>
  )
}
