import { App, Button, Form, Input } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../app/feedback'
import { passwordRule } from '../../app/validation'
import { useChangePassword } from './queries'

interface Values {
  currentPassword: string
  newPassword: string
  confirm: string
}

export function PasswordForm() {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const showError = useShowError()
  const change = useChangePassword()

  const onFinish = (v: Values) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          form.resetFields()
          message.success(t('profile.passwordChanged'))
        },
        onError: (err) => showError(err, { form }),
      },
    )

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 400 }}>
      <Form.Item
        name="currentPassword"
        label={t('profile.currentPassword')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="profile-current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('profile.newPassword')}
        extra={t('profile.passwordRule')}
        rules={[
          { required: true, message: t('common.required') },
          { pattern: passwordRule, message: t('profile.passwordRule') },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="profile-new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('profile.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('profile.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="profile-confirm-password" />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        loading={change.isPending}
        data-testid="profile-password-submit"
      >
        {t('profile.changePassword')}
      </Button>
    </Form>
  )
}
