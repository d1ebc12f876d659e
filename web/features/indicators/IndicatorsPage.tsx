import { Card, Empty } from 'antd'
import { useTranslation } from 'react-i18next'

/** 指标库: placeholder until the module's pages are built. */
export default function IndicatorsPage() {
  const { t } = useTranslation()
  return (
    <Card title={t('indicators.title')}>
      <Empty />
    </Card>
  )
}
