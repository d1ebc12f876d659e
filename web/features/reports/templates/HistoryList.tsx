import { List, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { TemplateView } from '../types'

/** The versions of a template's source, newest first, with what each changed. */
export function HistoryList({ template }: { template: TemplateView }) {
  const { t } = useTranslation()
  const items = [...template.history].sort((a, b) => b.versionNo - a.versionNo)
  return (
    <List
      size="small"
      data-testid="template-history"
      dataSource={items}
      renderItem={(h) => (
        <List.Item data-testid={`template-history-${h.versionNo}`}>
          <Tag color={h.versionNo === template.currentVersion ? 'blue' : undefined}>
            {t('reports.versionNo', { n: h.versionNo })}
          </Tag>
          <Typography.Text type="secondary">{dayjs(h.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>{' '}
          {h.note || (h.versionNo === 1 ? t('reports.editor.firstVersion') : '—')}
        </List.Item>
      )}
    />
  )
}
