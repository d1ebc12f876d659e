import { Descriptions, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { usePetitionLabels } from '../labels'
import type { CaseDetail } from '../types'

// The statutory order, so the list reads as the procedure runs; unknown keys follow.
const ORDER = [
  'noticeDue',
  'objectionDue',
  'handlingDue',
  'reviewRequestDue',
  'reviewDue',
  'rereviewRequestDue',
  'rereviewDue',
]

function rank(key: string): number {
  const i = ORDER.indexOf(key)
  return i < 0 ? ORDER.length : i
}

/** Only the deadlines the case has reached so far; the server leaves later ones null. */
export function CaseDeadlines({ detail: d }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const labels = usePetitionLabels()
  const set = Object.keys(d.deadlines)
    .filter((k) => d.deadlines[k])
    .sort((a, b) => rank(a) - rank(b))
  if (set.length === 0) return <Typography.Text type="secondary">—</Typography.Text>
  const items = set.map((k) => ({ key: k, label: labels.label('deadline', k), children: d.deadlines[k] }))
  if (d.extensionDays > 0) {
    items.push({
      key: 'extension',
      label: t('petitions.actionForm.extensionDays'),
      children: t('petitions.days', { count: d.extensionDays }),
    })
  }
  return <Descriptions size="small" column={2} bordered data-testid="case-deadlines" items={items} />
}
