import { Progress, Space, Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'

interface Props {
  done: number
  total: number
  overdue: number
}

/** Measures done out of measures live, with a red mark for those past their deadline. */
export function MeasureProgress({ done, total, overdue }: Props) {
  const { t } = useTranslation()
  if (total === 0) return <Tag>{t('rectification.measures.none')}</Tag>
  return (
    <Space size={6}>
      <Tooltip title={t('rectification.measures.progress', { done, total })}>
        <Progress
          percent={Math.round((done / total) * 100)}
          format={() => `${done}/${total}`}
          size="small"
          status={done === total ? 'success' : 'normal'}
          style={{ width: 110, marginBottom: 0 }}
        />
      </Tooltip>
      {overdue > 0 && <Tag color="red">{t('rectification.measures.overdueCount', { count: overdue })}</Tag>}
    </Space>
  )
}
