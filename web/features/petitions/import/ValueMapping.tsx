import { Alert, Select, Space, Table, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { categoryTree } from '../categoryTree'
import { useCategories } from '../queries'
import type { ImportMapping, ImportPreview } from '../types'

interface Props {
  preview: ImportPreview
  mapping: ImportMapping
  onChange: (patch: Pick<ImportMapping, 'categories' | 'demands'>) => void
}

/** The server's key for a demand text: its category text and its own, as the file wrote them. */
const demandKey = (category: string, value: string) => `${category}/${value}`

/**
 * Category and demand texts of the file that the taxonomy (names and synonyms) did not recognise.
 * Each can be pointed at an existing entry; one left open makes its rows errors in the report.
 */
export function ValueMapping({ preview, mapping, onChange }: Props) {
  const { t } = useTranslation()
  const categories = useCategories()
  const tree = useMemo(() => categoryTree(categories.data ?? []), [categories.data])
  // The list is fixed from the preview, so a row does not vanish the moment the user maps it.
  const unmatchedCategories = useMemo(
    () => preview.values.category.filter((v) => v.mapped === null),
    [preview],
  )
  const unmatchedDemands = useMemo(() => preview.values.demand.filter((v) => v.mapped === null), [preview])
  const categoryOptions = tree.map((c) => ({ value: c.id, label: c.name }))
  // The server accepts a demand only under the category its row resolves to, so offer just those.
  const demandsUnder = (categoryText: string) =>
    tree.find((c) => c.id === mapping.categories[categoryText])?.children ?? []

  const mapCategory = (text: string, id: number | undefined) => {
    const demands = { ...mapping.demands }
    const children = tree.find((c) => c.id === id)?.children ?? []
    // Demands of a newly mapped category that match a name or synonym exactly are taken as they are.
    for (const v of unmatchedDemands) {
      const key = demandKey(v.category, v.value)
      if (v.category !== text || demands[key] != null) continue
      const hit = children.filter((d) => d.name === v.value || d.synonyms.includes(v.value))
      if (hit.length === 1 && hit[0]) demands[key] = hit[0].id
    }
    onChange({ categories: { ...mapping.categories, [text]: id ?? null }, demands })
  }
  const open =
    unmatchedCategories.filter((v) => mapping.categories[v.value] == null).length +
    unmatchedDemands.filter((v) => mapping.demands[demandKey(v.category, v.value)] == null).length

  if (unmatchedCategories.length === 0 && unmatchedDemands.length === 0) {
    return <Alert type="success" showIcon title={t('petitions.import.allValuesMatched')} />
  }
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {open > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('petitions.import.unmappedValues', { count: open })}
          data-testid="import-unmapped"
        />
      )}
      {unmatchedCategories.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="value"
          dataSource={unmatchedCategories}
          data-testid="import-category-values"
          columns={[
            { title: t('petitions.import.categoryInFile'), dataIndex: 'value', width: 200 },
            { title: t('petitions.import.rows'), dataIndex: 'count', width: 70 },
            {
              title: t('petitions.import.mapTo'),
              key: 'map',
              render: (_, v) => (
                <Select<number>
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('petitions.import.unmapped')}
                  value={mapping.categories[v.value] ?? undefined}
                  options={categoryOptions}
                  onChange={(id) => mapCategory(v.value, id)}
                  style={{ width: '100%' }}
                />
              ),
            },
          ]}
        />
      )}
      {unmatchedDemands.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey={(v) => demandKey(v.category, v.value)}
          dataSource={unmatchedDemands}
          data-testid="import-demand-values"
          columns={[
            {
              title: t('petitions.import.demandInFile'),
              key: 'value',
              width: 200,
              render: (_, v) => (
                <span>
                  <Typography.Text type="secondary">{v.category} / </Typography.Text>
                  {v.value}
                </span>
              ),
            },
            { title: t('petitions.import.rows'), dataIndex: 'count', width: 70 },
            {
              title: t('petitions.import.mapTo'),
              key: 'map',
              render: (_, v) => {
                const key = demandKey(v.category, v.value)
                const options = demandsUnder(v.category).map((d) => ({ value: d.id, label: d.name }))
                return (
                  <Select<number>
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    disabled={options.length === 0}
                    placeholder={
                      mapping.categories[v.category] == null
                        ? t('petitions.import.mapCategoryFirst')
                        : t('petitions.import.unmapped')
                    }
                    value={mapping.demands[key] ?? undefined}
                    options={options}
                    onChange={(id) =>
                      onChange({
                        categories: mapping.categories,
                        demands: { ...mapping.demands, [key]: id ?? null },
                      })
                    }
                    style={{ width: '100%' }}
                  />
                )
              },
            },
          ]}
        />
      )}
    </Space>
  )
}
