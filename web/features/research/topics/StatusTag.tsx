import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { STATUS_COLORS, useResearchLabels } from '../labels'
import type { TopicStatus } from '../types'

export function StatusTag({ status, voided }: { status: TopicStatus; voided?: boolean }) {
  const { t } = useTranslation()
  const labels = useResearchLabels()
  if (voided) return <Tag data-testid="topic-status">{t('common.voided')}</Tag>
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="topic-status">
      {labels.status(status)}
    </Tag>
  )
}
