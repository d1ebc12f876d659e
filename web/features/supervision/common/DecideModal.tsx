import { App, DatePicker, Descriptions, Form, Input, Modal, Radio } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { fromIso, toIso } from '../../petitions/dates'
import { useDecideExtension, useRefreshSupervision } from '../queries'
import type { Extension } from '../types'

interface Values {
  decision: 'approve' | 'refuse'
  deadline?: Dayjs
  reason?: string
}

/**
 * A leader approves an extension (possibly granting an earlier date than asked, still after the
 * current deadline) or refuses it with a reason. The request and the decision stay on record.
 */
export function DecideModal({ extension, onClose }: { extension: Extension | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const refresh = useRefreshSupervision()
  const [form] = Form.useForm<Values>()
  const decide = useDecideExtension()
  const decision = Form.useWatch('decision', form)
  const e = extension

  const submit = (v: Values) => {
    if (!e) return
    const deadline = v.decision === 'approve' ? toIso(v.deadline) : undefined
    decide.mutate(
      {
        id: e.id,
        decision: v.decision,
        reason: v.reason?.trim() || undefined,
        // Only a different date than asked is sent; the server defaults to the requested one.
        deadline: deadline && deadline !== e.requestedDeadline ? deadline : undefined,
      },
      {
        onSuccess: () => {
          message.success(
            v.decision === 'approve' ? t('supervision.extensionApproved') : t('supervision.extensionRefused'),
          )
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
      open={e !== null}
      title={e ? t('supervision.decideTitle', { title: e.taskTitle }) : ''}
      okText={t('common.ok')}
      okButtonProps={{ loading: decide.isPending, ...{ 'data-testid': 'decide-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      {e && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('supervision.field.unit')}>{e.unit ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.field.requestedBy')}>{e.requestedBy}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.field.oldDeadline')}>{e.oldDeadline}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.field.requestedDeadline')}>
              {e.requestedDeadline}
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.field.reason')} span={2}>
              {e.reason}
            </Descriptions.Item>
          </Descriptions>
          <Form
            form={form}
            layout="vertical"
            preserve={false}
            onFinish={submit}
            initialValues={{ decision: 'approve', deadline: fromIso(e.requestedDeadline) }}
          >
            <Form.Item name="decision" label={t('supervision.field.decision')}>
              <Radio.Group data-testid="decide-decision">
                <Radio value="approve" data-testid="decide-approve">
                  {t('supervision.approve')}
                </Radio>
                <Radio value="refuse" data-testid="decide-refuse">
                  {t('supervision.refuse')}
                </Radio>
              </Radio.Group>
            </Form.Item>
            {decision !== 'refuse' && (
              <Form.Item
                name="deadline"
                label={t('supervision.field.approvedDeadline')}
                extra={t('supervision.approvedDeadlineHint')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DatePicker
                  data-testid="decide-deadline"
                  disabledDate={(d) => !d.isAfter(dayjs(e.oldDeadline), 'day')}
                  style={{ width: 200 }}
                />
              </Form.Item>
            )}
            <Form.Item
              name="reason"
              label={t('supervision.field.decisionReason')}
              rules={
                decision === 'refuse'
                  ? [{ required: true, whitespace: true, message: t('supervision.reasonRequired') }]
                  : []
              }
            >
              <Input.TextArea data-testid="decide-reason" rows={3} maxLength={1000} showCount />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  )
}
