import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Space, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VoidModal } from '../../../app/components/VoidModal'
import { categoryTree } from '../categoryTree'
import { useCategories, useVoidCategory } from '../queries'
import type { Category } from '../types'
import { CategoryModal, type CategoryTarget } from './CategoryModal'

interface Row extends Category {
  children?: Row[]
}

/** The two-level taxonomy as a tree table: categories with their demands beneath. */
export function CategoryTable({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation()
  const categories = useCategories()
  const voidCategory = useVoidCategory()
  const [showVoided, setShowVoided] = useState(false)
  const [target, setTarget] = useState<CategoryTarget | null>(null)
  const [voiding, setVoiding] = useState<Category | null>(null)
  const rows = useMemo<Row[]>(
    () =>
      categoryTree(categories.data ?? [], showVoided).map((c) => ({
        ...c,
        // An empty children array would still draw an expand icon; leave it out instead.
        children: c.children.length > 0 ? c.children : undefined,
      })),
    [categories.data, showVoided],
  )

  const columns: TableColumnsType<Row> = [
    {
      title: t('petitions.taxonomy.name'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <span>
          <Typography.Text delete={c.voided} strong={c.parentId === null}>
            {name}
          </Typography.Text>
          {c.parentId === null && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
              {t('petitions.taxonomy.demandCount', { count: c.children?.length ?? 0 })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('petitions.taxonomy.synonyms'),
      dataIndex: 'synonyms',
      render: (synonyms: string[]) => synonyms.map((s) => <Tag key={s}>{s}</Tag>),
    },
    { title: t('org.sortOrder'), dataIndex: 'sortOrder', width: 70 },
    {
      title: t('common.status'),
      dataIndex: 'voided',
      width: 80,
      render: (v: boolean) =>
        v ? <Tag>{t('common.voided')}</Tag> : <Tag color="blue">{t('common.active')}</Tag>,
    },
  ]
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, c) =>
        c.voided ? null : (
          <Space size={0}>
            {c.parentId === null && (
              <Button
                type="link"
                size="small"
                onClick={() => setTarget({ mode: 'create', parent: c })}
                data-testid={`category-add-demand-${c.id}`}
              >
                {t('petitions.taxonomy.addDemand')}
              </Button>
            )}
            <Button
              type="link"
              size="small"
              onClick={() => setTarget({ mode: 'edit', category: c })}
              data-testid={`category-edit-${c.id}`}
            >
              {t('petitions.taxonomy.rename')}
            </Button>
            <Button type="link" size="small" danger onClick={() => setVoiding(c)}>
              {t('common.void')}
            </Button>
          </Space>
        ),
    })
  }

  return (
    <Card
      size="small"
      title={t('petitions.taxonomy.title')}
      extra={
        <Space size={12}>
          <Space size={4}>
            <Switch size="small" checked={showVoided} onChange={setShowVoided} />
            <Typography.Text>{t('common.showVoided')}</Typography.Text>
          </Space>
          {canEdit && (
            <Button
              type="primary"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setTarget({ mode: 'create', parent: null })}
              data-testid="category-add"
            >
              {t('petitions.taxonomy.addCategory')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Row>
        size="small"
        rowKey={(c) => String(c.id)}
        columns={columns}
        dataSource={rows}
        loading={categories.isFetching}
        pagination={false}
        data-testid="category-table"
      />
      <CategoryModal target={target} onClose={() => setTarget(null)} />
      <VoidModal
        open={voiding !== null}
        name={voiding?.name ?? ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? voidCategory.mutateAsync({ id: voiding.id, version: voiding.version, reason })
            : Promise.resolve()
        }
      />
    </Card>
  )
}
