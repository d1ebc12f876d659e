import { Select, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useOrgIndex } from '../../org/queries'
import { useBilingual } from '../format'
import type { LedgerDefinition } from '../types'

interface Props {
  ledgers: LedgerDefinition[]
  value: string | undefined
  onChange: (key: string) => void
  loading?: boolean
}

/** Choose a ledger; under it, what the ledger is: built-in or custom, owner, period, deadline. */
export function LedgerPicker({ ledgers, value, onChange, loading }: Props) {
  const { t } = useTranslation()
  const name = useBilingual()
  const { index } = useOrgIndex(false)
  const current = ledgers.find((l) => l.key === value)
  const owner = current?.ownerUnitId ? index.byId.get(String(current.ownerUnitId))?.name : undefined
  return (
    <Space wrap size={12} style={{ width: '100%' }}>
      <Select<string>
        data-testid="ledger-picker"
        style={{ minWidth: 320 }}
        loading={loading}
        placeholder={t('statistics.pickLedger')}
        value={value}
        onChange={onChange}
        showSearch={{ optionFilterProp: 'label' }}
        options={ledgers.map((l) => ({ value: l.key, label: name(l) }))}
      />
      {current && (
        <Space size={8} wrap data-testid="ledger-facts">
          <Tag color={current.builtin ? 'blue' : 'green'}>
            {current.builtin ? t('statistics.builtin') : t('statistics.custom')}
          </Tag>
          <Typography.Text type="secondary">
            {t('statistics.periodKind')}：{t(`statistics.periodKinds.${current.periodKind}`)}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('statistics.owner')}：{owner ?? t('statistics.ownerNone')}
          </Typography.Text>
          {current.dueDays !== null && (
            <Typography.Text type="secondary">
              {t('statistics.dueDays', { days: current.dueDays })}
            </Typography.Text>
          )}
        </Space>
      )}
    </Space>
  )
}
