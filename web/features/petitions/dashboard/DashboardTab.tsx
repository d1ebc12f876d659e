import { SettingOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Select, Space, Spin, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { useTodayDay } from '../../../app/hooks/useToday'
import { fromIso, toIso } from '../dates'
import { canConfigurePetitions } from '../labels'
import { useCampaigns, useCategories, useFigures } from '../queries'
import { CategoryFigures } from './CategoryFigures'
import { CountyFigures } from './CountyFigures'
import { DemandFigures } from './DemandFigures'
import { FigureCards } from './FigureCards'
import { MonthChart } from './MonthChart'
import { SettingsModal } from './SettingsModal'

export function DashboardTab() {
  const { t } = useTranslation()
  const { afterToday } = useTodayDay()
  const { user } = useAuth()
  const [campaignId, setCampaignId] = useState<number | undefined>()
  const [asOf, setAsOf] = useState<string | undefined>()
  const [settingsOpen, setSettingsOpen] = useState(false)
  const campaigns = useCampaigns()
  const categories = useCategories()
  const figures = useFigures({ campaignId, asOf })
  const f = figures.data
  const categoryName = (id: number) => categories.data?.find((c) => c.id === id)?.name ?? String(id)

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap size={8}>
        <Select<number>
          allowClear
          data-testid="figures-campaign"
          placeholder={t('petitions.figures.campaignPlaceholder')}
          value={campaignId}
          onChange={setCampaignId}
          options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.cutoffOn}）` }))}
          style={{ width: 280 }}
        />
        <DatePicker
          data-testid="figures-as-of"
          placeholder={t('petitions.figures.asOf')}
          value={fromIso(asOf) ?? null}
          onChange={(d) => setAsOf(toIso(d))}
          style={{ width: 200 }}
          disabledDate={afterToday}
        />
        {f && (
          <Typography.Text type="secondary">
            {t('petitions.figures.period', { cutoff: f.cutoff, asOf: f.asOf })}
          </Typography.Text>
        )}
        {canConfigurePetitions(user?.role) && (
          <Button
            icon={<SettingOutlined />}
            onClick={() => setSettingsOpen(true)}
            data-testid="figures-settings"
          >
            {t('petitions.settings.title')}
          </Button>
        )}
      </Space>
      {!f ? (
        figures.isPending ? (
          <Spin />
        ) : (
          <Empty />
        )
      ) : (
        <>
          {f.categoriesWithoutPlan.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="figure-without-plan"
              title={t('petitions.figures.withoutPlan', { count: f.categoriesWithoutPlan.length })}
              description={f.categoriesWithoutPlan.join('、')}
            />
          )}
          <FigureCards f={f} />
          <Card size="small" title={t('petitions.figures.byMonth')}>
            <MonthChart months={f.byMonth} />
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('petitions.figures.byCategory')}>
                <CategoryFigures rows={f.byCategory} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('petitions.figures.byCounty')}>
                <CountyFigures rows={f.byCounty} />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('petitions.figures.byDemand')}>
                <DemandFigures rows={f.byDemand} categoryName={categoryName} />
              </Card>
            </Col>
          </Row>
        </>
      )}
      <SettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </Space>
  )
}
