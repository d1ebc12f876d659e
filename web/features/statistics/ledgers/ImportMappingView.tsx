import { Alert, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useBilingual, wanText } from '../format'
import type { CellValue, ImportMapping, ImportPreview, PreviewSheet } from '../types'

interface Props {
  preview: ImportPreview
  mapping: ImportMapping
  busy: boolean
  onChange: (m: ImportMapping) => void
}

type Col = PreviewSheet['columns'][number]
type Sample = PreviewSheet['sample'][number]

/** Per sheet: each file column's field (changeable), money units, and the first rows as read. */
export function ImportMappingView({ preview, mapping, busy, onChange }: Props) {
  const { t } = useTranslation()
  const label = useBilingual()
  const fieldOptions = preview.fields.map((f) => ({
    value: f.key,
    label: f.required ? `${label(f)} *` : label(f),
  }))
  const moneyFields = preview.fields.filter((f) => f.type === 'money')
  const show = (v: CellValue, type: string) =>
    v === null
      ? ''
      : type === 'money' && typeof v === 'number'
        ? wanText(v)
        : typeof v === 'boolean'
          ? v
            ? t('common.yes')
            : t('common.no')
          : String(v)

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="import-mapping">
      {preview.sheets.map((s) => {
        const columns: TableColumnsType<Col> = [
          { title: t('statistics.import.column'), dataIndex: 'letter', width: 60 },
          { title: t('statistics.import.header'), dataIndex: 'label', width: 220 },
          {
            title: t('statistics.import.field'),
            key: 'field',
            render: (_, c) => (
              <Select<string>
                allowClear
                disabled={busy}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('statistics.import.ignore')}
                value={(c.label in mapping.columns ? mapping.columns[c.label] : c.field) ?? undefined}
                onChange={(field) =>
                  onChange({ ...mapping, columns: { ...mapping.columns, [c.label]: field ?? null } })
                }
                options={fieldOptions}
                style={{ width: '100%' }}
                data-testid={`import-map-column-${c.letter}`}
              />
            ),
          },
        ]
        const sampleColumns: TableColumnsType<Sample> = [
          { title: t('statistics.import.rowNo'), dataIndex: 'row', width: 60, fixed: 'left' },
          ...preview.fields.map((f) => ({
            key: f.key,
            title: label(f),
            render: (_: unknown, r: Sample) => {
              const bad = r.problems.some((p) => p.field === f.key)
              const text = show(r.values[f.key] ?? null, f.type)
              return bad ? <Typography.Text type="danger">{text || '✕'}</Typography.Text> : text
            },
          })),
          {
            key: 'problems',
            title: t('statistics.import.problems'),
            width: 260,
            render: (_: unknown, r: Sample) =>
              r.problems.length === 0 ? (
                <Typography.Text type="secondary">{t('statistics.import.noProblems')}</Typography.Text>
              ) : (
                <Typography.Text type="danger">
                  {r.problems.map((p) => `${p.column ?? p.field}：${p.message}`).join('；')}
                </Typography.Text>
              ),
          },
        ]
        return (
          <Space key={s.name} orientation="vertical" size={8} style={{ width: '100%' }}>
            <Typography.Text strong data-testid="import-sheet">
              {t('statistics.import.sheet', {
                name: s.name,
                header: s.headerRow,
                rows: s.rows,
                errors: s.errors,
              })}
            </Typography.Text>
            {s.missing.length > 0 && (
              <Alert
                type="error"
                showIcon
                data-testid="import-missing-fields"
                title={t('statistics.import.missing')}
                description={s.missing.map((k) => {
                  const f = preview.fields.find((x) => x.key === k)
                  return (
                    <Tag key={k} color="red">
                      {f ? label(f) : k}
                    </Tag>
                  )
                })}
              />
            )}
            <Table<Col>
              size="small"
              rowKey={(c) => String(c.index)}
              columns={columns}
              dataSource={s.columns}
              pagination={false}
              scroll={{ y: 260 }}
              data-testid="import-columns"
            />
            {moneyFields.length > 0 && (
              <Space wrap>
                {moneyFields.map((f) => (
                  <Space key={f.key} size={4}>
                    <Typography.Text>
                      {label(f)} · {t('statistics.import.moneyUnit')}
                    </Typography.Text>
                    <Select<'yuan' | 'wan'>
                      disabled={busy}
                      size="small"
                      style={{ width: 100 }}
                      data-testid={`import-money-unit-${f.key}`}
                      value={mapping.moneyUnits[f.key] ?? s.moneyUnits[f.key] ?? 'yuan'}
                      onChange={(u) =>
                        onChange({ ...mapping, moneyUnits: { ...mapping.moneyUnits, [f.key]: u } })
                      }
                      options={[
                        { value: 'yuan', label: t('statistics.import.yuan') },
                        { value: 'wan', label: t('statistics.import.wan') },
                      ]}
                    />
                  </Space>
                ))}
              </Space>
            )}
            <Typography.Text type="secondary">
              {t('statistics.import.sample', { count: s.sample.length })}
            </Typography.Text>
            <Table<Sample>
              size="small"
              rowKey="row"
              columns={sampleColumns}
              dataSource={s.sample}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="import-sample"
            />
          </Space>
        )
      })}
    </Space>
  )
}
