import { Button, Cascader, DatePicker, Input, Select, Space, Switch, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDebounced } from '../../../app/hooks/useDebounced'
import { useOrgIndex } from '../../org/queries'
import { cascaderOptions } from '../categoryTree'
import { fromIso, toIso } from '../dates'
import { usePetitionLabels } from '../labels'
import { useCampaigns, useCategories } from '../queries'
import type { CaseFilters, CaseStatus } from '../types'

interface Props {
  value: CaseFilters
  onChange: (next: CaseFilters) => void
}

export function CaseFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation()
  const labels = usePetitionLabels()
  const categories = useCategories()
  const campaigns = useCampaigns()
  const { index } = useOrgIndex(false)
  const [qInput, setQInput] = useState(value.q ?? '')
  const q = useDebounced(qInput.trim(), 300)

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives this; value is read fresh
  useEffect(() => {
    if ((value.q ?? '') !== q) onChange({ ...value, q: q || undefined })
  }, [q])

  const counties = useMemo(
    () =>
      [...index.byId.values()]
        .filter((u) => u.kind === 'county')
        .map((u) => ({ value: Number(u.id), label: u.shortName || u.name })),
    [index],
  )
  const set = (patch: Partial<CaseFilters>) => onChange({ ...value, ...patch })
  const categoryPath = [value.categoryId, value.demandId].filter((x): x is number => x !== undefined)

  return (
    <Space wrap size={8} data-testid="case-filters">
      <Input.Search
        allowClear
        data-testid="case-search"
        placeholder={t('petitions.filter.searchPlaceholder')}
        value={qInput}
        onChange={(e) => setQInput(e.target.value)}
        style={{ width: 220 }}
      />
      <Select<CaseStatus>
        allowClear
        data-testid="case-filter-status"
        placeholder={t('petitions.field.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={labels.statusOptions().map((o) => ({ ...o, value: o.value as CaseStatus }))}
        style={{ width: 120 }}
      />
      <Cascader
        changeOnSelect
        data-testid="case-filter-category"
        placeholder={t('petitions.field.categoryDemand')}
        options={cascaderOptions(categories.data ?? [])}
        value={categoryPath}
        onChange={(path) => set({ categoryId: path?.[0], demandId: path?.[1] })}
        showSearch
        style={{ width: 220 }}
      />
      <Select<number>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="case-filter-county"
        placeholder={t('petitions.field.county')}
        value={value.countyId}
        onChange={(countyId) => set({ countyId })}
        options={counties}
        style={{ width: 130 }}
      />
      <Select<'true' | 'false'>
        allowClear
        data-testid="case-filter-open"
        placeholder={t('petitions.filter.openClosed')}
        value={value.open}
        onChange={(open) => set({ open })}
        options={[
          { value: 'true', label: t('petitions.filter.open') },
          { value: 'false', label: t('petitions.filter.closed') },
        ]}
        style={{ width: 130 }}
      />
      <Select<'overdue' | 'due_soon'>
        allowClear
        data-testid="case-filter-due"
        placeholder={t('petitions.filter.due')}
        value={value.dueState}
        onChange={(dueState) => set({ dueState })}
        options={[
          { value: 'overdue', label: t('petitions.filter.overdue') },
          { value: 'due_soon', label: t('petitions.filter.dueSoon') },
        ]}
        style={{ width: 110 }}
      />
      <DatePicker.RangePicker
        data-testid="case-filter-received"
        placeholder={[t('petitions.filter.receivedFrom'), t('petitions.filter.receivedTo')]}
        value={[fromIso(value.receivedFrom) ?? null, fromIso(value.receivedTo) ?? null]}
        onChange={(range) => set({ receivedFrom: toIso(range?.[0]), receivedTo: toIso(range?.[1]) })}
        allowEmpty={[true, true]}
        style={{ width: 290 }}
      />
      <Select<number>
        allowClear
        data-testid="case-filter-campaign"
        placeholder={t('petitions.field.campaign')}
        value={value.campaignId}
        onChange={(campaignId) => set({ campaignId })}
        options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        style={{ width: 160 }}
      />
      <Space size={4}>
        <Switch
          size="small"
          data-testid="case-filter-voided"
          checked={value.includeVoided === 'true'}
          onChange={(on) => set({ includeVoided: on ? 'true' : undefined })}
        />
        <Typography.Text>{t('common.showVoided')}</Typography.Text>
      </Space>
      <Button
        data-testid="case-filter-reset"
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
