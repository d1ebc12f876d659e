import { App, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../app/feedback'
import type { User } from '../../app/types'
import { passwordRule } from '../../app/validation'
import { useResetPassword } from './queries'

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const [form] = Form.useForm<{ password: string }>()
  const reset = useResetPassword()

  const submit = async () => {
    if (!user) return
    const { password } = await form.validateFields()
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          message.success(t('users.resetDone'))
          onClose()
        },
        onError: (err) => showError(err, { form }),
      },
    )
  }

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ loading: reset.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('profile.passwordRule')}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: passwordRule, message: t('profile.passwordRule') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-reset-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
