import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons'
import { Card, Empty, Skeleton, Space, Statistic, Typography } from 'antd'
import dayjs from 'dayjs'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { numberText, useComparisonText, useIndicatorName, useUnitWord } from './format'
import { useFigure } from './queries'
import { Sparkline } from './Sparkline'
import { TargetLight } from './TargetLight'
import type { Comparison, Figure } from './types'

/** Green when the change goes the good way for the indicator, red when not, grey when neither. */
function icon(direction: string, better: 'higher' | 'lower' | undefined): ReactNode {
  if (direction === 'flat') return <MinusOutlined />
  const good = better === undefined ? null : (direction === 'up') === (better === 'higher')
  const color = good === null ? '#8c8c8c' : good ? '#3f8600' : '#cf1322'
  return direction === 'up' ? <ArrowUpOutlined style={{ color }} /> : <ArrowDownOutlined style={{ color }} />
}

interface Props {
  indicatorKey: string
  period: string
  orgUnitId: number | undefined
  /** Dashboard cards: the title, value, 同比, light and sparkline only. */
  compact?: boolean
  extra?: ReactNode
}

/** One indicator for one period and unit: value, data date, 同比 / 环比, target light, trend. */
export function FigureCard({ indicatorKey, period, orgUnitId, compact, extra }: Props) {
  const { t } = useTranslation()
  const fig = useFigure(indicatorKey, period, orgUnitId, 6)
  const name = useIndicatorName()
  const word = useUnitWord()
  const cmpText = useComparisonText()
  const testId = `figure-card-${indicatorKey}`
  if (fig.isPending)
    return (
      <Card size="small" data-testid={testId}>
        <Skeleton active paragraph={{ rows: 2 }} />
      </Card>
    )
  if (!fig.data)
    return (
      <Card size="small" data-testid={testId} title={indicatorKey}>
        <Empty />
      </Card>
    )
  const f: Figure = fig.data
  const ind = f.indicator
  const w = word(ind)
  const points = [
    ...f.trail.map((x) => ({ label: x.period.label, value: x.value })),
    { label: f.period.label, value: f.figure.value },
  ]
  const cmp = (k: 'yoy' | 'prev') => {
    const c = f.comparisons[k]
    if (!c) return null
    return (
      <ComparisonLine
        label={t(`indicators.figure.${k}`)}
        c={c.comparison}
        better={ind.better}
        text={`${cmpText(ind, c.comparison)}${t('indicators.figure.against', { period: c.period.label, value: c.figure.value === null ? '—' : numberText(ind.unit, c.figure.value) })}`}
        testId={`${testId}-${k}`}
      />
    )
  }
  return (
    <Card
      size="small"
      data-testid={testId}
      title={<span title={ind.key}>{name(ind)}</span>}
      extra={extra}
      style={{ height: '100%' }}
      styles={{ body: { paddingBottom: 8 } }}
    >
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Statistic
          value={f.figure.value === null ? '—' : numberText(ind.unit, f.figure.value)}
          suffix={f.figure.value === null ? undefined : w}
          styles={{ content: { fontSize: compact ? 24 : 30 } }}
          data-testid={`${testId}-value`}
        />
        {!compact && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-updated`}>
            {`${f.unit.name} · ${f.period.label}　`}
            {f.figure.changedAt
              ? t('indicators.figure.updatedAt', { at: dayjs(f.figure.changedAt).format('YYYY-MM-DD HH:mm') })
              : ''}
            {f.figure.rows !== null ? `　${t('indicators.figure.rows', { rows: f.figure.rows })}` : ''}
          </Typography.Text>
        )}
        {cmp('yoy')}
        {!compact && cmp('prev')}
        <TargetLight ind={ind} target={f.target} compact={compact} />
        <Sparkline points={points} unit={ind.unit} height={compact ? 48 : 80} testId={`${testId}-trail`} />
      </Space>
    </Card>
  )
}

function ComparisonLine({
  label,
  c,
  better,
  text,
  testId,
}: {
  label: string
  c: Comparison
  better: 'higher' | 'lower' | undefined
  text: string
  testId: string
}) {
  return (
    <div style={{ display: 'flex', gap: 6, alignItems: 'baseline' }} data-testid={testId}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Typography.Text>
      {c.direction && icon(c.direction, better)}
      <Typography.Text>{text}</Typography.Text>
    </div>
  )
}
