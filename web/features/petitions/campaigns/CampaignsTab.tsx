import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Space, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { canConfigurePetitions } from '../labels'
import { useCampaigns } from '../queries'
import type { Campaign } from '../types'
import { CampaignBoard } from './CampaignBoard'
import { CampaignModal } from './CampaignModal'

export function CampaignsTab() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const campaigns = useCampaigns()
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [creating, setCreating] = useState(false)
  const items = campaigns.data ?? []
  const selected = items.find((c) => c.id === selectedId)

  // Show the newest campaign's board straight away rather than an empty half page.
  useEffect(() => {
    const first = items[0]
    if (first && !items.some((c) => c.id === selectedId)) setSelectedId(first.id)
  }, [items, selectedId])

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={t('petitions.tabs.campaigns')}
        extra={
          canConfigurePetitions(user?.role) && (
            <Button
              type="primary"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="campaign-add"
            >
              {t('petitions.campaigns.add')}
            </Button>
          )
        }
      >
        <Table<Campaign>
          size="small"
          rowKey={(c) => String(c.id)}
          dataSource={items}
          loading={campaigns.isFetching}
          pagination={false}
          data-testid="campaign-table"
          rowSelection={{
            type: 'radio',
            selectedRowKeys: selectedId === null ? [] : [String(selectedId)],
            onChange: (keys) => setSelectedId(keys[0] === undefined ? null : Number(keys[0])),
          }}
          onRow={(c) => ({ onClick: () => setSelectedId(c.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('petitions.campaigns.name'), dataIndex: 'name' },
            { title: t('petitions.campaigns.cutoffOn'), dataIndex: 'cutoffOn', width: 120 },
            {
              title: t('petitions.campaigns.endsOn'),
              dataIndex: 'endsOn',
              width: 120,
              render: (d: string | null) => d ?? '—',
            },
            { title: t('petitions.campaigns.cases'), dataIndex: 'cases', width: 90, align: 'right' },
            { title: t('petitions.campaigns.goal'), dataIndex: 'goal', ellipsis: true },
          ]}
        />
      </Card>
      {selected && (
        <div>
          <Typography.Title level={5}>
            {t('petitions.campaigns.boardTitle', { name: selected.name })}
          </Typography.Title>
          <CampaignBoard campaign={selected} />
        </div>
      )}
      <CampaignModal open={creating} onClose={() => setCreating(false)} />
    </Space>
  )
}
