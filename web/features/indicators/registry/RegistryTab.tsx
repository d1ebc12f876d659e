import { Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useIndicatorName, useUnitWord } from '../format'
import { useIndicators } from '../queries'
import { type Indicator, SOURCES, type Source } from '../types'

const SOURCE_COLOR: Record<Source, string> = {
  module: 'blue',
  aggregate: 'green',
  expression: 'purple',
  manual: 'orange',
}

/** The registry: every indicator with key, name, unit and source; a click opens it. */
export function RegistryTab({ onOpen }: { onOpen: (key: string) => void }) {
  const { t } = useTranslation()
  const name = useIndicatorName()
  const word = useUnitWord()
  const [source, setSource] = useState<Source | undefined>()
  const [search, setSearch] = useState<string | undefined>()
  const list = useIndicators({ source, search })
  const columns: TableColumnsType<Indicator> = [
    {
      title: t('indicators.key'),
      dataIndex: 'key',
      width: 320,
      render: (k: string) => (
        <Typography.Link onClick={() => onOpen(k)} data-testid={`indicator-open-${k}`}>
          <code>{k}</code>
        </Typography.Link>
      ),
    },
    { title: t('indicators.name'), key: 'name', render: (_, i) => name(i) },
    { title: t('indicators.unit'), key: 'unit', width: 110, render: (_, i) => word(i) || i.unitZh },
    {
      title: t('indicators.source'),
      dataIndex: 'source',
      width: 120,
      render: (s: Source) => <Tag color={SOURCE_COLOR[s]}>{t(`indicators.sources.${s}`)}</Tag>,
    },
  ]
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap size={8}>
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('indicators.search')}
          onSearch={(q) => setSearch(q.trim() || undefined)}
          data-testid="indicator-search"
        />
        <Select<Source>
          allowClear
          style={{ width: 160 }}
          placeholder={t('indicators.source')}
          value={source}
          onChange={setSource}
          options={SOURCES.map((s) => ({ value: s, label: t(`indicators.sources.${s}`) }))}
          data-testid="indicator-source"
        />
        <Typography.Text type="secondary">
          {t('indicators.count', { count: list.data?.total ?? 0 })}
        </Typography.Text>
      </Space>
      <Table<Indicator>
        rowKey="key"
        size="small"
        data-testid="indicator-table"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        onRow={(i) => ({ onDoubleClick: () => onOpen(i.key) })}
        pagination={{
          pageSize: 20,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { total: n }),
        }}
      />
    </Space>
  )
}
