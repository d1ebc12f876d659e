import { StopOutlined } from '@ant-design/icons'
import { Alert, Button, Divider, Drawer, Space, Spin, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { VoidModal } from '../../../app/components/VoidModal'
import { canWritePetitions, usePetitionLabels } from '../labels'
import { useCase, useVoidCase } from '../queries'
import type { CaseAction } from '../types'
import { ActionModal } from './ActionModal'
import { CaseDeadlines } from './CaseDeadlines'
import { CaseFacts } from './CaseFacts'
import { CasePeople } from './CasePeople'
import { CaseTimeline } from './CaseTimeline'
import { StatusTag } from './StatusTag'

interface Props {
  caseId: number | null
  onClose: () => void
  /** Switch the drawer to another case (e.g. the earlier one a repeat petition points to). */
  onOpenCase?: (id: number) => void
}

/** One case: facts, people, deadlines, timeline, and the actions its status allows. */
export function CaseDrawer({ caseId, onClose, onOpenCase }: Props) {
  const { t } = useTranslation()
  const labels = usePetitionLabels()
  const { user } = useAuth()
  const canWrite = canWritePetitions(user?.role)
  const [full, setFull] = useState(false)
  const [action, setAction] = useState<CaseAction | null>(null)
  const [voiding, setVoiding] = useState(false)
  const voidCase = useVoidCase()

  // Full personal data is asked for per case and per opening, never carried over to the next one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new case only
  useEffect(() => setFull(false), [caseId])

  const query = useCase(caseId, full)
  // While the audited full view loads, keep showing the masked one instead of a blank drawer.
  const masked = useCase(caseId, false)
  const detail = query.data ?? masked.data

  return (
    <Drawer
      open={caseId !== null}
      onClose={onClose}
      size={860}
      destroyOnHidden
      data-testid="case-drawer"
      title={
        detail ? (
          <Space size={8}>
            <span>{detail.caseNo}</span>
            <StatusTag status={detail.status} voided={detail.voided} />
          </Space>
        ) : (
          t('app.loading')
        )
      }
      extra={
        detail &&
        canWrite &&
        !detail.voided && (
          <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)} data-testid="case-void">
            {t('common.void')}
          </Button>
        )
      }
    >
      {!detail ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {detail.voided && <Alert type="error" showIcon title={t('petitions.drawer.voided')} />}
          {canWrite && detail.allowedActions.length > 0 && (
            <Space wrap size={8} data-testid="case-actions">
              {detail.allowedActions.map((a) => (
                <Button key={a} onClick={() => setAction(a)} data-testid={`case-action-${a}`}>
                  {labels.label('action', a)}
                </Button>
              ))}
            </Space>
          )}
          <CaseFacts detail={detail} onOpenCase={onOpenCase} />
          <CasePeople detail={detail} loading={full && query.isFetching} onShowFull={() => setFull(true)} />
          <div>
            <Typography.Title level={5}>{t('petitions.drawer.deadlines')}</Typography.Title>
            <CaseDeadlines detail={detail} />
          </div>
          <Divider style={{ margin: 0 }} />
          <div>
            <Typography.Title level={5}>{t('petitions.drawer.timeline')}</Typography.Title>
            <CaseTimeline events={detail.events} />
          </div>
          <ActionModal
            detail={detail}
            action={action}
            onClose={() => setAction(null)}
            onDone={() => {
              setAction(null)
              // The answer is masked; going back to the masked view avoids a second audited fetch.
              setFull(false)
            }}
          />
          <VoidModal
            open={voiding}
            name={detail.caseNo}
            onClose={() => setVoiding(false)}
            onSubmit={(reason) => voidCase.mutateAsync({ id: detail.id, version: detail.version, reason })}
          />
        </Space>
      )}
    </Drawer>
  )
}
