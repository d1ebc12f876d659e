import { Alert, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportMapping, ImportPreview } from '../types'

interface Props {
  preview: ImportPreview
  mapping: ImportMapping
  onChange: (columns: ImportMapping['columns']) => void
}

type Column = ImportPreview['columns'][number]

/** Which ledger field each spreadsheet column holds; the server's guess, corrected by the user. */
export function ColumnMapping({ preview, mapping, onChange }: Props) {
  const { t, i18n } = useTranslation()
  const en = i18n.language === 'en'
  const fieldName = (f: ImportPreview['fields'][number]) => (en ? f.headerEn : f.header)
  const used = new Set(Object.values(mapping.columns).filter((f): f is string => f !== null))
  const missing = preview.fields.filter((f) => f.required && !used.has(f.field))
  const options = preview.fields.map((f) => ({
    value: f.field,
    label: f.required ? `${fieldName(f)} *` : fieldName(f),
  }))

  const columns: TableColumnsType<Column> = [
    { title: t('petitions.import.column'), dataIndex: 'letter', width: 70 },
    { title: t('petitions.import.header'), dataIndex: 'label', width: 200 },
    {
      title: t('petitions.import.field'),
      key: 'field',
      render: (_, c) => (
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('petitions.import.ignore')}
          value={mapping.columns[c.label] ?? undefined}
          onChange={(field) => onChange({ ...mapping.columns, [c.label]: field ?? null })}
          options={options}
          style={{ width: '100%' }}
          data-testid={`import-map-column-${c.letter}`}
        />
      ),
    },
  ]

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('petitions.import.sheet', {
          name: preview.sheetName,
          count: preview.columns.length,
          rows: preview.rows ?? '—',
        })}
      </Typography.Text>
      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="import-missing-fields"
          title={t('petitions.import.missingFields')}
          description={missing.map((f) => (
            <Tag key={f.field} color="red">
              {fieldName(f)}
            </Tag>
          ))}
        />
      )}
      <Table<Column>
        size="small"
        rowKey={(c) => String(c.index)}
        columns={columns}
        dataSource={preview.columns}
        pagination={false}
        scroll={{ y: 300 }}
        data-testid="import-columns"
      />
    </Space>
  )
}
