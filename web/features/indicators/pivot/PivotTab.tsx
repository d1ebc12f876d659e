import { ExportOutlined, SearchOutlined } from '@ant-design/icons'
import { Button, Empty, Radio, Select, Space, Table, type TableColumnsType, TreeSelect } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { useToday } from '../../../app/hooks/useToday'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { useOrgIndex } from '../../org/queries'
import { buildNodes, keyOf } from '../../org/tree'
import { DEFAULT_DASHBOARD } from '../dashboard/DashboardTab'
import { numberText, useIndicatorName, useUnitWord } from '../format'
import { type PivotParams, pivotQuery, useIndicators, usePivot } from '../queries'
import type { PivotResult } from '../types'

type Row = PivotResult['rows'][number]
interface Node {
  value: string
  title: string
  children?: Node[]
}

/** 指标 × 单位 × 期间: pick indicators, periods and units, see the table, export it. */
export function PivotTab() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const today = useToday()
  const showError = useShowError()
  const name = useIndicatorName()
  const word = useUnitWord()
  const all = useIndicators().data?.items ?? []
  const { index } = useOrgIndex(false)
  const year = Number(today.slice(0, 4))
  const [keys, setKeys] = useState<string[]>(DEFAULT_DASHBOARD.slice(0, 3))
  const [periods, setPeriods] = useState<string[]>([String(year - 1), String(year)])
  const [mode, setMode] = useState<'children' | 'picked'>('children')
  const [parentId, setParentId] = useState<number | undefined>(user ? Number(user.orgUnitId) : undefined)
  const [unitIds, setUnitIds] = useState<number[]>([])
  const [params, setParams] = useState<PivotParams | null>(null)
  const pivot = usePivot(params)
  const treeData = useMemo(
    () => buildNodes<Node>(index, (u, children) => ({ value: keyOf(u.id), title: u.name, children })),
    [index],
  )

  const current = (): PivotParams => ({
    keys,
    periods,
    ...(mode === 'children' ? { parentId } : { orgUnitIds: unitIds }),
  })
  const p = pivot.data
  const columns: TableColumnsType<Row> = p
    ? [
        {
          title: t('indicators.pivot.unit'),
          key: 'unit',
          fixed: 'left',
          width: 180,
          render: (_, r) => r.unit.name,
        },
        { title: t('indicators.pivot.periodCol'), dataIndex: 'period', width: 90 },
        ...p.indicators.map((i) => {
          const w = word(i)
          return {
            key: i.key,
            title: w ? `${name(i)}（${w}）` : name(i),
            align: 'right' as const,
            width: 160,
            render: (_: unknown, r: Row) => numberText(i.unit, r.values[i.key]),
          }
        }),
      ]
    : []

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap size={8} align="start">
        <Select<string[]>
          mode="multiple"
          style={{ minWidth: 360, maxWidth: 560 }}
          maxTagCount="responsive"
          placeholder={t('indicators.pivot.indicators')}
          value={keys}
          onChange={setKeys}
          showSearch={{ optionFilterProp: 'label' }}
          options={all.map((i) => ({ value: i.key, label: name(i) }))}
          data-testid="pivot-indicators"
        />
        <Select<string[]>
          mode="tags"
          style={{ minWidth: 220 }}
          placeholder={t('indicators.pivot.periodsHint')}
          value={periods}
          onChange={(v) => setPeriods(v.map((x) => x.trim().toUpperCase()).filter(Boolean))}
          options={[year - 2, year - 1, year]
            .flatMap((y) => [String(y), `${y}-H1`, `${y}-H2`])
            .map((v) => ({ value: v, label: v }))}
          data-testid="pivot-periods"
        />
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button">
          <Radio value="children">{t('indicators.pivot.children')}</Radio>
          <Radio value="picked">{t('indicators.pivot.picked')}</Radio>
        </Radio.Group>
        {mode === 'children' ? (
          <div style={{ width: 220 }}>
            <OrgTreeSelect
              value={parentId}
              onChange={setParentId}
              placeholder={t('indicators.pivot.parent')}
              data-testid="pivot-parent"
            />
          </div>
        ) : (
          <TreeSelect<string[]>
            multiple
            style={{ width: 320 }}
            value={unitIds.map(String)}
            onChange={(v) => setUnitIds((v ?? []).map(Number))}
            treeData={treeData}
            showSearch={{ treeNodeFilterProp: 'title' }}
            maxTagCount="responsive"
            placeholder={t('indicators.pivot.units')}
            data-testid="pivot-units"
          />
        )}
        <Button
          type="primary"
          icon={<SearchOutlined />}
          onClick={() => setParams(current())}
          data-testid="pivot-run"
        >
          {t('indicators.pivot.run')}
        </Button>
        <Button
          icon={<ExportOutlined />}
          disabled={keys.length === 0 || periods.length === 0}
          onClick={() =>
            download('/api/indicators/pivot.xlsx', pivotQuery(current()), 'pivot.xlsx').catch(
              (err: unknown) => showError(err),
            )
          }
          data-testid="pivot-export"
        >
          {t('indicators.pivot.export')}
        </Button>
      </Space>
      {p ? (
        <Table<Row>
          rowKey={(r) => `${r.unit.id}-${r.period}`}
          size="small"
          columns={columns}
          dataSource={p.rows}
          loading={pivot.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          data-testid="pivot-table"
        />
      ) : (
        <Empty description={t('indicators.pivot.empty')} />
      )}
    </Space>
  )
}
