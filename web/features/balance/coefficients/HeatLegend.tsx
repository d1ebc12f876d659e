import { Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { HEAT_COLORS, type Heat } from '../format'
import type { Limits } from '../types'

/** The colour rule in words, so a reader never has to guess what amber means. */
export function HeatLegend({ cvLimits, compositeLimits }: { cvLimits: Limits; compositeLimits: Limits }) {
  const { t } = useTranslation()
  const swatch = (h: Exclude<Heat, 'none'>) => (
    <span
      key={h}
      style={{
        ...HEAT_COLORS[h],
        border: `1px solid ${HEAT_COLORS[h].color}`,
        padding: '0 6px',
        borderRadius: 4,
        fontSize: 12,
      }}
    >
      {t(`balance.coef.${h}`)}
    </span>
  )
  const fix = (l: Limits) => ({ primary: l.primary.toFixed(2), junior: l.junior.toFixed(2) })
  return (
    <Space orientation="vertical" size={2} data-testid="heat-legend" style={{ fontSize: 12 }}>
      <Space size={6} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('balance.coef.legendTitle')}
        </Typography.Text>
        {swatch('within')}
        {swatch('near')}
        {swatch('beyond')}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('balance.coef.legendChange')}
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('balance.coef.legendCv', fix(cvLimits))}；{t('balance.coef.legendComposite', fix(compositeLimits))}
      </Typography.Text>
    </Space>
  )
}
