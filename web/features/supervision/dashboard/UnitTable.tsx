import { Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { percent } from '../../petitions/dates'
import type { Figures } from '../types'

/** The per-unit figures as numbers, for copying into a report. */
export function UnitTable({ rows }: { rows: Figures['byUnit'] }) {
  const { t } = useTranslation()
  return (
    <Table
      size="small"
      rowKey="key"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
      columns={[
        { title: t('supervision.field.leadUnit'), dataIndex: 'label' },
        { title: t('supervision.figures.tasks'), dataIndex: 'value', width: 80 },
        { title: t('supervision.figures.done'), dataIndex: 'done', width: 80 },
        {
          title: t('supervision.dueState.overdue'),
          dataIndex: 'overdue',
          width: 80,
          render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text>,
        },
        {
          title: t('supervision.figures.doneShare'),
          key: 'share',
          width: 90,
          render: (_, r) => percent(r.value ? r.done / r.value : null),
        },
      ]}
    />
  )
}
