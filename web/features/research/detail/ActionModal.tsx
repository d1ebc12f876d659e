import { App, DatePicker, Form, Input, Modal } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import { useTodayDay } from '../../../app/hooks/useToday'
import { toIso } from '../format'
import { useTopicAction } from '../queries'
import type { TopicDetail } from '../types'

interface Values {
  summary?: string
  reason?: string
  on?: Dayjs
}

interface Props {
  detail: TopicDetail
  /** report: the summary (required) and the day; reopen: the reason (required). */
  kind: 'report' | 'reopen' | null
  onClose: () => void
}

/** Submitting the research report (its summary; files go in the report section), or sending it back. */
export function ActionModal({ detail: d, kind, onClose }: Props) {
  const { t } = useTranslation()
  const { today, afterToday } = useTodayDay()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const action = useTopicAction()
  const required = { required: true, whitespace: true, message: t('common.required') }

  const submit = (v: Values) => {
    if (!kind) return
    action.mutate(
      {
        id: d.id,
        version: d.version,
        action: kind,
        ...(kind === 'report'
          ? { summary: v.summary?.trim(), on: toIso(v.on) }
          : { reason: v.reason?.trim() }),
      },
      {
        onSuccess: () => {
          message.success(t('research.actions.done', { action: t(`research.actions.${kind}`) }))
          onClose()
        },
        onError: (err) => {
          showError(err, { form })
          // Input to fix keeps the dialog open; a refusal or a stale version is settled by
          // looking at the topic again.
          if (!(err instanceof ApiError && err.status === 400)) onClose()
        },
      },
    )
  }

  return (
    <Modal
      open={kind !== null}
      title={`${t(`research.actions.${kind ?? 'report'}`)} · ${d.code}`}
      okText={t('common.ok')}
      okButtonProps={{ loading: action.isPending, ...{ 'data-testid': 'topic-action-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{ on: today, summary: d.reportSummary ?? '' }}
      >
        {kind === 'report' ? (
          <>
            <Form.Item
              name="summary"
              label={t('research.report.summary')}
              rules={[required]}
              extra={t('research.report.summaryHint')}
            >
              <Input.TextArea data-testid="topic-report-summary" rows={6} maxLength={5000} showCount />
            </Form.Item>
            <Form.Item name="on" label={t('research.report.reportedOn')}>
              <DatePicker data-testid="topic-report-on" disabledDate={afterToday} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="reason" label={t('research.actions.reopenReason')} rules={[required]}>
            <Input.TextArea data-testid="topic-reopen-reason" rows={3} maxLength={500} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
