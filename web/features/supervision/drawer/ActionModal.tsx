import { App, DatePicker, Form, Input, Modal } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { toIso } from '../../petitions/dates'
import { useSupervisionLabels } from '../labels'
import { useRefreshSupervision, useTaskAction, useToday } from '../queries'
import { ACTIONS_NEEDING_REASON, type TaskAction, type TaskDetail } from '../types'

interface Values {
  on: Dayjs
  reason?: string
}

interface Props {
  task: TaskDetail
  action: TaskAction | null
  onClose: () => void
}

/** Start, complete, reopen or cancel, dated (never after today); undoing work needs a reason. */
export function ActionModal({ task, action, onClose }: Props) {
  const { t } = useTranslation()
  const labels = useSupervisionLabels()
  const { message } = App.useApp()
  const showError = useShowError()
  const refresh = useRefreshSupervision()
  const today = useToday()
  const [form] = Form.useForm<Values>()
  const mutation = useTaskAction()
  const needsReason = action !== null && ACTIONS_NEEDING_REASON.includes(action)
  const actionLabel = labels.label('action', action)

  const submit = (v: Values) => {
    if (!action) return
    mutation.mutate(
      {
        id: task.id,
        // The version the user looked at: if someone changed the task meanwhile, the server answers 409.
        version: task.version,
        action,
        on: toIso(v.on),
        reason: v.reason?.trim() || undefined,
      },
      {
        onSuccess: () => {
          message.success(t('supervision.actionDone', { action: actionLabel }))
          onClose()
        },
        onError: (err) =>
          showError(err, {
            form,
            onReload: () => {
              void refresh()
              onClose()
            },
          }),
      },
    )
  }

  return (
    <Modal
      open={action !== null}
      title={`${actionLabel} · ${task.title}`}
      okText={actionLabel}
      okButtonProps={{
        loading: mutation.isPending,
        danger: action === 'cancel',
        ...{ 'data-testid': 'task-action-submit' },
      }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{ on: dayjs(today) }}
      >
        <Form.Item
          name="on"
          label={action === 'complete' ? t('supervision.field.doneOn') : t('supervision.field.on')}
          rules={[{ required: true, message: t('common.required') }]}
          extra={
            action === 'complete' && today > task.deadline
              ? t('supervision.completeLate', { deadline: task.deadline })
              : undefined
          }
        >
          <DatePicker
            data-testid="task-action-on"
            disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
            style={{ width: 200 }}
          />
        </Form.Item>
        {needsReason && (
          <Form.Item
            name="reason"
            label={t('supervision.field.reason')}
            rules={[{ required: true, whitespace: true, message: t('supervision.reasonRequired') }]}
          >
            <Input.TextArea data-testid="task-action-reason" rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
