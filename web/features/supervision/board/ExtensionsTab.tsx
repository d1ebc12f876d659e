import { Button, Segmented, Space, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { DecideModal } from '../common/DecideModal'
import { ExtensionStatusTag } from '../common/ExtensionStatusTag'
import { canApproveTasks } from '../labels'
import { useExtensions } from '../queries'
import type { Extension, ExtensionStatus } from '../types'

type Filter = ExtensionStatus | 'all'

/** Extension requests (延期申请): pending ones first for the leader who decides them; history kept. */
export function ExtensionsTab({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const approver = canApproveTasks(user?.role)
  const [filter, setFilter] = useState<Filter>('pending')
  const [deciding, setDeciding] = useState<Extension | null>(null)
  const list = useExtensions(filter === 'all' ? undefined : filter)

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Segmented<Filter>
        data-testid="extensions-filter"
        value={filter}
        onChange={setFilter}
        options={(['pending', 'approved', 'refused', 'all'] as const).map((s) => ({
          value: s,
          label: s === 'all' ? t('common.all') : t(`supervision.extensionStatus.${s}`),
        }))}
      />
      <Table<Extension>
        data-testid="extensions-table"
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        locale={{
          emptyText:
            filter === 'pending' ? t('supervision.noPendingExtensions') : t('supervision.noExtensions'),
        }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        onRow={(e) => ({ ...{ 'data-testid': `extension-row-${e.id}` }, role: 'row' })}
        columns={[
          {
            title: t('supervision.field.title'),
            dataIndex: 'taskTitle',
            width: 260,
            render: (title: string, e) => (
              <Typography.Link onClick={() => onOpen(e.taskId)}>{title}</Typography.Link>
            ),
          },
          { title: t('supervision.field.unit'), dataIndex: 'unit', width: 130, render: (u) => u ?? '—' },
          {
            title: t('supervision.field.requestedAt'),
            dataIndex: 'requestedAt',
            width: 150,
            render: (at: string, e) => (
              <>
                <div>{dayjs(at).format('YYYY-MM-DD HH:mm')}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.requestedBy}
                </Typography.Text>
              </>
            ),
          },
          { title: t('supervision.field.oldDeadline'), dataIndex: 'oldDeadline', width: 110 },
          {
            title: t('supervision.field.requestedDeadline'),
            dataIndex: 'requestedDeadline',
            width: 110,
          },
          { title: t('supervision.field.reason'), dataIndex: 'reason', width: 240 },
          {
            title: t('supervision.field.decision'),
            key: 'decision',
            width: 240,
            render: (_, e) =>
              e.status === 'pending' && approver ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setDeciding(e)}
                  data-testid={`extension-decide-${e.id}`}
                >
                  {t('supervision.decide')}
                </Button>
              ) : (
                <>
                  <ExtensionStatusTag status={e.status} />
                  {e.approvedDeadline && <span>{e.approvedDeadline}</span>}
                  {e.decidedBy && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {e.decidedBy} {e.decidedAt ? dayjs(e.decidedAt).format('YYYY-MM-DD HH:mm') : ''}
                      </Typography.Text>
                    </div>
                  )}
                  {e.decisionReason && <div style={{ whiteSpace: 'pre-wrap' }}>{e.decisionReason}</div>}
                </>
              ),
          },
        ]}
      />
      <DecideModal extension={deciding} onClose={() => setDeciding(null)} />
    </Space>
  )
}
