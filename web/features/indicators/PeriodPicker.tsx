import { DatePicker, Select, Space } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { parsePeriod } from '../../../domain/indicators/periods'

type Kind = 'year' | 'half' | 'quarter' | 'month'
const KINDS: Kind[] = ['year', 'half', 'quarter', 'month']

interface Props {
  /** A period label: 2026, 2026-H1, 2026-Q3, 2026-05. */
  value: string
  onChange: (label: string) => void
}

/** Year, half, quarter or month, built from a kind, a year and a part; emits the API's label. */
export function PeriodPicker({ value, onChange }: Props) {
  const { t } = useTranslation()
  const p = parsePeriod(value)
  const kind: Kind = p && p.kind !== 'range' ? p.kind : 'year'
  const year = value.slice(0, 4)
  const part = kind === 'year' ? '' : value.slice(5)
  const emit = (k: Kind, y: string, pt: string) => {
    const first = k === 'half' ? 'H1' : k === 'quarter' ? 'Q1' : k === 'month' ? '01' : ''
    const keep =
      (k === 'half' && /^H[12]$/.test(pt)) ||
      (k === 'quarter' && /^Q[1-4]$/.test(pt)) ||
      (k === 'month' && /^\d{2}$/.test(pt))
    onChange(k === 'year' ? y : `${y}-${keep ? pt : first}`)
  }
  const parts =
    kind === 'half'
      ? [
          { value: 'H1', label: t('indicators.period.h1') },
          { value: 'H2', label: t('indicators.period.h2') },
        ]
      : kind === 'quarter'
        ? [1, 2, 3, 4].map((n) => ({ value: `Q${n}`, label: t('indicators.period.q', { n }) }))
        : Array.from({ length: 12 }, (_, i) => ({
            value: String(i + 1).padStart(2, '0'),
            label: t('indicators.period.m', { n: i + 1 }),
          }))
  return (
    <Space.Compact data-testid="period-picker">
      <Select<Kind>
        style={{ width: 90 }}
        value={kind}
        onChange={(k) => emit(k, year, part)}
        options={KINDS.map((k) => ({ value: k, label: t(`indicators.period.kinds.${k}`) }))}
        data-testid="period-kind"
      />
      <DatePicker
        picker="year"
        allowClear={false}
        style={{ width: 100 }}
        value={dayjs(`${year}-01-01`)}
        onChange={(d) => d && emit(kind, d.format('YYYY'), part)}
        data-testid="period-year"
      />
      {kind !== 'year' && (
        <Select<string>
          style={{ width: 110 }}
          value={part}
          onChange={(pt) => emit(kind, year, pt)}
          options={parts}
          data-testid="period-part"
        />
      )}
    </Space.Compact>
  )
}
