import {
  CheckCircleOutlined,
  FileDoneOutlined,
  PlayCircleOutlined,
  RollbackOutlined,
} from '@ant-design/icons'
import { App, Button, Popconfirm, Space, Tooltip, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useTopicAction } from '../queries'
import type { TopicAction, TopicDetail } from '../types'
import { ActionModal } from './ActionModal'

const ICONS: Record<TopicAction, ReactNode> = {
  start: <PlayCircleOutlined />,
  report: <FileDoneOutlined />,
  conclude: <CheckCircleOutlined />,
  reopen: <RollbackOutlined />,
}

/**
 * The next step of the topic, for those who may take it (the server lists them). A report needs a
 * field visit first: the button says so instead of being refused.
 */
export function StatusActions({ detail: d }: { detail: TopicDetail }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const action = useTopicAction()
  const [modal, setModal] = useState<'report' | 'reopen' | null>(null)
  if (d.allowedActions.length === 0) return null

  const run = (a: TopicAction) =>
    action.mutate(
      { id: d.id, version: d.version, action: a },
      {
        onSuccess: () => message.success(t('research.actions.done', { action: t(`research.actions.${a}`) })),
        onError: (err) => showError(err),
      },
    )
  const noVisit = d.visitCount === 0
  const button = (a: TopicAction, props: { primary?: boolean; onClick?: () => void; disabled?: boolean }) => (
    <Button
      key={a}
      type={props.primary ? 'primary' : 'default'}
      icon={ICONS[a]}
      loading={action.isPending}
      disabled={props.disabled}
      onClick={props.onClick}
      data-testid={`topic-action-${a}`}
    >
      {t(`research.actions.${a}`)}
    </Button>
  )

  return (
    <div
      data-testid="topic-actions"
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: 12,
        padding: '8px 12px',
        background: '#fafafa',
        borderRadius: 6,
      }}
    >
      <Typography.Text type="secondary" style={{ flex: 1 }}>
        {t(`research.actions.hint.${d.status}`)}
      </Typography.Text>
      <Space size={8} wrap>
        {d.allowedActions.includes('start') &&
          button('start', { primary: true, onClick: () => run('start') })}
        {d.allowedActions.includes('report') && (
          <Tooltip key="report" title={noVisit ? t('research.actions.needVisit') : undefined}>
            {button('report', { primary: true, disabled: noVisit, onClick: () => setModal('report') })}
          </Tooltip>
        )}
        {d.allowedActions.includes('conclude') && (
          <Popconfirm
            key="conclude"
            title={t('research.actions.concludeConfirm')}
            okButtonProps={{ ...{ 'data-testid': 'topic-conclude-ok' } }}
            onConfirm={() => run('conclude')}
          >
            {button('conclude', { primary: true })}
          </Popconfirm>
        )}
        {d.allowedActions.includes('reopen') && button('reopen', { onClick: () => setModal('reopen') })}
      </Space>
      <ActionModal detail={d} kind={modal} onClose={() => setModal(null)} />
    </div>
  )
}
