import { Button, Table, type TableColumnsType, Tag } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { countText } from '../format'
import { type Limits, STAGES, type Stage } from '../types'
import { ChangeCell, CvCell } from './cells'
import { type CountyRow, type IndicatorSet, indicatorColumns, indicatorsOf } from './rows'

interface Props {
  rows: CountyRow[]
  set: IndicatorSet
  /** Each single CV's limit by stage (the 2017 limits; the API's own `limit` wins when given). */
  cvLimits: Limits
  compositeLimits: Limits
  loading: boolean
  onOpen: (row: CountyRow) => void
}

/**
 * 县域热力表: one row per county; per indicator its primary and junior-high CV, then the composite
 * and its change from last year, each coloured against its limit (the legend says the rule).
 */
export function HeatTable({ rows, set, cvLimits, compositeLimits, loading, onOpen }: Props) {
  const { t } = useTranslation()
  const stageTitle = (s: Stage) => t(`balance.stages.${s}`)
  const perStage = (
    key: string,
    render: (r: CountyRow, s: Stage) => ReactNode,
    width = 78,
  ): TableColumnsType<CountyRow> =>
    STAGES.map((s) => ({
      key: `${key}-${s}`,
      title: stageTitle(s),
      width,
      align: 'right' as const,
      render: (_: unknown, r: CountyRow) => render(r, s),
    }))

  const columns: TableColumnsType<CountyRow> = [
    {
      key: 'county',
      title: t('balance.coef.county'),
      fixed: 'left',
      width: 150,
      render: (_: unknown, r) => (
        <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            data-testid={`heat-open-${r.countyId}`}
            onClick={() => onOpen(r)}
          >
            {r.county}
          </Button>
          {r.rose && (
            <Tag color="red" data-testid={`heat-rose-${r.countyId}`}>
              {t('balance.coef.rose')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      key: 'composite',
      title: t('balance.coef.composite'),
      children: perStage(
        'composite',
        (r, s) =>
          r[s] ? (
            <CvCell
              cv={r[s]?.basic.composite}
              limit={compositeLimits[s]}
              testId={`heat-${r.countyId}-composite-${s}`}
            />
          ) : (
            '—'
          ),
        84,
      ),
    },
    {
      key: 'change',
      title: t('balance.coef.change'),
      children: perStage(
        'change',
        (r, s) =>
          r[s] ? <ChangeCell change={r[s]?.change} testId={`heat-${r.countyId}-change-${s}`} /> : '—',
        92,
      ),
    },
    ...indicatorColumns(rows, set).map((ind) => ({
      key: ind.key,
      title: <span style={{ whiteSpace: 'normal', display: 'block', minWidth: 130 }}>{ind.name}</span>,
      children: perStage(ind.key, (r, s) => {
        const cv = indicatorsOf(r[s], set).find((i) => i.key === ind.key)
        if (!cv) return '—'
        return (
          <CvCell cv={cv.cv} limit={cv.limit ?? cvLimits[s]} testId={`heat-${r.countyId}-${ind.key}-${s}`} />
        )
      }),
    })),
    {
      key: 'schools',
      title: t('balance.coef.schools'),
      children: perStage('schools', (r, s) => countText(r[s]?.schools), 70),
    },
  ]

  return (
    <Table<CountyRow>
      rowKey="countyId"
      size="small"
      bordered
      data-testid="heat-table"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.rose ? 'balance-rose' : '')}
    />
  )
}
