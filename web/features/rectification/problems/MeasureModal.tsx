import { App, DatePicker, Form, Input, Modal, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import { useTodayDay } from '../../../app/hooks/useToday'
import { fromIso, toIso } from '../format'
import { useRectLabels } from '../labels'
import { useAddMeasure, useUpdateMeasure } from '../queries'
import { MEASURE_STATUSES, type Measure, type MeasureStatus, type ProblemDetail } from '../types'

interface Values {
  content: string
  owner?: string
  deadline: Dayjs
  status?: MeasureStatus
  doneOn?: Dayjs
}

interface Props {
  problem: ProblemDetail
  /** A measure to edit, 'new' to add one, null when closed. */
  target: Measure | 'new' | null
  onClose: () => void
}

export function MeasureModal({ problem, target, onClose }: Props) {
  const { t } = useTranslation()
  const { afterToday } = useTodayDay()
  const labels = useRectLabels()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const add = useAddMeasure()
  const update = useUpdateMeasure()
  const status = Form.useWatch('status', form)
  const editing = target !== null && target !== 'new' ? target : null
  const required = { required: true, whitespace: true, message: t('common.required') }

  useEffect(() => {
    if (!editing) return
    form.setFieldsValue({
      content: editing.content,
      owner: editing.owner,
      deadline: fromIso(editing.deadline),
      status: editing.status,
      doneOn: fromIso(editing.doneOn),
    })
  }, [editing, form])

  const submit = (v: Values) => {
    const handlers = {
      onSuccess: () => {
        message.success(t('common.saved'))
        onClose()
      },
      onError: (err: unknown) => {
        showError(err, { form })
        if (!(err instanceof ApiError && err.status === 400)) onClose()
      },
    }
    const base = {
      content: v.content.trim(),
      owner: v.owner?.trim() ?? '',
      deadline: toIso(v.deadline) ?? '',
    }
    if (editing)
      update.mutate(
        {
          problemId: problem.id,
          measureId: editing.id,
          version: editing.version,
          ...base,
          status: v.status,
          doneOn: v.status === 'done' ? toIso(v.doneOn) : undefined,
        },
        handlers,
      )
    else add.mutate({ problemId: problem.id, ...base }, handlers)
  }

  return (
    <Modal
      open={target !== null}
      title={
        editing
          ? t('rectification.measures.editTitle', { seq: editing.seq })
          : t('rectification.measures.add')
      }
      okText={t('common.save')}
      okButtonProps={{ loading: add.isPending || update.isPending, ...{ 'data-testid': 'measure-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item name="content" label={t('rectification.measures.content')} rules={[required]}>
          <Input.TextArea data-testid="measure-form-content" rows={3} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item name="owner" label={t('rectification.measures.owner')}>
          <Input data-testid="measure-form-owner" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('rectification.measures.deadline')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker data-testid="measure-form-deadline" style={{ width: 200 }} />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={t('rectification.measures.status')}>
            <Select
              data-testid="measure-form-status"
              options={MEASURE_STATUSES.map((s) => ({ value: s, label: labels.measureStatus(s) }))}
              style={{ width: 200 }}
            />
          </Form.Item>
        )}
        {editing && status === 'done' && (
          <Form.Item
            name="doneOn"
            label={t('rectification.measures.doneOn')}
            extra={t('rectification.measures.doneOnHint')}
          >
            <DatePicker disabledDate={afterToday} style={{ width: 200 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
