import { Alert, App, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import { useProblemAction, useSignOff } from '../queries'
import type { ProblemDetail } from '../types'

interface Values {
  reason?: string
  comment?: string
}

interface Props {
  detail: ProblemDetail
  /** reopen: a reason is required; signoff: a comment is optional. */
  kind: 'reopen' | 'signoff' | null
  onClose: () => void
}

/** Sign-off (销号) with the reviewer's comment, or sending the problem back with a reason. */
export function ReasonModal({ detail: d, kind, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const reopen = useProblemAction()
  const signOff = useSignOff()
  const busy = reopen.isPending || signOff.isPending

  const submit = (v: Values) => {
    const handlers = {
      onSuccess: () => {
        message.success(
          t('rectification.actions.done', { action: t(`rectification.actions.${kind ?? 'reopen'}`) }),
        )
        onClose()
      },
      onError: (err: unknown) => {
        showError(err, { form })
        // Input to fix keeps the dialog open; a refusal or a stale version is settled by looking
        // at the problem again, not by retrying here.
        if (!(err instanceof ApiError && err.status === 400)) onClose()
      },
    }
    if (kind === 'signoff')
      signOff.mutate({ id: d.id, version: d.version, comment: v.comment?.trim() ?? '' }, handlers)
    else reopen.mutate({ id: d.id, version: d.version, action: 'reopen', reason: v.reason?.trim() }, handlers)
  }

  return (
    <Modal
      open={kind !== null}
      title={`${t(`rectification.actions.${kind ?? 'reopen'}`)} · ${d.code}`}
      okText={t('common.ok')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'problem-reason-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {kind === 'signoff' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('rectification.signoff.confirm', { evidence: d.evidenceCount })}
        />
      )}
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item
          name={kind === 'signoff' ? 'comment' : 'reason'}
          label={
            kind === 'signoff' ? t('rectification.signoff.comment') : t('rectification.actions.reopenReason')
          }
          rules={
            kind === 'reopen'
              ? [{ required: true, whitespace: true, message: t('rectification.actions.reasonRequired') }]
              : []
          }
        >
          <Input.TextArea
            data-testid="problem-reason-text"
            rows={3}
            maxLength={kind === 'signoff' ? 1000 : 500}
            showCount
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
