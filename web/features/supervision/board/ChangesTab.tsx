import { Card, Col, DatePicker, Empty, Row, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fromIso, toIso } from '../../petitions/dates'
import { useChanges, useToday } from '../queries'
import type { Change, Changes } from '../types'

type Kind = 'created' | 'completed' | 'deadlineMoved' | 'progress'
const KINDS: Kind[] = ['created', 'completed', 'deadlineMoved', 'progress']

/** "What changed since date X": tasks created, completed, deadlines moved, progress reported. */
export function ChangesTab({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const today = useToday()
  const [since, setSince] = useState<string | undefined>()
  // A week back from the server's today until the user picks a day.
  const day = since ?? dayjs(today).subtract(7, 'day').format('YYYY-MM-DD')
  const changes = useChanges(day)

  const detail = (kind: Kind, c: Change): string => {
    const d = c.detail
    if (kind === 'deadlineMoved') return `${String(d.from ?? '')} → ${String(d.to ?? '')}`
    if (kind === 'progress')
      return [d.unit, typeof d.percent === 'number' ? `${d.percent}%` : ''].filter(Boolean).join(' · ')
    if (kind === 'completed' && d.late) return t('supervision.dueState.done_late')
    return ''
  }

  const list = (kind: Kind, data: Changes) => {
    const items = data[kind]
    if (items.length === 0)
      return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.changes.none')} />
    return (
      <div style={{ maxHeight: 360, overflow: 'auto' }}>
        {[...items].reverse().map((c) => (
          <div key={`${c.taskId}-${c.at}`} style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
            <Typography.Link onClick={() => onOpen(c.taskId)}>{c.title}</Typography.Link>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.on} · {c.actor}
                {detail(kind, c) && ` · ${detail(kind, c)}`}
              </Typography.Text>
            </div>
          </div>
        ))}
      </div>
    )
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('supervision.changes.since')}</Typography.Text>
        <DatePicker
          data-testid="changes-since"
          value={fromIso(day) ?? null}
          allowClear={false}
          onChange={(d) => setSince(toIso(d))}
          disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
        />
      </Space>
      <Row gutter={[12, 12]}>
        {KINDS.map((k) => (
          <Col key={k} xs={24} md={12} xl={6}>
            <Card
              size="small"
              data-testid={`changes-${k}`}
              title={t(`supervision.changes.${k}`, { count: changes.data?.[k].length ?? 0 })}
              loading={!changes.data}
              style={{ height: '100%' }}
            >
              {changes.data && list(k, changes.data)}
            </Card>
          </Col>
        ))}
      </Row>
    </Space>
  )
}
