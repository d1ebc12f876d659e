import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import { useTodayDay } from '../../../app/hooks/useToday'
import { OrgTreeSelect } from '../../org/OrgTreeSelect'
import { toIso } from '../dates'
import { usePetitionLabels } from '../labels'
import { useCaseAction, useRefreshPetitions } from '../queries'
import type { CaseAction, CaseDetail, Outcome, Satisfaction } from '../types'

interface Values {
  on: Dayjs
  note?: string
  extensionDays?: number
  approvedBy?: string
  outcome?: Outcome
  satisfaction?: Satisfaction
  forwardToUnitId?: number
}

/** The statute asks for a written reason when a unit objects, declines or extends. */
const NOTE_REQUIRED: CaseAction[] = ['object', 'decline', 'extend']
const NOTE_OPTIONAL: CaseAction[] = [
  'request_review',
  'decide_review',
  'request_rereview',
  'decide_rereview',
  'finalise',
]
const MAX_EXTENSION = 30

/** Refusals the server sends as a code only; each belongs to one field of this form. */
const REFUSAL_FIELD: Record<string, keyof Values> = {
  date_before_previous: 'on',
  late_objection: 'on',
  late_review_request: 'on',
  late_rereview_request: 'on',
  late_extension: 'on',
  extension_too_long: 'extensionDays',
  extension_invalid: 'extensionDays',
  outcome_required: 'outcome',
  satisfaction_required: 'satisfaction',
}

/** An action cannot be dated before the latest date the case already records. */
function lastRecorded(d: CaseDetail): string {
  return [
    d.receivedOn,
    d.forwardedOn,
    d.acceptedOn,
    d.repliedOn,
    d.reviewRequestedOn,
    d.reviewDecidedOn,
    d.rereviewRequestedOn,
    d.rereviewDecidedOn,
  ]
    .filter((x): x is string => Boolean(x))
    .sort()
    .at(-1) as string
}

interface Props {
  detail: CaseDetail
  action: CaseAction | null
  onClose: () => void
  onDone: (updated: CaseDetail) => void
}

export function ActionModal({ detail, action, onClose, onDone }: Props) {
  const { t } = useTranslation()
  const { today, afterToday } = useTodayDay()
  const labels = usePetitionLabels()
  const { message } = App.useApp()
  const showError = useShowError()
  const refresh = useRefreshPetitions()
  const [form] = Form.useForm<Values>()
  const mutation = useCaseAction()
  const required = { required: true, message: t('common.required') }
  const extensionLeft = Math.max(0, MAX_EXTENSION - detail.extensionDays)
  const earliest = dayjs(lastRecorded(detail))

  const submit = (v: Values) => {
    if (!action) return
    mutation.mutate(
      {
        id: detail.id,
        // The version the user looked at: if someone acted meanwhile, the server answers 409.
        version: detail.version,
        action,
        on: toIso(v.on) ?? '',
        note: v.note?.trim() || undefined,
        extensionDays: v.extensionDays,
        approvedBy: v.approvedBy?.trim() || undefined,
        outcome: v.outcome,
        satisfaction: v.satisfaction,
        forwardToUnitId: v.forwardToUnitId,
      },
      {
        onSuccess: (updated) => {
          message.success(t('petitions.actionDone', { action: labels.label('action', action) }))
          onDone(updated)
        },
        onError: (err) => {
          if (err instanceof ApiError && err.status === 409) {
            // Someone else moved the case on: show why, reload it, and let the user decide again.
            message.warning(err.message)
            void refresh()
            onClose()
            return
          }
          const field =
            err instanceof ApiError && err.fields.length === 0 ? REFUSAL_FIELD[err.code] : undefined
          if (field && err instanceof ApiError) form.setFields([{ name: field, errors: [err.message] }])
          else showError(err, { form })
        },
      },
    )
  }

  return (
    <Modal
      open={action !== null}
      title={action ? `${labels.label('action', action)} · ${detail.caseNo}` : ''}
      okText={t('common.ok')}
      okButtonProps={{ loading: mutation.isPending, ...{ 'data-testid': 'case-action-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        initialValues={{ on: today, extensionDays: Math.min(extensionLeft, MAX_EXTENSION) || undefined }}
      >
        <Form.Item name="on" label={t('petitions.actionForm.on')} rules={[required]}>
          <DatePicker
            data-testid="action-on"
            disabledDate={(d) => afterToday(d) || d.isBefore(earliest, 'day')}
            style={{ width: 200 }}
          />
        </Form.Item>
        {action === 'forward' && (
          <Form.Item name="forwardToUnitId" label={t('petitions.actionForm.forwardTo')} rules={[required]}>
            <OrgTreeSelect data-testid="action-forward-unit" />
          </Form.Item>
        )}
        {action === 'extend' && (
          <>
            <Form.Item
              name="extensionDays"
              label={t('petitions.actionForm.extensionDays')}
              extra={t('petitions.actionForm.extensionHint', {
                used: detail.extensionDays,
                left: extensionLeft,
              })}
              rules={[required]}
            >
              <InputNumber
                data-testid="action-extension-days"
                min={1}
                max={Math.max(1, extensionLeft)}
                precision={0}
                style={{ width: 200 }}
              />
            </Form.Item>
            <Form.Item name="approvedBy" label={t('petitions.actionForm.approvedBy')}>
              <Input data-testid="action-approved-by" maxLength={50} />
            </Form.Item>
          </>
        )}
        {action === 'reply' && (
          <Form.Item name="outcome" label={t('petitions.actionForm.outcome')} rules={[required]}>
            <Select data-testid="action-outcome" options={labels.outcomeOptions()} />
          </Form.Item>
        )}
        {action === 'visit' && (
          <Form.Item name="satisfaction" label={t('petitions.actionForm.satisfaction')} rules={[required]}>
            <Select data-testid="action-satisfaction" options={labels.satisfactionOptions()} />
          </Form.Item>
        )}
        {action && (NOTE_REQUIRED.includes(action) || NOTE_OPTIONAL.includes(action)) && (
          <Form.Item
            name="note"
            label={action === 'extend' ? t('petitions.actionForm.reason') : t('petitions.actionForm.note')}
            rules={
              NOTE_REQUIRED.includes(action)
                ? [{ required: true, whitespace: true, message: t('petitions.actionForm.noteRequired') }]
                : []
            }
          >
            <Input.TextArea data-testid="action-note" rows={3} maxLength={2000} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
