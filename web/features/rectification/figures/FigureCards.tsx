import { Card, Col, Row, Statistic, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { percent } from '../format'
import type { Figures } from '../types'

interface CardSpec {
  key: string
  title: string
  value: number | string
  note?: ReactNode
  color?: string
}

const RED = '#cf1322'
const GREEN = '#389e0d'

/** The headline numbers: found, where each stands, the two rates, and overdue measures. */
export function FigureCards({ f }: { f: Figures }) {
  const { t } = useTranslation()
  // Keys are the figures' own names, so a journey or a report can find each card by them.
  const cards: CardSpec[] = [
    {
      key: 'found',
      title: t('rectification.figures.found'),
      value: f.found,
      note: t('rectification.figures.fixAtOnceNote', { count: f.fixAtOnce }),
    },
    { key: 'open', title: t('rectification.figures.open'), value: f.open },
    { key: 'rectifying', title: t('rectification.figures.rectifying'), value: f.rectifying },
    {
      key: 'rectified',
      title: t('rectification.figures.rectified'),
      value: f.rectified,
      note: t('rectification.figures.rectifiedNote'),
    },
    { key: 'signedOff', title: t('rectification.figures.signedOff'), value: f.signedOff, color: GREEN },
    {
      key: 'rate',
      title: t('rectification.figures.rate'),
      value: percent(f.rate),
      note: t('rectification.figures.rateNote'),
    },
    {
      key: 'completionRate',
      title: t('rectification.figures.completionRate'),
      value: percent(f.completionRate),
      note: t('rectification.figures.completionRateNote', { count: f.completed }),
    },
    {
      key: 'overdueMeasures',
      title: t('rectification.figures.overdueMeasures'),
      value: f.overdueMeasures,
      color: f.overdueMeasures > 0 ? RED : undefined,
    },
  ]

  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={6} xxl={3}>
          <Card size="small" data-testid={`figure-${c.key}`} style={{ height: '100%' }}>
            <Statistic
              title={c.title}
              value={c.value}
              styles={{ content: { color: c.color, fontSize: 22 } }}
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
