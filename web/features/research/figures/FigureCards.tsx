import { Card, Col, Row, Statistic, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { percent } from '../format'
import { useResearchLabels } from '../labels'
import type { Figures } from '../types'

interface CardSpec {
  key: string
  title: string
  value: ReactNode
  note?: ReactNode
}

/** The headline numbers: topics and aspects, places reached, visits, reports, findings and problems. */
export function FigureCards({ f }: { f: Figures }) {
  const { t } = useTranslation()
  const labels = useResearchLabels()
  const cards: CardSpec[] = [
    {
      key: 'topics',
      title: t('research.figures.topics'),
      value: f.topics,
      note: t('research.figures.aspectsNote', { used: f.aspectsWithTopics, total: f.aspects }),
    },
    {
      key: 'byStatus',
      title: t('research.figures.byStatus'),
      value: f.byStatus.in_progress,
      note: (['planned', 'reported', 'concluded'] as const)
        .map((s) => `${labels.status(s)} ${f.byStatus[s]}`)
        .join(' · '),
    },
    { key: 'citiesVisited', title: t('research.figures.citiesVisited'), value: f.citiesVisited },
    { key: 'countiesVisited', title: t('research.figures.countiesVisited'), value: f.countiesVisited },
    { key: 'visits', title: t('research.figures.visits'), value: f.visits },
    { key: 'reports', title: t('research.figures.reports'), value: f.reports },
    { key: 'findings', title: t('research.figures.findings'), value: f.findings },
    {
      key: 'findingsConverted',
      title: t('research.figures.findingsConverted'),
      value: f.findingsConverted,
      note: t('research.figures.rate', { rate: percent(f.conversionRate) }),
    },
  ]
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={6} xxl={3}>
          <Card size="small" data-testid={`figure-${c.key}`} style={{ height: '100%' }}>
            <Statistic
              title={c.title}
              value={typeof c.value === 'number' ? c.value : undefined}
              formatter={typeof c.value === 'number' ? undefined : () => c.value}
              styles={{ content: { fontSize: 22 } }}
            />
            {c.note && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.note}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  )
}
