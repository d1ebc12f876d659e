import { Button, DatePicker, Input, Select, Space, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDebounced } from '../../../app/hooks/useDebounced'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { fromIso, toIso } from '../../rectification/format'
import { useEthicsLabels } from '../labels'
import { useViolationTypes } from '../queries'
import type { CaseFilters } from '../types'

interface Props {
  value: CaseFilters
  onChange: (next: CaseFilters) => void
  /** The published tab fixes that filter. */
  hidePublished?: boolean
}

export function CaseFilterBar({ value, onChange, hidePublished }: Props) {
  const { t } = useTranslation()
  const labels = useEthicsLabels()
  const types = useViolationTypes()
  const [qInput, setQInput] = useState(value.q ?? '')
  const q = useDebounced(qInput.trim(), 300)

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text drives this; value is read fresh
  useEffect(() => {
    if ((value.q ?? '') !== q) onChange({ ...value, q: q || undefined })
  }, [q])

  const set = (patch: Partial<CaseFilters>) => onChange({ ...value, ...patch })

  return (
    <Space wrap size={8} data-testid="ethics-filters">
      <Input.Search
        allowClear
        data-testid="ethics-search"
        placeholder={t('ethics.filter.searchPlaceholder')}
        value={qInput}
        onChange={(e) => setQInput(e.target.value)}
        style={{ width: 230 }}
      />
      <div style={{ width: 220 }}>
        <OrgTreeSelect
          data-testid="ethics-filter-school"
          placeholder={t('ethics.filter.school')}
          value={value.schoolId}
          onChange={(schoolId) => set({ schoolId })}
        />
      </div>
      <Select<number>
        allowClear
        data-testid="ethics-filter-type"
        placeholder={t('ethics.field.violationType')}
        value={value.violationTypeId}
        onChange={(violationTypeId) => set({ violationTypeId })}
        options={(types.data ?? []).filter((v) => !v.voided).map((v) => ({ value: v.id, label: v.name }))}
        style={{ width: 140 }}
      />
      <Select
        allowClear
        data-testid="ethics-filter-handling"
        placeholder={t('ethics.field.handling')}
        value={value.handling}
        onChange={(handling) => set({ handling })}
        options={labels.handlingOptions()}
        style={{ width: 120 }}
      />
      {!hidePublished && (
        <Select<'true' | 'false'>
          allowClear
          data-testid="ethics-filter-published"
          placeholder={t('ethics.field.published')}
          value={value.published}
          onChange={(published) => set({ published })}
          options={[
            { value: 'true', label: t('ethics.filter.published') },
            { value: 'false', label: t('ethics.filter.unpublished') },
          ]}
          style={{ width: 120 }}
        />
      )}
      <DatePicker.RangePicker
        data-testid="ethics-filter-occurred"
        placeholder={[t('ethics.filter.from'), t('ethics.filter.to')]}
        value={[fromIso(value.from) ?? null, fromIso(value.to) ?? null]}
        onChange={(range) => set({ from: toIso(range?.[0]), to: toIso(range?.[1]) })}
        allowEmpty={[true, true]}
        style={{ width: 260 }}
      />
      <Input.Search
        allowClear
        data-testid="ethics-filter-id"
        placeholder={t('ethics.filter.sameTeacher')}
        maxLength={18}
        // Looked up by keyed hash on the server; only a whole number can match.
        onSearch={(v) => set({ teacherIdNumber: v.trim() || undefined })}
        style={{ width: 220 }}
      />
      <Space size={4}>
        <Switch
          size="small"
          data-testid="ethics-filter-voided"
          checked={value.includeVoided === 'true'}
          onChange={(on) => set({ includeVoided: on ? 'true' : undefined })}
        />
        <Typography.Text>{t('common.showVoided')}</Typography.Text>
      </Space>
      <Button
        data-testid="ethics-filter-reset"
        onClick={() => {
          setQInput('')
          onChange(hidePublished ? { published: 'true' } : {})
        }}
      >
        {t('common.reset')}
      </Button>
    </Space>
  )
}
