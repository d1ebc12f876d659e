import { Card, Col, Row, Statistic, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { percent } from '../dates'
import type { Figures } from '../types'

interface CardSpec {
  key: string
  title: string
  value: ReactNode
  note?: ReactNode
  color?: string
}

const RED = '#cf1322'
const ORANGE = '#d46b08'

/** The headline numbers of the ledger as of the chosen day, against the campaign's cut-off. */
export function FigureCards({ f }: { f: Figures }) {
  const { t } = useTranslation()
  const s = f.satisfaction
  const cards: CardSpec[] = [
    {
      key: 'cases',
      title: f.firstYear
        ? t('petitions.figures.casesSince', { year: f.firstYear })
        : t('petitions.figures.cases'),
      value: f.cases,
      // Reports say "N 件，涉及 X 类 Y 项" in one breath, so the taxonomy reach sits under the total.
      note: (
        <>
          <span data-testid="figure-categoriesUsed">
            {t('petitions.figures.categoriesValue', { categories: f.categoriesUsed, demands: f.demandsUsed })}
          </span>
          {' · '}
          <span data-testid="figure-repeatCases">
            {t('petitions.figures.repeatCases', { count: f.repeatCases })}
          </span>
        </>
      ),
    },
    {
      key: 'stockAtCutoff',
      title: t('petitions.figures.stockAtCutoff', { date: f.cutoff }),
      value: f.stockAtCutoff,
    },
    {
      key: 'stockResolved',
      title: t('petitions.figures.stockResolved'),
      value: f.stockResolved,
      note: t('petitions.figures.rate', { rate: percent(f.stockResolvedRate) }),
    },
    {
      key: 'newReceived',
      title: t('petitions.figures.newReceived', { date: f.cutoff }),
      value: f.newReceived,
    },
    {
      key: 'newResolved',
      title: t('petitions.figures.newResolved', { date: f.cutoff }),
      value: f.newResolved,
    },
    { key: 'openNow', title: t('petitions.figures.openNow'), value: f.openNow },
    {
      key: 'backlog',
      title: t('petitions.figures.backlog'),
      value: f.backlog,
      note: t('petitions.figures.backlogNote', { days: f.backlogDays }),
      color: f.backlog > 0 ? ORANGE : undefined,
    },
    {
      key: 'overdue',
      title: t('petitions.figures.overdue'),
      value: f.overdue,
      color: f.overdue > 0 ? RED : undefined,
    },
    {
      key: 'dueSoon',
      title: t('petitions.figures.dueSoon'),
      value: f.dueSoon,
      color: f.dueSoon > 0 ? ORANGE : undefined,
    },
    {
      key: 'onTimeNoticeRate',
      title: t('petitions.figures.onTimeNoticeRate'),
      value: percent(f.onTimeNoticeRate),
    },
    {
      key: 'onTimeHandlingRate',
      title: t('petitions.figures.onTimeHandlingRate'),
      value: percent(f.onTimeHandlingRate),
    },
    {
      key: 'satisfaction',
      title: t('petitions.figures.satisfactionRate'),
      value: percent(s.rate),
      note: t('petitions.figures.satisfactionNote', {
        satisfied: s.satisfied,
        basic: s.basic,
        unsatisfied: s.unsatisfied,
      }),
    },
  ]

  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={6} xxl={4}>
          <Card size="small" data-testid={`figure-${c.key}`} style={{ height: '100%' }}>
            <Statistic
              title={c.title}
              value={typeof c.value === 'number' ? c.value : undefined}
              formatter={typeof c.value === 'number' ? undefined : () => c.value}
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
