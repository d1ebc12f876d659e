import { Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CalendarDay } from './types'

export const CELL = 30
const HOLIDAY = { bg: '#fff1f0', fg: '#cf1322', border: '#ffa39e' }
const WORKDAY = { bg: '#e6f4ff', fg: '#0958d9', border: '#91caff' }
const OVERRIDE_BORDER = '#8c8c8c'

interface Props {
  date: string
  dayOfMonth: number
  weekend: boolean
  info: CalendarDay | undefined
  onPick?: (date: string) => void
}

/** One day: 休 on a red ground for a holiday, 班 on blue for a make-up working day. */
export function DayCell({ date, dayOfMonth, weekend, info, onPick }: Props) {
  const { t } = useTranslation()
  const colours = info?.kind === 'holiday' ? HOLIDAY : info?.kind === 'workday' ? WORKDAY : null
  const mark =
    info?.kind === 'holiday' ? t('calendar.rest') : info?.kind === 'workday' ? t('calendar.work') : ''
  const overridden = info?.source === 'override'
  const tip = [info?.name, overridden ? t('calendar.overridden') : null].filter(Boolean).join(' · ')
  // A button only for admins: for everyone else the grid is a picture, not a control.
  const Tag = onPick ? 'button' : 'div'

  const cell = (
    <Tag
      type={onPick ? 'button' : undefined}
      data-testid={`calendar-day-${date}`}
      data-kind={info?.kind ?? (weekend ? 'weekend' : 'weekday')}
      onClick={onPick ? () => onPick(date) : undefined}
      style={{
        position: 'relative',
        width: CELL,
        height: CELL,
        padding: 0,
        lineHeight: `${CELL - 2}px`,
        textAlign: 'center',
        fontSize: 12,
        fontFamily: 'inherit',
        borderRadius: 3,
        cursor: onPick ? 'pointer' : 'default',
        background: colours?.bg ?? 'transparent',
        color: colours?.fg ?? (weekend ? '#bfbfbf' : 'rgba(0,0,0,0.88)'),
        // An admin correction is dashed so it can be told from the published schedule.
        border: `1px ${overridden ? 'dashed' : 'solid'} ${colours?.border ?? (overridden ? OVERRIDE_BORDER : 'transparent')}`,
      }}
    >
      {dayOfMonth}
      {mark && (
        <span style={{ position: 'absolute', top: -2, right: 1, fontSize: 9, lineHeight: '12px' }}>
          {mark}
        </span>
      )}
    </Tag>
  )
  return tip ? <Tooltip title={tip}>{cell}</Tooltip> : cell
}
