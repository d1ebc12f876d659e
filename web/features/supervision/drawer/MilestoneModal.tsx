import { DatePicker, Form, Input, InputNumber, Modal } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { fromIso, toIso } from '../../petitions/dates'
import { useAddMilestone, useRefreshSupervision, useUpdateMilestone } from '../queries'
import type { Milestone, TaskDetail } from '../types'

interface Values {
  title: string
  dueOn: Dayjs
  weight: number
}

interface Props {
  task: TaskDetail
  /** 'new' adds one; a milestone edits it; null is closed. */
  milestone: Milestone | 'new' | null
  onClose: () => void
}

export function MilestoneModal({ task, milestone, onClose }: Props) {
  const { t } = useTranslation()
  const showError = useShowError()
  const refresh = useRefreshSupervision()
  const [form] = Form.useForm<Values>()
  const add = useAddMilestone()
  const update = useUpdateMilestone()
  const existing = milestone !== null && milestone !== 'new' ? milestone : null

  const submit = (v: Values) => {
    const body = { title: v.title.trim(), dueOn: toIso(v.dueOn) ?? '', weight: v.weight }
    const opts = {
      onSuccess: onClose,
      onError: (err: unknown) =>
        showError(err, {
          form,
          onReload: () => {
            void refresh()
            onClose()
          },
        }),
    }
    if (existing) update.mutate({ id: existing.id, version: existing.version, ...body }, opts)
    else add.mutate({ id: task.id, ...body }, opts)
  }

  return (
    <Modal
      open={milestone !== null}
      title={existing ? t('supervision.editMilestone') : t('supervision.addMilestone')}
      okText={t('common.save')}
      okButtonProps={{ loading: add.isPending || update.isPending, ...{ 'data-testid': 'milestone-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={
          existing
            ? { ...existing, dueOn: fromIso(existing.dueOn) }
            : { weight: 1, dueOn: fromIso(task.deadline) }
        }
      >
        <Form.Item
          name="title"
          label={t('supervision.field.milestoneTitle')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input data-testid="milestone-title" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('supervision.field.dueOn')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker data-testid="milestone-due" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="weight"
          label={t('supervision.field.weight')}
          extra={t('supervision.weightHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <InputNumber
            data-testid="milestone-weight"
            min={1}
            max={100}
            precision={0}
            style={{ width: 200 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
