import { PlusOutlined } from '@ant-design/icons'
import { Button, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { atMinute, scoreText } from '../format'
import { useSelT } from '../i18n'
import { useApplications } from '../queries'
import { OutcomeTag } from '../StatusTag'
import type { Application, Programme } from '../types'
import { ApplicationDrawer } from '../units/ApplicationDrawer'

const STATUS_COLORS = { draft: 'default', submitted: 'blue', withdrawn: 'red' } as const

/** A programme's applications: all of them for overseers, a unit's own for the unit. */
export function ApplicationsTab({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation()
  const st = useSelT()
  const applications = useApplications(p.id)
  const [openId, setOpenId] = useState<number | 'new' | null>(null)
  const a = (k: string) => st(`applications.${k}`)
  return (
    <>
      {p.viewerRole === 'applicant' && p.canApply && (
        <Space style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="application-create"
            onClick={() => setOpenId('new')}
          >
            {t('selections.mine.apply')}
          </Button>
        </Space>
      )}
      <Table<Application>
        data-testid="application-table"
        rowKey="id"
        size="middle"
        loading={applications.isPending}
        dataSource={applications.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: a('empty') }}
        columns={[
          { title: a('unit'), dataIndex: 'unit', width: 200 },
          {
            title: a('title'),
            dataIndex: 'title',
            render: (title: string, x) => (
              <Typography.Link data-testid={`application-open-${x.id}`} onClick={() => setOpenId(x.id)}>
                {title}
              </Typography.Link>
            ),
          },
          { title: a('field'), dataIndex: 'field', width: 110, render: (f) => f ?? '—' },
          {
            title: t('selections.field.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: Application['status']) => <Tag color={STATUS_COLORS[s]}>{st(`appStatus.${s}`)}</Tag>,
          },
          {
            title: a('completeness'),
            width: 200,
            render: (_, x) =>
              x.missingMaterials.length ? (
                <Typography.Text type="warning">
                  {t('selections.applications.missing', { names: x.missingMaterials.join('、') })}
                </Typography.Text>
              ) : (
                <Typography.Text type="success">{a('complete')}</Typography.Text>
              ),
          },
          { title: a('submittedAt'), dataIndex: 'submittedAt', width: 150, render: (x) => atMinute(x) },
          {
            title: a('result'),
            width: 150,
            render: (_, x) =>
              x.result ? (
                <Space size={4}>
                  <span>#{x.result.rank}</span>
                  <span>{scoreText(x.result.score)}</span>
                  <OutcomeTag outcome={x.result.outcome} />
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {openId !== null && (
        <ApplicationDrawer
          programme={p}
          applicationId={openId === 'new' ? null : openId}
          onClose={() => setOpenId(null)}
          onCreated={(x) => setOpenId(x.id)}
        />
      )}
    </>
  )
}
