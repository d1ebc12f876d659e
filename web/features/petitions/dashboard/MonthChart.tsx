import { Space, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Figures } from '../types'

const HEIGHT = 160
const RECEIVED = '#1f5fa8'
const RESOLVED = '#52c41a'

/** Received vs resolved per month as paired bars; plain divs, no chart library. */
export function MonthChart({ months }: { months: Figures['byMonth'] }) {
  const { t } = useTranslation()
  if (months.length === 0)
    return <Typography.Text type="secondary">{t('petitions.figures.noData')}</Typography.Text>
  const max = Math.max(1, ...months.map((m) => Math.max(m.received, m.resolved)))
  const bar = (value: number, color: string) => (
    <div
      style={{
        width: 10,
        height: Math.max(value > 0 ? 2 : 0, Math.round((value / max) * HEIGHT)),
        background: color,
        borderRadius: '2px 2px 0 0',
      }}
    />
  )

  return (
    <div data-testid="figure-chart-months">
      <Space size={16} style={{ marginBottom: 8 }}>
        <Legend color={RECEIVED} label={t('petitions.figures.received')} />
        <Legend color={RESOLVED} label={t('petitions.figures.resolved')} />
      </Space>
      <div style={{ display: 'flex', alignItems: 'flex-end', gap: 6, overflowX: 'auto', paddingBottom: 4 }}>
        {months.map((m) => (
          <Tooltip
            key={m.month}
            title={`${m.month}：${t('petitions.figures.received')} ${m.received}，${t('petitions.figures.resolved')} ${m.resolved}`}
          >
            <div
              style={{
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'center',
                minWidth: 34,
                flex: 1,
              }}
            >
              <div style={{ display: 'flex', alignItems: 'flex-end', gap: 2, height: HEIGHT }}>
                {bar(m.received, RECEIVED)}
                {bar(m.resolved, RESOLVED)}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 11, whiteSpace: 'nowrap' }}>
                {/* "2026-03" → "26-03": twelve or more labels have to fit under narrow bars. */}
                {m.month.slice(2)}
              </Typography.Text>
            </div>
          </Tooltip>
        ))}
      </div>
    </div>
  )
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Space size={4}>
      <span style={{ display: 'inline-block', width: 10, height: 10, background: color, borderRadius: 2 }} />
      <Typography.Text style={{ fontSize: 12 }}>{label}</Typography.Text>
    </Space>
  )
}
