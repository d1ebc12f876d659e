import { Space, Spin, Table, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { percent } from '../../petitions/dates'
import { useOccurrences } from '../queries'
import type { Occurrences, TaskDetail } from '../types'

type UnitRecord = Occurrences['units'][number]

/** A monthly duty's record per unit: each month filed on time, late or not at all, and the two rates. */
export function OccurrenceTable({ task }: { task: TaskDetail }) {
  const { t } = useTranslation()
  const q = useOccurrences(task.id, task.recurrence !== null)
  if (!q.data) return <Spin />

  const month = (o: UnitRecord['occurrences'][number]) => {
    const color = o.onTime ? 'green' : o.complete ? 'orange' : 'red'
    const tip = o.complete
      ? t('supervision.occurrences.filed', { due: o.dueOn, on: o.noteOn ?? '' })
      : t('supervision.occurrences.missing', { due: o.dueOn })
    return (
      <Tooltip key={o.month} title={tip}>
        <Tag color={color} style={{ marginInlineEnd: 2 }}>
          {o.month.slice(5)}
        </Tag>
      </Tooltip>
    )
  }

  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('supervision.occurrences.asOf', { date: q.data.asOf })}
      </Typography.Text>
      <Table<UnitRecord>
        data-testid="task-occurrences"
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={q.data.units}
        columns={[
          {
            title: t('supervision.field.unit'),
            dataIndex: 'unit',
            width: 150,
            render: (u: string, r) => (
              <>
                {u} {r.role === 'lead' && <Tag color="blue">{t('supervision.lead')}</Tag>}
              </>
            ),
          },
          {
            title: t('supervision.occurrences.filedCount'),
            key: 'count',
            width: 110,
            render: (_, r) => `${r.complete} / ${r.due}`,
          },
          {
            title: t('supervision.occurrences.completeness'),
            dataIndex: 'completenessRate',
            width: 90,
            render: (v: number | null) => percent(v),
          },
          {
            title: t('supervision.occurrences.timeliness'),
            dataIndex: 'timelinessRate',
            width: 90,
            render: (v: number | null) => percent(v),
          },
          {
            title: t('supervision.occurrences.months'),
            key: 'months',
            render: (_, r) => r.occurrences.map(month),
          },
        ]}
      />
    </Space>
  )
}
