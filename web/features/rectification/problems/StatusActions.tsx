import { CheckCircleOutlined, PlayCircleOutlined, RollbackOutlined, SafetyOutlined } from '@ant-design/icons'
import { Alert, App, Button, Space, Tooltip } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { checkSignoff } from '../../../../domain/rectification/lifecycle'
import { useAuth } from '../../../app/auth'
import { useShowError } from '../../../app/feedback'
import { canSignOffProblems, canWriteProblems } from '../labels'
import { useProblemAction } from '../queries'
import type { ProblemDetail } from '../types'
import { ReasonModal } from './ReasonModal'

const ICONS: Record<string, ReactNode> = {
  start: <PlayCircleOutlined />,
  complete: <CheckCircleOutlined />,
  reopen: <RollbackOutlined />,
}

/**
 * The next step of the problem's rectification, for those who may take it. Sign-off shows why it
 * cannot happen (the reviewer is the problem's owner, no evidence yet) instead of a button that
 * would only be refused: the same rule as the server's (domain/rectification/lifecycle.ts).
 */
export function StatusActions({ detail: d }: { detail: ProblemDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { user } = useAuth()
  const showError = useShowError()
  const action = useProblemAction()
  const [modal, setModal] = useState<'reopen' | 'signoff' | null>(null)
  const canWrite = canWriteProblems(user?.role)
  const isSigner = canSignOffProblems(user?.role)

  const liveMeasures = d.measures.filter((m) => !m.voided)
  const openMeasures = liveMeasures.filter((m) => m.status !== 'done').length
  const completeBlocker =
    liveMeasures.length === 0
      ? t('rectification.actions.needMeasures')
      : openMeasures > 0
        ? t('rectification.actions.measuresOpen', { open: openMeasures, total: liveMeasures.length })
        : null

  const run = (a: 'start' | 'complete') =>
    action.mutate(
      { id: d.id, version: d.version, action: a },
      {
        onSuccess: () =>
          message.success(t('rectification.actions.done', { action: t(`rectification.actions.${a}`) })),
        onError: (err) => showError(err),
      },
    )

  const buttons: ReactNode[] = []
  if (canWrite && d.allowedActions.includes('start'))
    buttons.push(
      <Button
        key="start"
        type="primary"
        icon={ICONS.start}
        loading={action.isPending}
        onClick={() => run('start')}
        data-testid="problem-action-start"
      >
        {t('rectification.actions.start')}
      </Button>,
    )
  if (canWrite && d.allowedActions.includes('complete'))
    buttons.push(
      <Tooltip key="complete" title={completeBlocker}>
        <Button
          type="primary"
          icon={ICONS.complete}
          disabled={completeBlocker !== null}
          loading={action.isPending}
          onClick={() => run('complete')}
          data-testid="problem-action-complete"
        >
          {t('rectification.actions.complete')}
        </Button>
      </Tooltip>,
    )
  if ((canWrite || isSigner) && d.allowedActions.includes('reopen'))
    buttons.push(
      <Button
        key="reopen"
        icon={ICONS.reopen}
        onClick={() => setModal('reopen')}
        data-testid="problem-action-reopen"
      >
        {t('rectification.actions.reopen')}
      </Button>,
    )

  // Why this reviewer cannot sign off now, in words; null when he can (or it is not the time).
  let refusal: string | null = null
  if (isSigner && d.status === 'rectified' && !d.canSignOff) {
    const r = checkSignoff({
      status: d.status,
      evidence: d.evidenceCount,
      reviewerId: Number(user?.id ?? 0),
      createdBy: d.createdBy,
      responsibleUserId: d.responsibleUserId,
    })
    refusal = t(
      `rectification.signoff.refusal.${r?.code === 'problem_signoff_needs_evidence' ? 'evidence' : 'owner'}`,
    )
  }
  if (isSigner && d.status === 'rectified')
    buttons.unshift(
      <Button
        key="signoff"
        type="primary"
        icon={<SafetyOutlined />}
        disabled={!d.canSignOff}
        onClick={() => setModal('signoff')}
        data-testid="problem-signoff"
      >
        {t('rectification.actions.signoff')}
      </Button>,
    )

  const awaiting = d.status === 'rectified' && !isSigner
  if (buttons.length === 0 && !awaiting) return null
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="problem-actions">
      {buttons.length > 0 && (
        <Space wrap size={8}>
          {buttons}
        </Space>
      )}
      {refusal && <Alert type="warning" showIcon title={refusal} data-testid="problem-signoff-refusal" />}
      {awaiting && <Alert type="info" showIcon title={t('rectification.signoff.awaiting')} />}
      <ReasonModal detail={d} kind={modal} onClose={() => setModal(null)} />
    </Space>
  )
}
