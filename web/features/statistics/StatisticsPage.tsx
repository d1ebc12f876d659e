import { Card, Empty } from 'antd'
import { useTranslation } from 'react-i18next'

/** 统计台账: placeholder until the module's pages are built. */
export default function StatisticsPage() {
  const { t } = useTranslation()
  return (
    <Card title={t('statistics.title')}>
      <Empty />
    </Card>
  )
}
