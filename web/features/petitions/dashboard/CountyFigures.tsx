import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Figures } from '../types'

type Row = Figures['byCounty'][number]

/** Open and overdue cases per county; the overdue cell darkens with its share of the worst county. */
export function CountyFigures({ rows }: { rows: Row[] }) {
  const { t } = useTranslation()
  const maxOverdue = Math.max(1, ...rows.map((r) => r.overdue))
  const heat = (n: number) => (n === 0 ? undefined : `rgba(207, 19, 34, ${0.12 + 0.68 * (n / maxOverdue)})`)
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={false}
      data-testid="figure-by-county"
      columns={[
        { title: t('petitions.field.county'), dataIndex: 'label' },
        { title: t('petitions.figures.count'), dataIndex: 'value', width: 80, align: 'right' },
        { title: t('petitions.figures.open'), dataIndex: 'open', width: 80, align: 'right' },
        {
          title: t('petitions.figures.overdue'),
          dataIndex: 'overdue',
          width: 90,
          align: 'right',
          onCell: (r) => ({
            style: {
              background: heat(r.overdue),
              color: r.overdue / maxOverdue > 0.5 ? '#fff' : undefined,
              fontWeight: r.overdue > 0 ? 600 : undefined,
            },
          }),
        },
      ]}
    />
  )
}
