import { Alert, App, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { VoidModal } from '../../app/components/VoidModal'
import { useShowError } from '../../app/feedback'
import { usePutOverride, useRemoveOverride } from './queries'
import type { CalendarDay, DayKind } from './types'

interface Props {
  date: string | null
  /** What the calendar says about the day now; undefined for an ordinary day. */
  current: CalendarDay | undefined
  onClose: () => void
}

interface Values {
  kind: DayKind
  name?: string
}

/** An admin's correction of one day, e.g. a local holiday or a schedule the built-in data lacks. */
export function OverrideModal({ date, current, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Values>()
  const put = usePutOverride()
  const remove = useRemoveOverride()
  const [removing, setRemoving] = useState(false)
  const overrideId = current?.source === 'override' ? current.overrideId : null

  const submit = (v: Values) => {
    if (!date) return
    put.mutate(
      { date, kind: v.kind, name: v.name?.trim() || undefined },
      {
        onSuccess: () => {
          message.success(t('calendar.saved'))
          onClose()
        },
        onError: (err) => showError(err, { form }),
      },
    )
  }

  return (
    <>
      <Modal
        open={date !== null && !removing}
        title={t('calendar.overrideTitle', { date })}
        onCancel={onClose}
        destroyOnHidden
        footer={
          <Space>
            {overrideId !== null && (
              <Button danger onClick={() => setRemoving(true)} data-testid="calendar-override-remove">
                {t('calendar.removeOverride')}
              </Button>
            )}
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={put.isPending}
              onClick={() => form.submit()}
              data-testid="calendar-override-submit"
            >
              {t('common.save')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {current
            ? t('calendar.currentIs', {
                kind: t(`calendar.kind.${current.kind}`),
                name: current.name ?? '',
                source: t(`calendar.source.${current.source}`),
              })
            : t('calendar.currentNormal')}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={submit}
          initialValues={{
            kind: current?.kind === 'holiday' ? 'workday' : 'holiday',
            name: current?.name ?? '',
          }}
        >
          <Form.Item name="kind" label={t('calendar.kindLabel')} rules={[{ required: true }]}>
            <Radio.Group
              data-testid="calendar-override-kind"
              options={(['holiday', 'workday', 'normal'] as const).map((k) => ({
                value: k,
                label: t(`calendar.kind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('calendar.name')}>
            <Input
              maxLength={40}
              placeholder={t('calendar.namePlaceholder')}
              data-testid="calendar-override-name"
            />
          </Form.Item>
        </Form>
        <Alert type="info" showIcon title={t('calendar.recomputeNote')} />
      </Modal>
      <VoidModal
        open={removing}
        name={t('calendar.overrideName', { date })}
        onClose={() => {
          setRemoving(false)
          onClose()
        }}
        onSubmit={(reason) =>
          overrideId !== null ? remove.mutateAsync({ id: overrideId, reason }) : Promise.resolve()
        }
      />
    </>
  )
}
