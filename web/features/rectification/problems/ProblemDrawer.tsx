import { EditOutlined, StopOutlined } from '@ant-design/icons'
import { Alert, Button, Divider, Drawer, Space, Spin, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { VoidModal } from '../../../app/components/VoidModal'
import { canWriteProblems } from '../labels'
import { useProblem, useProblemAction } from '../queries'
import { EvidenceSection } from './EvidenceSection'
import { MeasuresSection } from './MeasuresSection'
import { ProblemFacts } from './ProblemFacts'
import { ProblemFormDrawer } from './ProblemFormDrawer'
import { ProblemTimeline } from './ProblemTimeline'
import { StatusActions } from './StatusActions'
import { StatusTag } from './StatusTag'

interface Props {
  problemId: number | null
  onClose: () => void
}

/** One problem: facts, the step its status allows, measures, evidence, and its history. */
export function ProblemDrawer({ problemId, onClose }: Props) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const canWrite = canWriteProblems(user?.role)
  const [editing, setEditing] = useState(false)
  const [voiding, setVoiding] = useState(false)
  const action = useProblemAction()
  const query = useProblem(problemId)
  const d = query.data
  const live = d !== undefined && !d.voided
  // Measures and evidence are what the reviewer signs off: frozen once declared rectified.
  const locked = d !== undefined && (d.status === 'rectified' || d.status === 'signed_off')

  return (
    <Drawer
      open={problemId !== null}
      onClose={onClose}
      size={900}
      destroyOnHidden
      data-testid="problem-drawer"
      title={
        d ? (
          <Space size={8}>
            <span data-testid="problem-code">{d.code}</span>
            <StatusTag status={d.status} voided={d.voided} />
          </Space>
        ) : (
          t('app.loading')
        )
      }
      extra={
        d &&
        canWrite &&
        live && (
          <Space size={8}>
            {d.status !== 'signed_off' && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="problem-edit">
                {t('common.edit')}
              </Button>
            )}
            <Button
              danger
              icon={<StopOutlined />}
              onClick={() => setVoiding(true)}
              data-testid="problem-void"
            >
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
            <Alert
              type="error"
              showIcon
              title={t('rectification.drawer.voided')}
              description={d.voidReason}
            />
          )}
          {live && <StatusActions detail={d} />}
          <ProblemFacts detail={d} />
          <MeasuresSection detail={d} editable={canWrite && live && !locked} />
          <EvidenceSection detail={d} editable={canWrite && live && d.status !== 'signed_off'} />
          <Divider style={{ margin: 0 }} />
          <div>
            <Typography.Title level={5}>{t('rectification.drawer.history')}</Typography.Title>
            <ProblemTimeline events={d.events} measures={d.measures} />
          </div>
          <ProblemFormDrawer
            open={editing}
            problem={d}
            onClose={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
          <VoidModal
            open={voiding}
            name={d.code}
            onClose={() => setVoiding(false)}
            onSubmit={(reason) =>
              action.mutateAsync({ id: d.id, version: d.version, action: 'void', reason })
            }
          />
        </Space>
      )}
    </Drawer>
  )
}
