import { EditOutlined, StopOutlined } from '@ant-design/icons'
import { Alert, Button, Divider, Drawer, Space, Spin, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VoidModal } from '../../../app/components/VoidModal'
import { useTopic, useVoidTopic } from '../queries'
import { StatusTag } from '../topics/StatusTag'
import { TopicFormDrawer } from '../topics/TopicFormDrawer'
import { FindingsSection } from './FindingsSection'
import { ReportSection } from './ReportSection'
import { StatusActions } from './StatusActions'
import { TopicFacts } from './TopicFacts'
import { TopicTimeline } from './TopicTimeline'
import { VisitsSection } from './VisitsSection'

interface Props {
  topicId: number | null
  onClose: () => void
}

/** One topic: its plan, the step its status allows, field visits, the report, findings and history. */
export function TopicDrawer({ topicId, onClose }: Props) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [voiding, setVoiding] = useState(false)
  const voidTopic = useVoidTopic()
  const query = useTopic(topicId)
  const d = query.data
  // The server says what this user may do with this topic (scope and permission both).
  const editable = d?.canEdit === true && d.status !== 'concluded'

  return (
    <Drawer
      open={topicId !== null}
      onClose={onClose}
      size={960}
      destroyOnHidden
      data-testid="topic-drawer"
      title={
        d ? (
          <Space size={8} wrap>
            <span data-testid="topic-code">{d.code}</span>
            <span>{d.title}</span>
            <StatusTag status={d.status} voided={d.voided} />
          </Space>
        ) : (
          t('app.loading')
        )
      }
      extra={
        d?.canEdit && (
          <Space size={8}>
            {editable && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="topic-edit">
                {t('common.edit')}
              </Button>
            )}
            <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)} data-testid="topic-void">
              {t('common.void')}
            </Button>
          </Space>
        )
      }
    >
      {!d ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {d.voided && (
            <Alert type="error" showIcon title={t('research.drawer.voided')} description={d.voidReason} />
          )}
          <StatusActions detail={d} />
          <TopicFacts detail={d} />
          <VisitsSection detail={d} />
          <ReportSection detail={d} />
          <FindingsSection detail={d} />
          <Divider style={{ margin: 0 }} />
          <div>
            <Typography.Title level={5}>{t('research.drawer.history')}</Typography.Title>
            <TopicTimeline detail={d} />
          </div>
          <TopicFormDrawer
            open={editing}
            topic={d}
            onClose={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
          <VoidModal
            open={voiding}
            name={`${d.code} ${d.title}`}
            onClose={() => setVoiding(false)}
            onSubmit={(reason) => voidTopic.mutateAsync({ id: d.id, version: d.version, reason })}
          />
        </Space>
      )}
    </Drawer>
  )
}
