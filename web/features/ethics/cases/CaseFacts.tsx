import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useEthicsLabels } from '../labels'
import type { CaseDetail } from '../types'

export function CaseFacts({ detail: d }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const labels = useEthicsLabels()
  const dash = (v: string | null | undefined) => v || '—'
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      data-testid="ethics-facts"
      items={[
        {
          key: 'teacher',
          label: t('ethics.field.teacher'),
          children: <span data-testid="ethics-teacher">{d.teacherName}</span>,
        },
        {
          key: 'id',
          label: t('ethics.field.idNumber'),
          children: <span data-testid="ethics-id-number">{dash(d.teacherIdNumber)}</span>,
        },
        { key: 'school', label: t('ethics.field.school'), children: d.school, span: 2 },
        { key: 'occurredOn', label: t('ethics.field.occurredOn'), children: d.occurredOn },
        { key: 'type', label: t('ethics.field.violationType'), children: d.violationType },
        {
          key: 'finding',
          label: t('ethics.field.finding'),
          span: 2,
          children: (
            <Typography.Paragraph
              style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
              data-testid="ethics-finding"
            >
              {d.finding}
            </Typography.Paragraph>
          ),
        },
        { key: 'handling', label: t('ethics.field.handling'), children: labels.handling(d.handling) },
        { key: 'handledOn', label: t('ethics.field.handledOn'), children: dash(d.handledOn) },
        {
          key: 'handlingDetail',
          label: t('ethics.field.handlingDetail'),
          span: 2,
          children: dash(d.handlingDetail),
        },
      ]}
    />
  )
}
