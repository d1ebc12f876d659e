import { Timeline as AntTimeline, Typography } from 'antd'
import { atMinute } from '../format'
import { useSelT } from '../i18n'
import { useEvents } from '../queries'
import type { TimelineEvent } from '../types'

/** The detail worth a line: a reason, the expert concerned, the notice's days, a file. */
function detailOf(e: TimelineEvent, st: (k: string, o?: Record<string, unknown>) => string): string {
  const d = e.detail
  const parts: string[] = []
  if (typeof d.expert === 'string') parts.push(d.expert)
  // A conflict's reason is a code; a return's or removal's reason is the user's own words.
  if (typeof d.reason === 'string') parts.push(st(`conflict.${d.reason}`, { defaultValue: d.reason }))
  if (typeof d.publishedOn === 'string') parts.push(`${d.publishedOn} ～ ${String(d.endsOn)}`)
  if (typeof d.filename === 'string') parts.push(d.filename)
  if (typeof d.seed === 'number') parts.push(`seed ${d.seed}`)
  return parts.join(' · ')
}

/** Every step of the programme, oldest first, as its overseers read it. */
export function Timeline({ programmeId }: { programmeId: number }) {
  const st = useSelT()
  const events = useEvents(programmeId, true)
  return (
    <AntTimeline
      data-testid="programme-timeline"
      items={(events.data ?? []).map((e) => {
        const extra = detailOf(e, st)
        return {
          key: e.id,
          children: (
            <span>
              <Typography.Text type="secondary">{atMinute(e.at)}</Typography.Text>{' '}
              <Typography.Text strong>{st(`event.${e.action}`, { defaultValue: e.action })}</Typography.Text>{' '}
              {e.actor}
              {extra && <Typography.Text type="secondary">{` — ${extra}`}</Typography.Text>}
            </span>
          ),
        }
      })}
    />
  )
}
