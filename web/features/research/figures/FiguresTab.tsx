import { Alert, Card, Col, Empty, Row, Select, Space, Spin, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCampaigns, useFigures } from '../queries'
import type { FigureItem } from '../types'
import { AspectChart } from './AspectChart'
import { FigureCards } from './FigureCards'

/** The research figures a report quotes, for one campaign or all, over the topics the user sees. */
export function FiguresTab() {
  const { t } = useTranslation()
  const campaigns = useCampaigns()
  const [campaignId, setCampaignId] = useState<number | undefined>(undefined)
  const figures = useFigures(campaignId)
  const f = figures.data

  const places = (items: FigureItem[], testId: string) =>
    items.length === 0 ? (
      <Typography.Text type="secondary">{t('research.figures.noPlaces')}</Typography.Text>
    ) : (
      <Space size={[4, 6]} wrap data-testid={testId}>
        {items.map((c) => (
          <Tag key={c.key}>{t('research.figures.place', { name: c.label, count: c.value })}</Tag>
        ))}
      </Space>
    )

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="research-figures">
      <Space wrap>
        <Typography.Text>{t('research.field.campaign')}</Typography.Text>
        <Select<number>
          allowClear
          data-testid="figures-campaign"
          placeholder={t('research.figures.allCampaigns')}
          value={campaignId}
          onChange={setCampaignId}
          options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          style={{ width: 260 }}
        />
        {f && (
          <Typography.Text type="secondary">{t('research.figures.asOf', { date: f.asOf })}</Typography.Text>
        )}
      </Space>
      {!f ? (
        <Spin />
      ) : (
        <>
          {/* The sentence a bureau's report says it in, with the figures filled in. */}
          <Alert
            type="info"
            showIcon
            data-testid="figures-sentence"
            title={t('research.figures.sentence', {
              aspects: f.aspectsWithTopics,
              topics: f.topics,
              cities: f.citiesVisited,
              counties: f.countiesVisited,
              visits: f.visits,
              findings: f.findings,
              converted: f.findingsConverted,
            })}
          />
          <FigureCards f={f} />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('research.figures.byAspect')}>
                {f.byAspect.length ? (
                  <AspectChart items={f.byAspect} />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('research.figures.placesTitle')} style={{ height: '100%' }}>
                <Typography.Paragraph strong style={{ marginBottom: 6 }}>
                  {t('research.figures.citiesList', { count: f.citiesVisited })}
                </Typography.Paragraph>
                {places(f.cities, 'figures-cities')}
                <Typography.Paragraph strong style={{ margin: '12px 0 6px' }}>
                  {t('research.figures.countiesList', { count: f.countiesVisited })}
                </Typography.Paragraph>
                {places(f.counties, 'figures-counties')}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  )
}
