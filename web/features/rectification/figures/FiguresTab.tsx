import { Card, Col, Empty, Row, Select, Space, Spin, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useCampaignNames, useFigures } from '../queries'
import { FigureCards } from './FigureCards'
import { MonthChart } from './MonthChart'
import { RateChart } from './RateChart'
import { StatusPie } from './StatusPie'

/** 整改率 and the rest, for a campaign and a subtree: cards, then the rate by unit, source, category, campaign. */
export function FiguresTab() {
  const { t } = useTranslation()
  const [campaign, setCampaign] = useState<string | undefined>()
  const [unitId, setUnitId] = useState<number | undefined>()
  const campaigns = useCampaignNames()
  const figures = useFigures({ campaign, unitId })
  const f = figures.data

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap size={8}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="figures-campaign"
          placeholder={t('rectification.figures.allCampaigns')}
          value={campaign}
          onChange={setCampaign}
          options={(campaigns.data ?? []).map((c) => ({ value: c, label: c }))}
          style={{ width: 240 }}
        />
        <div style={{ width: 240 }}>
          <OrgTreeSelect
            data-testid="figures-unit"
            placeholder={t('rectification.figures.allUnits')}
            value={unitId}
            onChange={setUnitId}
          />
        </div>
        {f && (
          <Typography.Text type="secondary" data-testid="figures-as-of">
            {t('rectification.figures.asOf', { date: f.asOf })}
          </Typography.Text>
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
          <FigureCards f={f} />
          <Card size="small" title={t('rectification.figures.byMonth')}>
            <MonthChart months={f.byMonth} />
          </Card>
          <Card size="small" title={t('rectification.figures.byUnit')}>
            <RateChart rows={f.byUnit} testId="figure-chart-unit" height={340} />
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('rectification.figures.bySource')}>
                <RateChart rows={f.bySource} testId="figure-chart-source" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('rectification.figures.byCategory')}>
                <RateChart rows={f.byCategory} testId="figure-chart-category" />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('rectification.figures.byCampaign')}>
                {campaign ? (
                  <Typography.Text type="secondary">
                    {t('rectification.figures.oneCampaign', { campaign })}
                  </Typography.Text>
                ) : (
                  <RateChart rows={f.byCampaign} testId="figure-chart-campaign" />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('rectification.figures.byStatus')}>
                <StatusPie f={f} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  )
}
