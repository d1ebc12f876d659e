import { EditOutlined, NotificationOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons'
import { Alert, App, Button, Drawer, Space, Spin, Tag } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { canWriteEthics } from '../labels'
import { useCase, useUpdateCase, useVoidCase } from '../queries'
import { CaseDocuments } from './CaseDocuments'
import { CaseFacts } from './CaseFacts'
import { CaseFormDrawer } from './CaseFormDrawer'
import { PersonalNotice } from './PersonalNotice'
import { PublicSummary } from './PublicSummary'

interface Props {
  caseId: number | null
  onClose: () => void
}

/** One case, masked until a user allowed to asks for the personal data (and that view is audited). */
export function CaseDrawer({ caseId, onClose }: Props) {
  const { t } = useTranslation()
  const { user } = useAuth()
  const { message, modal } = App.useApp()
  const showError = useShowError()
  const canWrite = canWriteEthics(user?.role)
  const [full, setFull] = useState(false)
  const [editing, setEditing] = useState(false)
  const [voiding, setVoiding] = useState(false)
  const update = useUpdateCase()
  const voidCase = useVoidCase()

  // Full personal data is asked for per case and per opening, never carried over to the next one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new case only
  useEffect(() => setFull(false), [caseId])

  const query = useCase(caseId, full)
  // While the audited full view loads, keep showing the masked one instead of a blank drawer.
  const masked = useCase(caseId, false)
  const d = query.data ?? masked.data
  const live = d !== undefined && !d.voided

  const setPublished = (published: boolean) => {
    if (!d) return
    modal.confirm({
      title: published ? t('ethics.publish.confirmTitle') : t('ethics.publish.withdrawTitle'),
      content: published ? t('ethics.publish.confirm') : t('ethics.publish.withdraw'),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { ...{ 'data-testid': 'ethics-publish-confirm' } },
      onOk: () =>
        update
          .mutateAsync({ id: d.id, version: d.version, published })
          .then(() => {
            message.success(published ? t('ethics.publish.done') : t('ethics.publish.withdrawn'))
            // The answer is masked; going back to the masked view avoids a second audited fetch.
            setFull(false)
          })
          .catch((err: unknown) => showError(err)),
    })
  }

  return (
    <Drawer
      open={caseId !== null}
      onClose={onClose}
      size={820}
      destroyOnHidden
      data-testid="ethics-drawer"
      title={
        d ? (
          <Space size={8}>
            <span data-testid="ethics-case-no">{d.caseNo}</span>
            {d.voided ? (
              <Tag>{t('common.voided')}</Tag>
            ) : d.published ? (
              <Tag color="green">{t('ethics.publishedOn', { date: d.publishedOn ?? '' })}</Tag>
            ) : (
              <Tag>{t('ethics.unpublished')}</Tag>
            )}
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
            {d.published ? (
              <Button
                icon={<UndoOutlined />}
                onClick={() => setPublished(false)}
                data-testid="ethics-withdraw"
              >
                {t('ethics.publish.withdrawButton')}
              </Button>
            ) : (
              <Button
                type="primary"
                icon={<NotificationOutlined />}
                onClick={() => setPublished(true)}
                data-testid="ethics-publish"
              >
                {t('ethics.publish.button')}
              </Button>
            )}
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="ethics-edit">
              {t('common.edit')}
            </Button>
            <Button danger icon={<StopOutlined />} onClick={() => setVoiding(true)} data-testid="ethics-void">
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
          {d.voided && <Alert type="error" showIcon title={t('ethics.voided')} description={d.voidReason} />}
          <PersonalNotice
            detail={d}
            loading={full && query.isFetching}
            onShowFull={() => setFull(true)}
            onHide={() => setFull(false)}
          />
          <CaseFacts detail={d} />
          {d.published && live && <PublicSummary caseId={d.id} />}
          {d.canSeePersonal && <CaseDocuments detail={d} editable={canWrite && live} />}
          <CaseFormDrawer
            open={editing}
            detail={d}
            onClose={() => setEditing(false)}
            onSaved={() => {
              setEditing(false)
              setFull(false)
            }}
          />
          <VoidModal
            open={voiding}
            name={d.caseNo}
            onClose={() => setVoiding(false)}
            onSubmit={(reason) => voidCase.mutateAsync({ id: d.id, version: d.version, reason })}
          />
        </Space>
      )}
    </Drawer>
  )
}
