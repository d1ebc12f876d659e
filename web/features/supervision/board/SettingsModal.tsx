import { App, Form, InputNumber, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useSettings, useUpdateSettings } from '../queries'
import type { Settings } from '../types'

/** How hard tasks are chased: the due-soon window and the two escalation steps (leaders only). */
export function SettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Settings>()
  const settings = useSettings()
  const update = useUpdateSettings()

  const submit = (v: Settings) =>
    update.mutate(v, {
      onSuccess: () => {
        message.success(t('common.saved'))
        onClose()
      },
      onError: (err) => showError(err, { form }),
    })

  return (
    <Modal
      open={open && settings.data !== undefined}
      title={t('supervision.settings.title')}
      okText={t('common.save')}
      okButtonProps={{ loading: update.isPending, ...{ 'data-testid': 'settings-submit' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={submit} initialValues={settings.data}>
        <Form.Item
          name="dueSoonDays"
          label={t('supervision.settings.dueSoonDays')}
          extra={t('supervision.settings.dueSoonHint')}
        >
          <InputNumber
            data-testid="settings-due-soon"
            min={0}
            max={60}
            precision={0}
            suffix={t('supervision.dayUnit')}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item
          name="escalateUnitDays"
          label={t('supervision.settings.unitDays')}
          extra={t('supervision.settings.unitHint')}
        >
          <InputNumber
            data-testid="settings-unit-days"
            min={1}
            max={365}
            precision={0}
            suffix={t('supervision.dayUnit')}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item
          name="escalateBureauDays"
          label={t('supervision.settings.bureauDays')}
          extra={t('supervision.settings.bureauHint')}
        >
          <InputNumber
            data-testid="settings-bureau-days"
            min={1}
            max={365}
            precision={0}
            suffix={t('supervision.dayUnit')}
            style={{ width: 160 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
