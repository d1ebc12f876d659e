import { Table, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import type { ProgressNote, TaskDetail } from '../types'
import { NoteAttachments } from './NoteAttachments'

/** Progress notes by unit and date, newest first, with the files attached to each. */
export function ProgressNotes({ task }: { task: TaskDetail }) {
  const { t } = useTranslation()
  if (task.notes.length === 0)
    return <Typography.Text type="secondary">{t('supervision.noNotes')}</Typography.Text>
  const notes = [...task.notes].sort((a, b) => b.on.localeCompare(a.on) || b.id - a.id)
  const units = [...new Set(notes.map((n) => n.unit))]

  return (
    <Table<ProgressNote>
      data-testid="task-notes"
      size="small"
      rowKey="id"
      pagination={notes.length > 10 ? { pageSize: 10, size: 'small' } : false}
      dataSource={notes}
      onRow={(n) => ({ ...{ 'data-testid': `note-${n.id}` }, role: 'row' })}
      columns={[
        { title: t('supervision.field.noteOn'), dataIndex: 'on', width: 105 },
        {
          title: t('supervision.field.unit'),
          dataIndex: 'unit',
          width: 130,
          // Several units report on one task: let the reader look at one unit's notes.
          filters: units.length > 1 ? units.map((u) => ({ text: u, value: u })) : undefined,
          onFilter: (value, n) => n.unit === value,
          render: (unit: string, n) => (
            <>
              <div>{unit}</div>
              {n.unitId === task.leadUnitId && <Tag color="blue">{t('supervision.lead')}</Tag>}
            </>
          ),
        },
        {
          title: t('supervision.field.noteText'),
          dataIndex: 'text',
          render: (text: string, n) => (
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {n.author} · {dayjs(n.at).format('YYYY-MM-DD HH:mm')}
              </Typography.Text>
              <NoteAttachments task={task} note={n} />
            </>
          ),
        },
        {
          title: t('supervision.field.percent'),
          dataIndex: 'percent',
          width: 80,
          render: (p: number | null) => (p === null ? '—' : `${p}%`),
        },
      ]}
    />
  )
}
