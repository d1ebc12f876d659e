import { Badge, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useValueText } from './format'
import type { Indicator, TargetView } from './types'

const COLORS = { green: '#52c41a', yellow: '#faad14', red: '#ff4d4f' } as const

/** Target, attainment and the traffic light; "提前达到" when attained before the period ended. */
export function TargetLight({
  ind,
  target,
  compact,
}: {
  ind: Indicator
  target: TargetView | null
  compact?: boolean
}) {
  const { t } = useTranslation()
  const value = useValueText()
  if (!target)
    return (
      <Typography.Text type="secondary">
        {compact ? t('indicators.dashboard.noTarget') : t('indicators.figure.noTarget')}
      </Typography.Text>
    )
  const light = target.light
  return (
    <Space size={6} wrap data-testid="target-light" data-light={light ?? 'none'}>
      {light && <Badge color={COLORS[light]} text={compact ? undefined : t(`indicators.lights.${light}`)} />}
      <Typography.Text>
        {t('indicators.figure.target')} {value(ind, target.target)}
      </Typography.Text>
      {target.attainmentPct !== null && (
        <Typography.Text type="secondary">
          {t('indicators.figure.attainment', { pct: target.attainmentPct.toFixed(1) })}
        </Typography.Text>
      )}
      {target.attainedEarly ? (
        <Tag color="green" data-testid="target-early">
          {t('indicators.figure.attainedEarly')}
        </Tag>
      ) : target.attained ? (
        <Tag color="green">{t('indicators.figure.attained')}</Tag>
      ) : null}
      {target.inherited && !compact && <Tag>{t('indicators.figure.inherited')}</Tag>}
    </Space>
  )
}
