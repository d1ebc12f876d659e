import { Card, Col, Row, Statistic, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { percent } from '../../petitions/dates'
import type { Figures } from '../types'
import { DUE_COLORS } from './colors'

interface CardSpec {
  key: string
  title: string
  value: ReactNode
  note?: ReactNode
  color?: string
}

/** The headline numbers, worded the way reports quote them ("围绕X个方面制定N项重点工作任务"). */
export function FigureCards({ f }: { f: Figures }) {
  const { t } = useTranslation()
  const cards: CardSpec[] = [
    {
      key: 'tasks',
      title: t('supervision.figures.tasks'),
      value: f.tasks,
      note: t('supervision.figures.tasksNote', { aspects: f.aspects, subTasks: f.subTasks }),
    },
    {
      key: 'inProgress',
      title: t('supervision.figures.inProgress'),
      value: f.byStatus.in_progress,
      note: t('supervision.figures.notStarted', { count: f.byStatus.not_started }),
    },
    {
      key: 'done',
      title: t('supervision.figures.done'),
      value: f.done,
      note: t('supervision.figures.doneNote', { onTime: f.doneOnTime, late: f.doneLate }),
    },
    {
      key: 'onTimeCompletionRate',
      title: t('supervision.figures.onTimeRate'),
      value: percent(f.onTimeCompletionRate),
      note: t('supervision.figures.onTimeNote', { onTime: f.doneOnTime, due: f.dueByToday }),
    },
    {
      key: 'overdueNow',
      title: t('supervision.figures.overdueNow'),
      value: f.overdueNow,
      color: f.overdueNow > 0 ? DUE_COLORS.overdue : undefined,
    },
    {
      key: 'dueSoon',
      title: t('supervision.figures.dueSoon'),
      value: f.dueSoon,
      color: f.dueSoon > 0 ? DUE_COLORS.due_soon : undefined,
    },
  ]

  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={4}>
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
