import { Card, Empty } from 'antd'
import { useTranslation } from 'react-i18next'

/** 均衡发展监测: placeholder until the module's pages are built. */
export default function BalancePage() {
  const { t } = useTranslation()
  return (
    <Card title={t('balance.title')}>
      <Empty />
    </Card>
  )
}
