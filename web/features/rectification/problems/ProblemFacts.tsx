import { Descriptions, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { atMinute } from '../format'
import { useRectLabels } from '../labels'
import type { ProblemDetail } from '../types'

/** What the problem is, where it came from, who answers for it, and how far it got. */
export function ProblemFacts({ detail: d }: { detail: ProblemDetail }) {
  const { t } = useTranslation()
  const labels = useRectLabels()
  const dash = (v: string | null | undefined) => v || '—'

  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      data-testid="problem-facts"
      items={[
        {
          key: 'description',
          label: t('rectification.field.description'),
          span: 2,
          children: (
            <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
              {d.description}
            </Typography.Paragraph>
          ),
        },
        { key: 'source', label: t('rectification.field.source'), children: labels.source(d.source) },
        { key: 'category', label: t('rectification.field.category'), children: d.category },
        { key: 'campaign', label: t('rectification.field.campaign'), children: dash(d.campaign) },
        { key: 'foundOn', label: t('rectification.field.foundOn'), children: d.foundOn },
        { key: 'unit', label: t('rectification.field.responsibleUnit'), children: d.responsibleUnit },
        {
          key: 'leader',
          label: t('rectification.field.responsibleLeader'),
          children: dash(d.responsibleLeader),
        },
        {
          key: 'fixAtOnce',
          label: t('rectification.field.fixAtOnce'),
          children: d.fixAtOnce ? <Tag color="gold">{t('common.yes')}</Tag> : t('common.no'),
        },
        { key: 'rectifiedOn', label: t('rectification.field.rectifiedOn'), children: dash(d.rectifiedOn) },
        {
          key: 'signoff',
          label: t('rectification.field.signoff'),
          span: 2,
          children: d.signoff ? (
            <span data-testid="problem-signoff-record">
              {d.signoff.comment
                ? t('rectification.fmt.labelled', {
                    label: t('rectification.signoff.record', {
                      by: d.signoff.byName,
                      at: atMinute(d.signoff.at),
                    }),
                    value: d.signoff.comment,
                  })
                : t('rectification.signoff.record', { by: d.signoff.byName, at: atMinute(d.signoff.at) })}
            </span>
          ) : (
            '—'
          ),
        },
        ...(d.reopenCount > 0
          ? [
              {
                key: 'reopened',
                label: t('rectification.field.reopenCount'),
                children: t('rectification.reopenedTimes', { count: d.reopenCount }),
              },
            ]
          : []),
      ]}
    />
  )
}
