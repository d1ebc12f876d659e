import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth'
import { VoidModal } from '../../../app/components/VoidModal'
import { useShowError } from '../../../app/feedback'
import { useToday } from '../../../app/hooks/useToday'
import { canManageSelections } from '../access'
import { toIso } from '../format'
import { useSelT } from '../i18n'
import { ProgrammeFormDrawer } from '../programmes/ProgrammeFormDrawer'
import { useAssignRandom, useProgrammeAction, useVoidProgramme } from '../queries'
import type { Programme, ProgrammeAction } from '../types'

type Step = ProgrammeAction | 'assign'
interface StepValues {
  reason?: string
  on?: Dayjs
  seed?: number | null
}

/**
 * The steps the server says this viewer may take now (`allowedActions`), plus the department's
 * draw of experts while the programme is in review and its corrections to a draft. A return asks
 * for its reason, a publication for its first day (today by default), a draw for an optional seed.
 */
export function ActionBar({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation()
  const st = useSelT()
  const { message } = App.useApp()
  const { user } = useAuth()
  const today = useToday()
  const showError = useShowError()
  const act = useProgrammeAction()
  const assign = useAssignRandom()
  const voidProgramme = useVoidProgramme()
  const [step, setStep] = useState<Step | null>(null)
  const [editing, setEditing] = useState(false)
  const [voiding, setVoiding] = useState(false)
  const [form] = Form.useForm<StepValues>()
  const manage = canManageSelections(user?.role) && p.viewerRole === 'overseer' && !p.voided
  const steps: Step[] = [...p.allowedActions]
  // The draw is for a round still in review; after it, experts are changed by hand.
  if (manage && p.status === 'reviewing') steps.splice(0, 0, 'assign')
  const label = (s: Step) => st(`action.${s}`)

  const run = (s: Step, v: StepValues) => {
    const done = () => {
      message.success(t('selections.action.done', { action: label(s) }))
      setStep(null)
    }
    const onError = (err: unknown) => showError(err, { form })
    if (s === 'assign')
      assign.mutate(
        { id: p.id, version: p.version, ...(v.seed != null ? { seed: v.seed } : {}) },
        { onSuccess: done, onError },
      )
    else
      act.mutate(
        {
          id: p.id,
          version: p.version,
          action: s,
          ...(v.reason ? { reason: v.reason.trim() } : {}),
          ...(s === 'publish' ? { on: toIso(v.on) } : {}),
        },
        { onSuccess: done, onError },
      )
  }

  if (!steps.length && !(manage && p.status === 'draft')) return null
  return (
    <Space wrap data-testid="programme-actions">
      {steps.map((s) => (
        <Button
          key={s}
          type={s === 'return' ? 'default' : 'primary'}
          danger={s === 'return'}
          data-testid={`programme-action-${s}`}
          onClick={() => {
            form.resetFields()
            setStep(s)
          }}
        >
          {label(s)}
        </Button>
      ))}
      {manage && p.status === 'draft' && (
        <>
          <Button data-testid="programme-edit" onClick={() => setEditing(true)}>
            {t('selections.detail.edit')}
          </Button>
          <Button danger data-testid="programme-void" onClick={() => setVoiding(true)}>
            {t('selections.detail.void')}
          </Button>
        </>
      )}
      <Modal
        open={step !== null}
        title={step ? label(step) : ''}
        onCancel={() => setStep(null)}
        onOk={() => form.submit()}
        okButtonProps={{
          loading: act.isPending || assign.isPending,
          ...{ 'data-testid': 'programme-action-confirm' },
        }}
        destroyOnHidden
      >
        <Form<StepValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ on: dayjs(today) }}
          onFinish={(v) => step && run(step, v)}
        >
          {step === 'return' && (
            <Form.Item
              name="reason"
              label={t('selections.action.returnReason')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea data-testid="programme-action-reason" rows={3} maxLength={500} showCount />
            </Form.Item>
          )}
          {step === 'publish' && (
            <Form.Item
              name="on"
              label={t('selections.action.publishOn')}
              rules={[{ required: true, message: t('common.required') }]}
              extra={t('selections.action.publishHint', { days: p.noticeDays })}
            >
              <DatePicker data-testid="programme-action-on" style={{ width: '100%' }} />
            </Form.Item>
          )}
          {step === 'assign' && (
            <Form.Item name="seed" label={t('selections.field.seed')} extra={t('selections.action.seedHint')}>
              <InputNumber
                data-testid="programme-action-seed"
                min={0}
                max={2147483647}
                precision={0}
                style={{ width: '100%' }}
              />
            </Form.Item>
          )}
          {step && !['return', 'publish', 'assign'].includes(step) && (
            <p data-testid="programme-action-question">
              {t('selections.action.confirm', { action: label(step) })}
            </p>
          )}
        </Form>
      </Modal>
      {editing && (
        <ProgrammeFormDrawer
          open
          programme={p}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      <VoidModal
        open={voiding}
        name={p.name}
        onClose={() => setVoiding(false)}
        onSubmit={(reason) => voidProgramme.mutateAsync({ id: p.id, version: p.version, reason })}
      />
    </Space>
  )
}
