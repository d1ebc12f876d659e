import { Button, Input, Select, Space, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDebounced } from '../../../app/hooks/useDebounced'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useRectLabels } from '../labels'
import { useCampaignNames, useCategories } from '../queries'
import type { ProblemFilters } from '../types'

interface Props {
  value: ProblemFilters
  onChange: (next: ProblemFilters) => void
}

export function ProblemFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation()
  const labels = useRectLabels()
  const categories = useCategories()
  const campaigns = useCampaignNames()
  const [qInput, setQInput] = useState(value.q ?? '')
  const q = useDebounced(qInput.trim(), 300)

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives this; value is read fresh
  useEffect(() => {
    if ((value.q ?? '') !== q) onChange({ ...value, q: q || undefined })
  }, [q])

  const set = (patch: Partial<ProblemFilters>) => onChange({ ...value, ...patch })
  const toggle = (key: 'overdue' | 'includeVoided', label: string) => (
    <Space size={4}>
      <Switch
        size="small"
        data-testid={`problem-filter-${key}`}
        checked={value[key] === 'true'}
        onChange={(on) => set({ [key]: on ? 'true' : undefined })}
      />
      <Typography.Text>{label}</Typography.Text>
    </Space>
  )

  return (
    <Space wrap size={8} data-testid="problem-filters">
      <Input.Search
        allowClear
        data-testid="problem-search"
        placeholder={t('rectification.filter.searchPlaceholder')}
        value={qInput}
        onChange={(e) => setQInput(e.target.value)}
        style={{ width: 220 }}
      />
      <Select
        allowClear
        data-testid="problem-filter-status"
        placeholder={t('rectification.field.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={labels.statusOptions()}
        style={{ width: 150 }}
      />
      <Select
        allowClear
        data-testid="problem-filter-source"
        placeholder={t('rectification.field.source')}
        value={value.source}
        onChange={(source) => set({ source })}
        options={labels.sourceOptions()}
        style={{ width: 120 }}
      />
      <Select<number>
        allowClear
        data-testid="problem-filter-category"
        placeholder={t('rectification.field.category')}
        value={value.categoryId}
        onChange={(categoryId) => set({ categoryId })}
        options={(categories.data ?? [])
          .filter((c) => !c.voided)
          .map((c) => ({ value: c.id, label: c.name }))}
        style={{ width: 120 }}
      />
      <Select<string>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="problem-filter-campaign"
        placeholder={t('rectification.field.campaign')}
        value={value.campaign}
        onChange={(campaign) => set({ campaign })}
        options={(campaigns.data ?? []).map((c) => ({ value: c, label: c }))}
        style={{ width: 180 }}
      />
      <div style={{ width: 200 }}>
        <OrgTreeSelect
          data-testid="problem-filter-unit"
          placeholder={t('rectification.filter.unit')}
          value={value.unitId}
          onChange={(unitId) => set({ unitId })}
        />
      </div>
      <Select<'true' | 'false'>
        allowClear
        data-testid="problem-filter-fix-at-once"
        placeholder={t('rectification.field.fixAtOnce')}
        value={value.fixAtOnce}
        onChange={(fixAtOnce) => set({ fixAtOnce })}
        options={[
          { value: 'true', label: t('rectification.filter.fixAtOnceYes') },
          { value: 'false', label: t('rectification.filter.fixAtOnceNo') },
        ]}
        style={{ width: 120 }}
      />
      {toggle('overdue', t('rectification.filter.overdue'))}
      {toggle('includeVoided', t('common.showVoided'))}
      <Button
        data-testid="problem-filter-reset"
        onClick={() => {
          setQInput('')
          onChange({})
        }}
      >
        {t('common.reset')}
      </Button>
    </Space>
  )
}
