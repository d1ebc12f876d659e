import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Figures } from '../types'

type Row = Figures['byDemand'][number]

/** Cases per demand (诉求), with the category each belongs to. */
export function DemandFigures({ rows, categoryName }: { rows: Row[]; categoryName: (id: number) => string }) {
  const { t } = useTranslation()
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      data-testid="figure-by-demand"
      columns={[
        { title: t('petitions.field.demand'), dataIndex: 'label' },
        {
          title: t('petitions.field.category'),
          dataIndex: 'categoryId',
          render: (id: number) => categoryName(id),
        },
        { title: t('petitions.figures.count'), dataIndex: 'value', width: 80, align: 'right' },
        { title: t('petitions.figures.open'), dataIndex: 'open', width: 80, align: 'right' },
      ]}
    />
  )
}
