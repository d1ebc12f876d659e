import { ExportOutlined } from '@ant-design/icons'
import { Descriptions, Drawer, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useMeta } from '../../../app/meta'
import { useValueText } from '../../indicators/format'
import { useIndicators } from '../../indicators/queries'
import { useOrgIndex } from '../../org/queries'
import { useLedgers } from '../../statistics/queries'
import type { FigureView } from '../types'
import { FigureRows } from './FigureRows'

interface Props {
  figure: FigureView | null
  onClose: () => void
  'data-testid': string
  /** The side it opens on: away from what the reader is looking at. */
  placement?: 'left' | 'right'
}

/** A link that opens beside the editor: a click must not lose a template being written. */
function Out({ to, children, testId }: { to: string; children: React.ReactNode; testId: string }) {
  return (
    <a href={to} target="_blank" rel="noopener" data-testid={testId}>
      {children} <ExportOutlined />
    </a>
  )
}

/** Where one figure came from: its indicator, period, unit, value, data time, rows and source. */
export function FigurePanel({ figure, onClose, placement = 'right', ...rest }: Props) {
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const indicators = useIndicators().data?.items ?? []
  const ledgers = useLedgers().data ?? []
  const { index } = useOrgIndex(false)
  const meta = useMeta().data
  const valueText = useValueText()
  const f = figure
  const ind = f ? indicators.find((i) => i.key === f.key) : undefined

  const value = () => {
    if (!f || f.value === null) return '—'
    return ind ? valueText(ind, f.value) : `${f.value} ${f.unit}`
  }
  const source = () => {
    if (!f) return null
    const { kind, ref } = f.source
    if (kind === 'ledger') {
      const ledger = ledgers.find((l) => l.key === ref)
      return (
        <Out to={`/statistics?ledger=${encodeURIComponent(ref)}`} testId="figure-source-link">
          {t('reports.figure.ledger', {
            name: ledger ? (en ? ledger.nameEn || ledger.nameZh : ledger.nameZh) : ref,
          })}
        </Out>
      )
    }
    if (kind === 'module') {
      const m = meta?.modules.find((x) => x.key === ref)
      const name = m ? (en ? m.titleEn : m.titleZh) : ref
      return m ? (
        <Out to={m.path} testId="figure-source-link">
          {t('reports.figure.module', { name })}
        </Out>
      ) : (
        t('reports.figure.module', { name })
      )
    }
    if (kind === 'expression') {
      const names = ref
        .split(',')
        .map((k) => indicators.find((i) => i.key === k))
        .map((i, n) => (i ? (en ? i.en || i.zh : i.zh) : ref.split(',')[n]))
      return t('reports.figure.expression', { of: names.join(en ? ', ' : '、') })
    }
    return t('reports.figure.manual')
  }
  const unitName = f ? (index.byId.get(String(f.orgUnitId))?.name ?? String(f.orgUnitId)) : ''

  return (
    <Drawer
      open={f !== null}
      onClose={onClose}
      mask={false}
      placement={placement}
      size={420}
      title={t('reports.figure.title')}
      data-testid={rest['data-testid']}
    >
      {f && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('reports.figure.indicator')}>
            <div data-testid="figure-indicator">
              <Typography.Text strong>{ind ? (en ? ind.en || ind.zh : ind.zh) : f.name}</Typography.Text>
              <br />
              <Out to={`/indicators?indicator=${encodeURIComponent(f.key)}`} testId="figure-indicator-link">
                <code>{f.key}</code>
              </Out>
            </div>
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.figure.value')}>
            <span data-testid="figure-value">{value()}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.figure.period')}>{f.period}</Descriptions.Item>
          <Descriptions.Item label={t('reports.figure.orgUnit')}>{unitName}</Descriptions.Item>
          <Descriptions.Item label={t('reports.figure.changedAt')}>
            {f.changedAt ? dayjs(f.changedAt).format('YYYY-MM-DD HH:mm') : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.figure.rows')}>
            {f.rows === null ? '—' : t('reports.figure.rowsCount', { count: f.rows })}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.figure.source')}>
            <Tag>{t(`reports.figure.kinds.${f.source.kind}`)}</Tag>
            <span data-testid="figure-source">{source()}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      {f?.rowsQuery && <FigureRows figure={f} />}
    </Drawer>
  )
}
