import { Card, Col, Empty, Row, Select, Table, type TableColumnsType } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart } from '../../../app/components/EChart'
import { numberText, useIndicatorName, useValueText } from '../format'
import { useIndicators, useRanking } from '../queries'
import { TargetLight } from '../TargetLight'
import type { Ranking } from '../types'

type Item = Ranking['items'][number]

/** The counties under a unit ranked by one indicator: a bar chart and a table with ranks. */
export function RankingPanel({
  keys,
  period,
  parentId,
}: {
  keys: string[]
  period: string
  parentId: number | undefined
}) {
  const { t } = useTranslation()
  const name = useIndicatorName()
  const value = useValueText()
  const all = useIndicators().data?.items ?? []
  const [picked, setPicked] = useState<string | undefined>()
  const key = picked ?? keys[0]
  const ranking = useRanking(key, period, parentId)
  const r = ranking.data
  const items = r?.items ?? []

  const option = useMemo(() => {
    if (!r) return {}
    const unit = r.indicator.unit
    const ranked = [...r.items].reverse()
    return {
      grid: { left: 90, right: 40, top: 10, bottom: 20 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number | null) =>
          numberText(unit, v === null ? null : unit === 'fen' ? v * 1_000_000 : v),
      },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: ranked.map((x) => x.unit.name) },
      series: [
        {
          type: 'bar',
          data: ranked.map((x) => (x.value === null ? null : unit === 'fen' ? x.value / 1_000_000 : x.value)),
          label: { show: true, position: 'right' },
          itemStyle: { color: '#1677ff' },
        },
      ],
    }
  }, [r])

  const columns: TableColumnsType<Item> = [
    {
      title: t('indicators.dashboard.rank'),
      dataIndex: 'rank',
      width: 64,
      render: (n: number | null) => n ?? '—',
    },
    { title: t('indicators.dashboard.unit'), key: 'unit', render: (_, x) => x.unit.name },
    {
      title: t('indicators.dashboard.value'),
      key: 'value',
      align: 'right',
      width: 140,
      render: (_, x) => (r ? value(r.indicator, x.value) : ''),
    },
    {
      title: t('indicators.dashboard.light'),
      key: 'light',
      render: (_, x) => (r ? <TargetLight ind={r.indicator} target={x.target} compact /> : null),
    },
  ]

  return (
    <Card
      size="small"
      title={t('indicators.dashboard.ranking')}
      data-testid="ranking"
      extra={
        <Select<string>
          style={{ width: 280 }}
          value={key}
          onChange={setPicked}
          showSearch={{ optionFilterProp: 'label' }}
          options={all.map((i) => ({ value: i.key, label: name(i) }))}
          data-testid="ranking-indicator"
        />
      }
    >
      {items.length === 0 && !ranking.isFetching ? (
        <Empty />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <EChart option={option} height={Math.max(240, items.length * 26)} testId="ranking-chart" />
          </Col>
          <Col xs={24} lg={12}>
            <Table<Item>
              rowKey={(x) => String(x.unit.id)}
              size="small"
              columns={columns}
              dataSource={items}
              loading={ranking.isFetching}
              pagination={false}
              data-testid="ranking-table"
            />
          </Col>
        </Row>
      )}
    </Card>
  )
}
