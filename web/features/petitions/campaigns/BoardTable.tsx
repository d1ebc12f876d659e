import { Progress, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { BoardRow } from '../types'

/** One side of a campaign board (by unit or by leader): how much of each one's share is resolved. */
export function BoardTable({
  rows,
  keyTitle,
  testId,
}: {
  rows: BoardRow[]
  keyTitle: string
  testId: string
}) {
  const { t } = useTranslation()
  return (
    <Table<BoardRow>
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={rows.length > 15 ? { pageSize: 15, size: 'small' } : false}
      data-testid={testId}
      columns={[
        { title: keyTitle, dataIndex: 'label' },
        { title: t('petitions.figures.count'), dataIndex: 'total', width: 70, align: 'right' },
        { title: t('petitions.figures.open'), dataIndex: 'open', width: 70, align: 'right' },
        {
          title: t('petitions.figures.overdue'),
          dataIndex: 'overdue',
          width: 70,
          align: 'right',
          render: (n: number) =>
            n > 0 ? (
              <Typography.Text type="danger" strong>
                {n}
              </Typography.Text>
            ) : (
              n
            ),
        },
        {
          title: t('petitions.campaigns.resolved'),
          key: 'resolved',
          width: 160,
          render: (_, r) => (
            <Progress
              size="small"
              percent={r.total > 0 ? Math.round(((r.total - r.open) / r.total) * 100) : 0}
              style={{ marginBottom: 0, width: 140 }}
            />
          ),
        },
      ]}
    />
  )
}
