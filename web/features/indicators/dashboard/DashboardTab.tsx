import { Col, Row, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { useToday } from '../../../app/hooks/useToday'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { FigureCard } from '../FigureCard'
import { useIndicatorName } from '../format'
import { PeriodPicker } from '../PeriodPicker'
import { useIndicators } from '../queries'
import { RankingPanel } from './RankingPanel'

/** The seed's headline figures: what a bureau's yearly summary cites. */
export const DEFAULT_DASHBOARD = [
  'balance.new_inclusive_places',
  'stats.job_fairs',
  'stats.job_fair_positions',
  'stats.tech_transfer_contracts',
  'stats.tech_transfer_amount',
  'stats.migrant_public_share',
  'petitions.stock_resolution_rate',
  'supervision.on_time_rate',
  'rectification.rate',
  'research.topics',
]

/** Indicator cards for a chosen set, period and unit, and a county ranking for one indicator. */
export function DashboardTab({ onOpen }: { onOpen: (key: string) => void }) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const today = useToday()
  const name = useIndicatorName()
  const all = useIndicators().data?.items ?? []
  const [period, setPeriod] = useState(today.slice(0, 4))
  const [unitId, setUnitId] = useState<number | undefined>(user ? Number(user.orgUnitId) : undefined)
  const [chosen, setChosen] = useState<string[] | null>(null)
  // Only keys the registry has (a module not installed leaves its figures out).
  const keys = (chosen ?? DEFAULT_DASHBOARD).filter((k) => all.length === 0 || all.some((i) => i.key === k))

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Space wrap size={8}>
        <PeriodPicker value={period} onChange={setPeriod} />
        <div style={{ width: 240 }}>
          <OrgTreeSelect
            value={unitId}
            onChange={(id) => setUnitId(id ?? (user ? Number(user.orgUnitId) : undefined))}
            placeholder={t('indicators.orgUnit')}
            data-testid="dashboard-unit"
          />
        </div>
        <Typography.Text type="secondary">{t('indicators.dashboard.choose')}</Typography.Text>
        <Select<string[]>
          mode="multiple"
          style={{ minWidth: 420, maxWidth: 720 }}
          maxTagCount="responsive"
          value={keys}
          onChange={setChosen}
          showSearch={{ optionFilterProp: 'label' }}
          options={all.map((i) => ({ value: i.key, label: name(i) }))}
          data-testid="dashboard-choose"
        />
      </Space>
      <Row gutter={[12, 12]}>
        {keys.map((k) => (
          <Col key={k} xs={24} sm={12} lg={8} xl={6} xxl={4}>
            <FigureCard
              indicatorKey={k}
              period={period}
              orgUnitId={unitId}
              compact
              extra={
                <Typography.Link onClick={() => onOpen(k)} style={{ fontSize: 12 }}>
                  ›
                </Typography.Link>
              }
            />
          </Col>
        ))}
      </Row>
      <RankingPanel keys={keys} period={period} parentId={unitId} />
    </Space>
  )
}
