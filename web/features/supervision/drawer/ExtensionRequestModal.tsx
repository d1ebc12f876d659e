import { App, DatePicker, Form, Input, Modal, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { toIso } from '../../petitions/dates'
import { useRequestExtension } from '../queries'
import type { TaskDetail } from '../types'

interface Values {
  requestedDeadline: Dayjs
  reason: string
}

/** A unit of the task asks for a later deadline; a leader decides. One pending request at a time. */
export function ExtensionRequestModal({
  task,
  open,
  onClose,
}: {
  task: TaskDetail
  open: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const request = useRequestExtension()

  const submit = (v: Values) =>
    request.mutate(
      { id: task.id, requestedDeadline: toIso(v.requestedDeadline) ?? '', reason: v.reason.trim() },
      {
        onSuccess: () => {
          message.success(t('supervision.extensionRequested'))
          onClose()
        },
        onError: (err) => showError(err, { form }),
      },
    )

  return (
    <Modal
      open={open}
      title={`${t('supervision.requestExtension')} · ${task.title}`}
      okText={t('supervision.submitRequest')}
      okButtonProps={{ loading: request.isPending, ...{ 'data-testid': 'extension-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('supervision.currentDeadline', { date: task.deadline })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item
          name="requestedDeadline"
          label={t('supervision.field.requestedDeadline')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker
            data-testid="extension-deadline"
            disabledDate={(d) => !d.isAfter(dayjs(task.deadline), 'day')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('supervision.field.reason')}
          rules={[{ required: true, whitespace: true, message: t('supervision.reasonRequired') }]}
        >
          <Input.TextArea data-testid="extension-reason" rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
