import { Card, Col, Row, Statistic, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useToday } from '../../../app/hooks/useToday'
import { useEthicsFigures } from '../queries'
import type { FigureItem } from '../types'

interface CardSpec {
  key: string
  title: string
  value: number
  suffix: string
  note?: ReactNode
}

/** "有偿补课 2 · 体罚学生 1": the non-zero counts, in the server's order. */
const breakdown = (items: FigureItem[], none: string) =>
  items
    .filter((i) => i.value > 0)
    .map((i) => `${i.label} ${i.value}`)
    .join(' · ') || none

/**
 * The headline numbers of the published tab (通报典型案例 * 起), over the user's scope or the
 * school / county chosen in the filter: cases, published, this year's, and by violation type.
 */
export function FigureCards({ unitId }: { unitId: number | undefined }) {
  const { t } = useTranslation()
  const figures = useEthicsFigures(unitId)
  const f = figures.data
  const today = useToday()
  const thisYear = Number((f?.asOf ?? today).slice(0, 4))
  const year = f?.byYear.find((y) => y.year === thisYear) ?? { cases: 0, published: 0 }
  const none = t('ethics.figures.none')
  // Keys are the figures' own names, so a journey or a report can find each card by them.
  const cards: CardSpec[] = [
    {
      key: 'cases',
      title: t('ethics.figures.cases'),
      value: f?.cases ?? 0,
      suffix: t('ethics.figures.casesUnit'),
      note: f ? breakdown(f.byHandling, none) : null,
    },
    {
      key: 'published',
      title: t('ethics.figures.published'),
      value: f?.published ?? 0,
      suffix: t('ethics.figures.casesUnit'),
    },
    {
      key: 'yearCases',
      title: t('ethics.figures.yearCases', { year: thisYear }),
      value: year.cases,
      suffix: t('ethics.figures.casesUnit'),
      note: t('ethics.figures.yearPublished', { count: year.published }),
    },
    {
      key: 'byViolationType',
      title: t('ethics.figures.byViolationType'),
      value: f?.byViolationType.filter((i) => i.value > 0).length ?? 0,
      suffix: t('ethics.figures.typesUnit'),
      note: f ? breakdown(f.byViolationType, none) : null,
    },
  ]
  return (
    <Row gutter={[12, 12]} data-testid="ethics-figures">
      {cards.map((c) => (
        <Col key={c.key} xs={12} lg={6}>
          <Card
            size="small"
            loading={figures.isLoading}
            data-testid={`figure-${c.key}`}
            style={{ height: '100%' }}
          >
            <Statistic
              title={c.title}
              value={c.value}
              suffix={c.suffix}
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
