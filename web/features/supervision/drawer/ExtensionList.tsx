import { Button, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DecideModal } from '../common/DecideModal'
import { ExtensionStatusTag } from '../common/ExtensionStatusTag'
import type { Extension, TaskDetail } from '../types'

/** Every extension request of the task with its decision; history stays, newest first. */
export function ExtensionList({ task }: { task: TaskDetail }) {
  const { t } = useTranslation()
  const [deciding, setDeciding] = useState<Extension | null>(null)
  if (task.extensions.length === 0)
    return <Typography.Text type="secondary">{t('supervision.noExtensions')}</Typography.Text>

  return (
    <>
      <Table<Extension>
        data-testid="task-extensions"
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...task.extensions].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))}
        columns={[
          {
            title: t('supervision.field.requestedAt'),
            dataIndex: 'requestedAt',
            width: 140,
            render: (at: string, e) => (
              <>
                <div>{dayjs(at).format('YYYY-MM-DD HH:mm')}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.unit ?? ''} {e.requestedBy}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('supervision.field.deadlineChange'),
            key: 'dates',
            width: 190,
            render: (_, e) => `${e.oldDeadline} → ${e.approvedDeadline ?? e.requestedDeadline}`,
          },
          { title: t('supervision.field.reason'), dataIndex: 'reason' },
          {
            title: t('supervision.field.decision'),
            key: 'decision',
            width: 220,
            render: (_, e) =>
              e.status === 'pending' && task.canApprove ? (
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
                  {e.decidedBy && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.decidedBy} {e.decidedAt ? dayjs(e.decidedAt).format('MM-DD HH:mm') : ''}
                    </Typography.Text>
                  )}
                  {e.decisionReason && <div style={{ whiteSpace: 'pre-wrap' }}>{e.decisionReason}</div>}
                </>
              ),
          },
        ]}
      />
      <DecideModal extension={deciding} onClose={() => setDeciding(null)} />
    </>
  )
}
