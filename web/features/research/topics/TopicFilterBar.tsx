import { Button, Input, Select, Space, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDebounced } from '../../../app/hooks/useDebounced'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useResearchLabels } from '../labels'
import { useCampaigns } from '../queries'
import type { TopicFilters, TopicStatus } from '../types'

interface Props {
  value: TopicFilters
  onChange: (next: TopicFilters) => void
}

export function TopicFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation()
  const labels = useResearchLabels()
  const campaigns = useCampaigns()
  const [qInput, setQInput] = useState(value.q ?? '')
  const q = useDebounced(qInput.trim(), 300)

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives this; value is read fresh
  useEffect(() => {
    if ((value.q ?? '') !== q) onChange({ ...value, q: q || undefined })
  }, [q])

  const set = (patch: Partial<TopicFilters>) => onChange({ ...value, ...patch })
  const campaign = campaigns.data?.find((c) => c.id === value.campaignId)

  return (
    <Space wrap size={8} data-testid="topic-filters">
      <Input.Search
        allowClear
        data-testid="topic-search"
        placeholder={t('research.filter.search')}
        value={qInput}
        onChange={(e) => setQInput(e.target.value)}
        style={{ width: 210 }}
      />
      <Select<number>
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="topic-filter-campaign"
        placeholder={t('research.field.campaign')}
        value={value.campaignId}
        // The aspects belong to the campaign: a new campaign drops the aspect chosen under the old one.
        onChange={(campaignId) => set({ campaignId, aspectId: undefined })}
        options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        style={{ width: 180 }}
      />
      <Select<number>
        allowClear
        data-testid="topic-filter-aspect"
        placeholder={campaign ? t('research.field.aspect') : t('research.filter.aspectNeedsCampaign')}
        disabled={!campaign}
        value={value.aspectId}
        onChange={(aspectId) => set({ aspectId })}
        options={(campaign?.aspects ?? []).map((a) => ({ value: a.id, label: a.name }))}
        popupMatchSelectWidth={false}
        style={{ width: 160 }}
      />
      <Select<TopicStatus>
        allowClear
        data-testid="topic-filter-status"
        placeholder={t('research.field.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={labels.statusOptions()}
        style={{ width: 110 }}
      />
      <div style={{ width: 180 }}>
        <OrgTreeSelect
          data-testid="topic-filter-owner"
          placeholder={t('research.filter.owner')}
          value={value.ownerUnitId}
          onChange={(ownerUnitId) => set({ ownerUnitId })}
        />
      </div>
      <Space size={4}>
        <Switch
          size="small"
          data-testid="topic-filter-voided"
          checked={value.includeVoided === 'true'}
          onChange={(on) => set({ includeVoided: on ? 'true' : undefined })}
        />
        <Typography.Text>{t('common.showVoided')}</Typography.Text>
      </Space>
      <Button
        data-testid="topic-filter-reset"
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
