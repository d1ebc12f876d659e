import { Timeline, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useSupervisionLabels } from '../labels'
import type { TaskEvent } from '../types'

const COLORS: Record<string, string> = {
  void: 'red',
  cancel: 'red',
  complete: 'green',
  extension_approve: 'green',
  extension_refuse: 'orange',
  notice: 'red',
  deadline: 'orange',
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')

/** What happened to the task, oldest first, each with who recorded it and the details worth reading. */
export function TaskTimeline({ events }: { events: TaskEvent[] }) {
  const { t } = useTranslation()
  const labels = useSupervisionLabels()

  const lines = (e: TaskEvent): string[] => {
    const d = e.detail
    const out: string[] = []
    const line = (key: string, value: string) => {
      if (value)
        out.push(
          t('supervision.detailLine', {
            label: t(`supervision.detail.${key}`, { defaultValue: key }),
            value,
          }),
        )
    }
    switch (e.action) {
      case 'deadline':
      case 'extension_request':
        line('deadline', `${str(d.from)} → ${str(d.to)}`)
        if (d.via) line('via', t(`supervision.detail.via_${str(d.via)}`, { defaultValue: str(d.via) }))
        break
      case 'extension_approve':
        line('approvedDeadline', str(d.to))
        break
      case 'progress':
        line('unit', str(d.unit))
        if (d.percent !== null && d.percent !== undefined) line('percent', `${str(d.percent)}%`)
        break
      case 'milestone_add':
      case 'milestone_void':
        line('milestone', str(d.title))
        break
      case 'milestone_update': {
        const after = (d.after ?? {}) as Record<string, unknown>
        const before = (d.before ?? {}) as Record<string, unknown>
        line('milestone', str(after.title))
        if (after.doneOn !== before.doneOn)
          line('reached', str(after.doneOn) || t('supervision.detail.undone'))
        break
      }
      case 'update':
        if (Array.isArray(d.fields))
          line(
            'fields',
            d.fields
              .map((f) => t(`supervision.updatedField.${String(f)}`, { defaultValue: String(f) }))
              .join('、'),
          )
        break
      case 'attachment_add':
      case 'attachment_void':
        line('file', str(d.filename))
        break
      case 'notice':
        line('noticeNo', str(d.noticeNo))
        break
      case 'complete':
        if (d.late) out.push(t('supervision.dueState.done_late'))
        break
      case 'start':
        if (d.auto) out.push(t('supervision.detail.autoStart'))
        break
    }
    line('reason', str(d.reason))
    return out
  }

  return (
    <Timeline
      data-testid="task-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: COLORS[e.action],
        content: (
          <div>
            <Typography.Text strong>{labels.label('event', e.action)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {e.on} · {e.actor}
            </Typography.Text>
            {lines(e).map((l) => (
              <div key={l} style={{ whiteSpace: 'pre-wrap' }}>
                {l}
              </div>
            ))}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('supervision.recordedAt', { at: dayjs(e.at).format('YYYY-MM-DD HH:mm') })}
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  )
}
