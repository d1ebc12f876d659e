import { Button, Input, Select, Space, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDebounced } from '../../../app/hooks/useDebounced'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { CampaignAspectSelect } from '../common/CampaignAspectSelect'
import { useSupervisionLabels } from '../labels'
import type { TaskFilters, TaskStatus } from '../types'

interface Props {
  value: TaskFilters
  onChange: (next: TaskFilters) => void
}

/** The filters the list route supports; typed text is debounced so each keystroke is not a query. */
export function TaskFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation()
  const labels = useSupervisionLabels()
  const [qInput, setQInput] = useState(value.q ?? '')
  const [leaderInput, setLeaderInput] = useState(value.leader ?? '')
  const q = useDebounced(qInput.trim(), 300)
  const leader = useDebounced(leaderInput.trim(), 300)

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives this; value is read fresh
  useEffect(() => {
    if ((value.q ?? '') !== q || (value.leader ?? '') !== leader)
      onChange({ ...value, q: q || undefined, leader: leader || undefined })
  }, [q, leader])

  const set = (patch: Partial<TaskFilters>) => onChange({ ...value, ...patch })

  return (
    <Space wrap size={8} data-testid="task-filters">
      <CampaignAspectSelect
        data-testid="task-filter-campaign"
        campaignId={value.campaignId}
        aspectId={value.aspectId}
        onChange={(campaignId, aspectId) => set({ campaignId, aspectId })}
      />
      <Input.Search
        allowClear
        data-testid="task-search"
        placeholder={t('supervision.filter.searchPlaceholder')}
        value={qInput}
        onChange={(e) => setQInput(e.target.value)}
        style={{ width: 200 }}
      />
      <Select<TaskStatus>
        allowClear
        data-testid="task-filter-status"
        placeholder={t('supervision.field.status')}
        value={value.status}
        onChange={(status) => set({ status })}
        options={labels.statusOptions()}
        style={{ width: 110 }}
      />
      <Select<'overdue' | 'due_soon' | 'open'>
        allowClear
        data-testid="task-filter-due"
        placeholder={t('supervision.filter.due')}
        value={value.dueState}
        onChange={(dueState) => set({ dueState })}
        options={[
          { value: 'overdue', label: t('supervision.dueState.overdue') },
          { value: 'due_soon', label: t('supervision.dueState.due_soon') },
          { value: 'open', label: t('supervision.filter.open') },
        ]}
        style={{ width: 120 }}
      />
      <div style={{ width: 200 }}>
        <OrgTreeSelect
          data-testid="task-filter-unit"
          placeholder={t('supervision.filter.unit')}
          value={value.unitId}
          onChange={(unitId) => set({ unitId })}
        />
      </div>
      <Input
        allowClear
        data-testid="task-filter-leader"
        placeholder={t('supervision.field.leader')}
        value={leaderInput}
        onChange={(e) => setLeaderInput(e.target.value)}
        style={{ width: 130 }}
      />
      <Space size={4}>
        <Switch
          size="small"
          data-testid="task-filter-voided"
          checked={value.includeVoided === 'true'}
          onChange={(on) => set({ includeVoided: on ? 'true' : undefined })}
        />
        <Typography.Text>{t('common.showVoided')}</Typography.Text>
      </Space>
      <Button
        data-testid="task-filter-reset"
        onClick={() => {
          setQInput('')
          setLeaderInput('')
          onChange({})
        }}
      >
        {t('common.reset')}
      </Button>
    </Space>
  )
}
