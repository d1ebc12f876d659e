import { Button, Table, type TableColumnsType, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Limits } from '../types'
import { CvCell } from './cells'
import type { CityRow } from './rows'

/** A province-wide scope starts with its cities: counties, how many rose or fail, the worst composite. */
export function CityTable({
  rows,
  compositeLimits,
  loading,
  onOpen,
}: {
  rows: CityRow[]
  compositeLimits: Limits
  loading: boolean
  onOpen: (city: string) => void
}) {
  const { t } = useTranslation()
  const columns: TableColumnsType<CityRow> = [
    {
      key: 'city',
      title: t('balance.coef.city'),
      render: (_: unknown, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.city)}>
          {r.city || '—'}
        </Button>
      ),
    },
    { key: 'counties', title: t('balance.coef.counties'), dataIndex: 'counties', align: 'right' },
    {
      key: 'rose',
      title: t('balance.coef.roseCount'),
      align: 'right',
      render: (_: unknown, r) => (r.rose > 0 ? <Tag color="red">{r.rose}</Tag> : 0),
    },
    { key: 'f2017', title: t('balance.coef.failing2017'), dataIndex: 'failing2017', align: 'right' },
    { key: 'fc', title: t('balance.coef.failingComposite'), dataIndex: 'failingComposite', align: 'right' },
    ...(['primary', 'junior'] as const).map((s) => ({
      key: `max-${s}`,
      title: `${t('balance.coef.maxComposite')}（${t(`balance.stages.${s}`)}）`,
      width: 150,
      render: (_: unknown, r: CityRow) => <CvCell cv={r.maxComposite[s]} limit={compositeLimits[s]} />,
    })),
  ]
  return (
    <Table<CityRow>
      rowKey="city"
      size="small"
      data-testid="city-table"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
    />
  )
}
