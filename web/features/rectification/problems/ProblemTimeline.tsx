import { Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { atMinute, fileSize } from '../format'
import { useRectLabels } from '../labels'
import type { Measure, MeasureStatus, ProblemEvent, ProblemStatus } from '../types'

const COLORS: Record<string, string> = {
  signoff: 'green',
  void: 'red',
  reopen: 'orange',
  evidence_void: 'gray',
  measure_void: 'gray',
}

/** What happened to the problem, oldest first, with who did it and the details that matter. */
export function ProblemTimeline({ events, measures }: { events: ProblemEvent[]; measures: Measure[] }) {
  const { t } = useTranslation()
  const labels = useRectLabels()

  /** One readable line per event; ids and hashes stay in the audit log. */
  const lines = (e: ProblemEvent): string[] => {
    const d = e.detail
    const str = (k: string) => (typeof d[k] === 'string' || typeof d[k] === 'number' ? String(d[k]) : '')
    const out: string[] = []
    if (d.from && d.to)
      out.push(
        t('rectification.history.transition', {
          from: labels.status(str('from') as ProblemStatus),
          to: labels.status(str('to') as ProblemStatus),
        }),
      )
    if (str('seq')) {
      const m = measures.find((x) => x.seq === Number(d.seq))
      const name = t('rectification.measures.name', { seq: str('seq') })
      out.push(m ? t('rectification.fmt.labelled', { label: name, value: m.content }) : name)
    }
    if (str('status'))
      out.push(
        t('rectification.history.measureStatus', {
          status: labels.measureStatus(str('status') as MeasureStatus),
        }),
      )
    if (str('filename'))
      out.push(
        typeof d.size === 'number'
          ? t('rectification.fmt.sized', { name: str('filename'), size: fileSize(d.size) })
          : str('filename'),
      )
    if (str('comment')) out.push(t('rectification.history.comment', { text: str('comment') }))
    if (str('reason')) out.push(t('rectification.history.reason', { text: str('reason') }))
    if (Array.isArray(d.fields) && d.fields.length > 0 && e.action === 'update')
      out.push(
        t('rectification.history.fields', {
          fields: d.fields
            .map((f) => t(`rectification.field.${String(f)}`, { defaultValue: String(f) }))
            .join(t('rectification.fmt.listSep')),
        }),
      )
    return out
  }

  return (
    <Timeline
      data-testid="problem-timeline"
      items={events.map((e) => ({
        key: e.id,
        color: COLORS[e.action],
        content: (
          <div>
            <Typography.Text strong>
              {t(`rectification.event.${e.action}`, { defaultValue: e.action })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {atMinute(e.at)} · {e.actor}
            </Typography.Text>
            {lines(e).map((line) => (
              <div key={line} style={{ whiteSpace: 'pre-wrap' }}>
                {line}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  )
}
