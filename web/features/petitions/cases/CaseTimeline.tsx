import { Timeline, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { usePetitionLabels } from '../labels'
import type { CaseEvent } from '../types'

// Detail keys whose values are enum keys with their own words.
const ENUM_DETAILS: Record<string, 'outcome' | 'satisfaction' | 'channel'> = {
  outcome: 'outcome',
  satisfaction: 'satisfaction',
  channel: 'channel',
}
// Internal ids mean nothing to a reader; the event also carries the names.
const HIDDEN = new Set(['fromUnitId', 'toUnitId'])

/** What happened to the case, oldest first, with who recorded it and the details they gave. */
export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const { t } = useTranslation()
  const labels = usePetitionLabels()
  const detailText = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return ''
    const group = ENUM_DETAILS[key]
    const shown =
      group && typeof value === 'string'
        ? labels.label(group, value)
        : key === 'duplicateOf'
          ? `#${String(value)}`
          : String(value)
    return t('petitions.detailLine', {
      label: t(`petitions.detail.${key}`, { defaultValue: key }),
      value: shown,
    })
  }

  return (
    <Timeline
      data-testid="case-timeline"
      items={events.map((e) => {
        const details = Object.entries(e.detail)
          // Objects (e.g. before/after snapshots) would read as JSON noise; the audit log keeps them.
          .filter(([k, v]) => !HIDDEN.has(k) && (typeof v !== 'object' || v === null))
          .map(([k, v]) => detailText(k, v))
          .filter(Boolean)
        return {
          key: e.id,
          color: e.action === 'void' ? 'red' : undefined,
          content: (
            <div>
              <Typography.Text strong>{labels.event(e.action)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {e.on} · {e.actor}
              </Typography.Text>
              {details.map((line) => (
                <div key={line} style={{ whiteSpace: 'pre-wrap' }}>
                  {line}
                </div>
              ))}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('petitions.drawer.recordedAt', { at: dayjs(e.at).format('YYYY-MM-DD HH:mm') })}
                </Typography.Text>
              </div>
            </div>
          ),
        }
      })}
    />
  )
}
