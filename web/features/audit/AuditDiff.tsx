import { Switch, Table, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEntry } from '../../app/types'

interface Row {
  field: string
  before: unknown
  after: unknown
  changed: boolean
}

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v, null, 1))

function diffRows(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Row[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
  return keys.map((field) => {
    const b = before?.[field]
    const a = after?.[field]
    return { field, before: b, after: a, changed: JSON.stringify(b) !== JSON.stringify(a) }
  })
}

const cellStyle = (highlight: string | undefined) => ({
  background: highlight,
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSize: 12,
  whiteSpace: 'pre-wrap' as const,
  wordBreak: 'break-all' as const,
})

/** Before and after, field by field, side by side; changed fields are tinted. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation()
  const [changedOnly, setChangedOnly] = useState(true)
  const rows = useMemo(() => diffRows(entry.before, entry.after), [entry])
  const visible = changedOnly ? rows.filter((r) => r.changed) : rows

  return (
    <div data-testid="audit-diff" style={{ maxWidth: 1100 }}>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <Switch size="small" checked={changedOnly} onChange={setChangedOnly} />
        <Typography.Text>{t('audit.changedOnly')}</Typography.Text>
      </div>
      <Table<Row>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={visible}
        locale={{ emptyText: t('audit.noChanges') }}
        tableLayout="fixed"
        columns={[
          { title: t('audit.field'), dataIndex: 'field', width: 180 },
          {
            title: t('audit.before'),
            dataIndex: 'before',
            onCell: (r) => ({ style: cellStyle(r.changed && entry.before ? '#fff1f0' : undefined) }),
            render: (v: unknown) => show(v),
          },
          {
            title: t('audit.after'),
            dataIndex: 'after',
            onCell: (r) => ({ style: cellStyle(r.changed && entry.after ? '#f6ffed' : undefined) }),
            render: (v: unknown) => show(v),
          },
        ]}
      />
    </div>
  )
}
