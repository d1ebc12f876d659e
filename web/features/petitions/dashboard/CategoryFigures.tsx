import { Progress, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Figures } from '../types'

type Row = Figures['byCategory'][number]

/** Cases per category, flagged red where no resolution plan (化解方案) exists yet. */
export function CategoryFigures({ rows }: { rows: Row[] }) {
  const { t } = useTranslation()
  const max = Math.max(1, ...rows.map((r) => r.value))
  return (
    <Table<Row>
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={false}
      data-testid="figure-by-category"
      columns={[
        {
          title: t('petitions.field.category'),
          dataIndex: 'label',
          render: (label: string, r) => (
            <span>
              {label}
              {!r.hasPlan && (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  {t('petitions.figures.noPlan')}
                </Tag>
              )}
            </span>
          ),
        },
        {
          title: t('petitions.figures.count'),
          dataIndex: 'value',
          width: 200,
          render: (v: number) => (
            <Progress
              percent={(v / max) * 100}
              format={() => v}
              // The largest category is not a finished task: keep it the normal colour at 100%.
              status="normal"
              size="small"
              style={{ marginBottom: 0, width: 180 }}
            />
          ),
        },
        { title: t('petitions.figures.open'), dataIndex: 'open', width: 80, align: 'right' },
      ]}
    />
  )
}
