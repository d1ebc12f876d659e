import { App, Form, InputNumber, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../../app/feedback'
import { useSettings, useUpdateSettings } from '../queries'
import type { Settings } from '../types'

/** The petition office's own thresholds (statutory limits are fixed in the server, not settings). */
export function SettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<Settings>()
  const settings = useSettings(open)
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
      open={open}
      title={t('petitions.settings.title')}
      okButtonProps={{
        loading: update.isPending,
        disabled: !settings.data,
        ...{ 'data-testid': 'settings-submit' },
      }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {settings.data && (
        <Form form={form} layout="vertical" preserve={false} initialValues={settings.data} onFinish={submit}>
          <Form.Item
            name="dueSoonDays"
            label={t('petitions.settings.dueSoonDays')}
            extra={t('petitions.settings.dueSoonHint')}
          >
            <InputNumber min={0} max={30} precision={0} data-testid="settings-due-soon" />
          </Form.Item>
          <Form.Item
            name="backlogDays"
            label={t('petitions.settings.backlogDays')}
            extra={t('petitions.settings.backlogHint')}
          >
            <InputNumber min={1} max={3650} precision={0} data-testid="settings-backlog" />
          </Form.Item>
          <Form.Item
            name="retentionYears"
            label={t('petitions.settings.retentionYears')}
            extra={t('petitions.settings.retentionHint')}
          >
            <InputNumber min={1} max={50} precision={0} data-testid="settings-retention" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
