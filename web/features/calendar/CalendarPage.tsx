import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Row, Select, Space, Spin, Typography } from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../app/auth'
import { useToday } from '../../app/hooks/useToday'
import { MonthGrid } from './MonthGrid'
import { OverrideModal } from './OverrideModal'
import { useCalendar } from './queries'
import type { CalendarDay } from './types'

const MIN_YEAR = 2004
const MAX_YEAR = 2100
const MONTHS = Array.from({ length: 12 }, (_, m) => m)

/** 工作日历: the working days petition deadlines are counted in; admins correct single days. */
export default function CalendarPage() {
  const { t } = useTranslation()
  const { user } = useAuth()
  // The server enforces calendar.write; only admins get the click-to-edit.
  const canEdit = user?.role === 'admin'
  const thisYear = dayjs(useToday()).year()
  const [year, setYear] = useState(thisYear)
  const [picked, setPicked] = useState<string | null>(null)
  const calendar = useCalendar(year)
  const days = useMemo(
    () => new Map<string, CalendarDay>((calendar.data?.days ?? []).map((d) => [d.date, d])),
    [calendar.data],
  )
  const years = useMemo(() => {
    return Array.from({ length: 8 }, (_, i) => thisYear - 5 + i).map((y) => ({ value: y, label: String(y) }))
  }, [thisYear])

  return (
    <Card
      title={t('calendar.title')}
      extra={
        <Space>
          <Button
            icon={<LeftOutlined />}
            aria-label={t('calendar.prevYear')}
            disabled={year <= MIN_YEAR}
            onClick={() => setYear(year - 1)}
          />
          <Select<number>
            data-testid="calendar-year"
            value={year}
            onChange={setYear}
            options={
              years.some((y) => y.value === year) ? years : [...years, { value: year, label: String(year) }]
            }
            style={{ width: 100 }}
          />
          <Button
            icon={<RightOutlined />}
            aria-label={t('calendar.nextYear')}
            disabled={year >= MAX_YEAR}
            onClick={() => setYear(year + 1)}
          />
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {calendar.data && !calendar.data.published && (
          <Alert
            type="warning"
            showIcon
            data-testid="calendar-unpublished"
            title={t('calendar.unpublished', { year })}
            description={t('calendar.unpublishedHint')}
          />
        )}
        <Space size={16} wrap>
          <Legend bg="#fff1f0" fg="#cf1322" mark={t('calendar.rest')} label={t('calendar.kind.holiday')} />
          <Legend bg="#e6f4ff" fg="#0958d9" mark={t('calendar.work')} label={t('calendar.kind.workday')} />
          <Typography.Text type="secondary">{t('calendar.legendOverride')}</Typography.Text>
          {canEdit && <Typography.Text type="secondary">{t('calendar.clickToEdit')}</Typography.Text>}
        </Space>
        <Typography.Text type="secondary">{t('calendar.recomputeNote')}</Typography.Text>
        {calendar.isPending ? (
          <Spin />
        ) : (
          <Row gutter={[24, 16]}>
            {MONTHS.map((m) => (
              <Col key={m} flex="240px">
                <MonthGrid year={year} month={m} days={days} onPick={canEdit ? setPicked : undefined} />
              </Col>
            ))}
          </Row>
        )}
      </Space>
      <OverrideModal
        date={picked}
        current={picked ? days.get(picked) : undefined}
        onClose={() => setPicked(null)}
      />
    </Card>
  )
}

function Legend({ bg, fg, mark, label }: { bg: string; fg: string; mark: string; label: string }) {
  return (
    <Space size={4}>
      <span
        style={{
          display: 'inline-block',
          width: 20,
          height: 20,
          lineHeight: '20px',
          textAlign: 'center',
          fontSize: 11,
          background: bg,
          color: fg,
          borderRadius: 3,
        }}
      >
        {mark}
      </span>
      <Typography.Text>{label}</Typography.Text>
    </Space>
  )
}
