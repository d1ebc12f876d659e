import { Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { atMinute } from '../format'
import { useResearchLabels } from '../labels'
import type { TopicDetail, TopicEvent, TopicStatus } from '../types'

const COLORS: Record<string, string> = {
  conclude: 'green',
  report: 'purple',
  finding_to_problem: 'blue',
  void: 'red',
  reopen: 'orange',
  visit_void: 'gray',
  finding_void: 'gray',
  attachment_void: 'gray',
}

/** What happened to the topic, oldest first, with who did it and the details that matter. */
export function TopicTimeline({ detail: d }: { detail: TopicDetail }) {
  const { t } = useTranslation()
  const labels = useResearchLabels()

  /** One readable line per fact of an event; ids stay in the audit log. */
  const lines = (e: TopicEvent): string[] => {
    const x = e.detail
    const str = (k: string) => (typeof x[k] === 'string' || typeof x[k] === 'number' ? String(x[k]) : '')
    const out: string[] = []
    if (str('from') && str('to'))
      out.push(
        t(x.auto ? 'research.history.autoStart' : 'research.history.transition', {
          from: labels.status(str('from') as TopicStatus),
          to: labels.status(str('to') as TopicStatus),
        }),
      )
    const visit = d.visits.find((v) => v.id === Number(x.visitId))
    if (e.action.startsWith('visit_') && visit) out.push(`${visit.visitedOn} ${visit.unit}`)
    const finding = d.findings.find((f) => f.id === Number(x.findingId))
    if (e.action.startsWith('finding_') && finding) out.push(finding.text)
    if (str('problemCode')) out.push(t('research.history.problem', { code: str('problemCode') }))
    if (str('filename')) out.push(str('filename'))
    if (str('reason')) out.push(t('research.history.reason', { text: str('reason') }))
    if (e.action === 'import' && str('file')) out.push(t('research.history.file', { file: str('file') }))
    if (Array.isArray(x.fields) && x.fields.length > 0)
      out.push(
        t('research.history.fields', {
          fields: x.fields
            .map((f) => t(`research.field.${String(f)}`, { defaultValue: String(f) }))
            .join('、'),
        }),
      )
    return out
  }

  return (
    <Timeline
      data-testid="topic-timeline"
      items={d.events.map((e) => ({
        key: e.id,
        color: COLORS[e.action],
        content: (
          <div>
            <Typography.Text strong>
              {t(`research.event.${e.action}`, { defaultValue: e.action })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {atMinute(e.at)} · {e.actor}
              {/* A visit or a report recorded later than it happened says when it happened. */}
              {e.on !== atMinute(e.at).slice(0, 10) && ` · ${t('research.history.on', { date: e.on })}`}
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
