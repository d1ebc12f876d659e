import { Form, Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../feedback'

interface Props {
  open: boolean
  name: string
  onClose: () => void
  /** Resolves when the server accepted; the modal then closes. */
  onSubmit: (reason: string) => Promise<unknown>
}

/** Records are voided with a reason, never deleted; the reason is required. */
export function VoidModal({ open, name, onClose, onSubmit }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ reason: string }>()
  const [busy, setBusy] = useState(false)
  const showError = useShowError()

  const submit = async () => {
    const { reason } = await form.validateFields()
    setBusy(true)
    try {
      await onSubmit(reason.trim())
      onClose()
    } catch (err) {
      showError(err, { form, onReload: onClose })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('common.voidTitle', { name })}
      okText={t('common.void')}
      okButtonProps={{ danger: true, loading: busy, ...{ 'data-testid': 'void-submit' } }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('common.voidHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('common.voidReason')}
          rules={[{ required: true, whitespace: true, message: t('common.voidReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="void-reason" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
