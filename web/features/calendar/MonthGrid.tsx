import { Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { CELL, DayCell } from './DayCell'
import type { CalendarDay } from './types'

interface Props {
  year: number
  /** 0-based, as dayjs counts months. */
  month: number
  days: Map<string, CalendarDay>
  onPick?: (date: string) => void
}

/** One month, Monday first (the Chinese working week), holidays 休 in red and make-up days 班 in blue. */
export function MonthGrid({ year, month, days, onPick }: Props) {
  const { t } = useTranslation()
  const first = dayjs(new Date(year, month, 1))
  // dayjs: Sunday = 0; shift so Monday is the first column.
  const lead = (first.day() + 6) % 7
  const count = first.daysInMonth()
  const weekdays = t('calendar.weekdays').split(',')
  // The lead cells are the previous month's last days, drawn blank, so every cell has a date key.
  const cells = Array.from({ length: lead + count }, (_, k) => first.add(k - lead, 'day'))

  return (
    <div data-testid={`calendar-month-${month + 1}`}>
      <Typography.Text strong>{first.format(t('calendar.monthFormat'))}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(7, ${CELL}px)`, gap: 2, marginTop: 4 }}>
        {weekdays.map((w, i) => (
          <div key={w} style={{ textAlign: 'center', fontSize: 12, color: i >= 5 ? '#8c8c8c' : '#595959' }}>
            {w}
          </div>
        ))}
        {cells.map((d) => {
          const date = d.format('YYYY-MM-DD')
          return d.month() !== month ? (
            <div key={date} />
          ) : (
            <DayCell
              key={date}
              date={date}
              dayOfMonth={d.date()}
              weekend={d.day() === 0 || d.day() === 6}
              info={days.get(date)}
              onPick={onPick}
            />
          )
        })}
      </div>
    </div>
  )
}
