import { DatePicker } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useToday } from '../../../app/hooks/useToday'

interface Props {
  value: number | undefined
  onChange: (year: number) => void
  'data-testid'?: string
}

/** A statistical year, never after the server's current year (rows cannot describe the future). */
export function YearPicker({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation()
  const thisYear = Number(useToday().slice(0, 4))
  return (
    <DatePicker
      picker="year"
      allowClear={false}
      placeholder={t('balance.year')}
      style={{ width: 120 }}
      value={value ? dayjs(`${value}-01-01`) : null}
      disabledDate={(d) => d.year() > thisYear}
      onChange={(d) => d && onChange(d.year())}
      data-testid={rest['data-testid'] ?? 'balance-year'}
    />
  )
}
