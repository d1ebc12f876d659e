import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { canRecordVisit } from '../../../../domain/research/lifecycle'
import { VoidModal } from '../../../app/components/VoidModal'
import { useVoidVisit } from '../queries'
import type { TopicDetail, Visit } from '../types'
import { VisitModal } from './VisitModal'

/** 实地调研: where the group went, when, who, and the city and county each visit counts for. */
export function VisitsSection({ detail: d }: { detail: TopicDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const voidVisit = useVoidVisit()
  const [adding, setAdding] = useState(false)
  const [voiding, setVoiding] = useState<Visit | null>(null)
  // Visits change before the report; afterwards the topic is reopened first.
  const editable = d.canEdit && canRecordVisit(d.status)

  const columns: TableColumnsType<Visit> = [
    { title: t('research.visits.date'), dataIndex: 'visitedOn', width: 110 },
    {
      title: t('research.visits.unit'),
      dataIndex: 'unit',
      render: (name: string, v) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text delete={v.voided}>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[v.city, v.county].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('research.visits.participants'), dataIndex: 'participants', width: 200 },
    {
      title: t('research.visits.note'),
      dataIndex: 'note',
      render: (note: string, v) => (
        <Space orientation="vertical" size={0}>
          <span>{note}</span>
          {v.voided && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {t('research.visits.voidedBecause', { reason: v.voidReason ?? '' })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ]
  if (editable)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 70,
      render: (_, v) =>
        v.voided ? (
          <Tag>{t('common.voided')}</Tag>
        ) : (
          <Button
            type="link"
            size="small"
            danger
            onClick={() => setVoiding(v)}
            data-testid={`visit-void-${v.id}`}
          >
            {t('common.void')}
          </Button>
        ),
    })

  return (
    <div data-testid="topic-visits">
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, flex: 1 }}>
          {t('research.visits.title', { count: d.visitCount })}
        </Typography.Title>
        {editable && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="visit-add"
          >
            {t('research.visits.add')}
          </Button>
        )}
      </div>
      <Table<Visit>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={d.visits}
        pagination={false}
        locale={{ emptyText: t('research.visits.empty') }}
        scroll={{ x: 'max-content' }}
      />
      <VisitModal topic={d} open={adding} onClose={() => setAdding(false)} />
      <VoidModal
        open={voiding !== null}
        name={voiding ? `${voiding.visitedOn} ${voiding.unit}` : ''}
        onClose={() => setVoiding(null)}
        onSubmit={(reason) =>
          voiding
            ? voidVisit
                .mutateAsync({ id: voiding.id, reason })
                .then(() => message.success(t('common.voidDone')))
            : Promise.resolve()
        }
      />
    </div>
  )
}
