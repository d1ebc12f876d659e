import { Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'

interface Props {
  open: boolean
  onClose: () => void
  onSubmit: (reason: string) => Promise<unknown>
}

/** A return always says why: the unit sees the reason beside its submission. */
export function ReturnModal({ open, onClose, onSubmit }: Props) {
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
      title={t('statistics.sub.returnTitle')}
      okText={t('statistics.sub.return')}
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('statistics.sub.reason')}
          rules={[{ required: true, whitespace: true, message: t('statistics.sub.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
