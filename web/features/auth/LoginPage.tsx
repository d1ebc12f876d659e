import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { useAuth } from '../../app/auth'
import { DemoBadge } from '../../app/components/DemoBadge'
import { LangSwitch } from '../../app/components/LangSwitch'
import { useShowError } from '../../app/feedback'
import { useMeta, visibleModules } from '../../app/meta'
import type { User } from '../../app/types'
import { DemoUsers } from './DemoUsers'

interface LoginForm {
  username: string
  password: string
}

export default function LoginPage() {
  const { t } = useTranslation()
  const { user, login } = useAuth()
  const { data: meta, isError: metaFailed } = useMeta()
  const [form] = Form.useForm<LoginForm>()
  const [busy, setBusy] = useState(false)
  const showError = useShowError()
  const navigate = useNavigate()
  const location = useLocation()
  const from = (location.state as { from?: string } | null)?.from

  /**
   * Back to where the session ended, unless the person now logging in may not see that module
   * (after a logout, the next user can be someone else).
   */
  const target = (u: User): string => {
    if (!from || from.startsWith('/login')) return '/'
    const path = from.split('?')[0] ?? '/'
    const module = meta?.modules.find((m) => path === m.path || path.startsWith(`${m.path}/`))
    return module && !visibleModules(meta, u.role).includes(module) ? '/' : from
  }

  if (user) return <Navigate to={target(user)} replace />

  const onFinish = async (values: LoginForm) => {
    setBusy(true)
    try {
      const u = await login(values.username.trim(), values.password)
      navigate(target(u), { replace: true })
    } catch (err) {
      form.setFieldValue('password', '')
      showError(err, { form })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div
      style={{
        height: '100%',
        overflow: 'auto',
        background: 'linear-gradient(160deg, #10335c 0%, #1f5fa8 55%, #e9eef5 55%)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: '12px 16px' }}>
        <LangSwitch dark />
      </div>
      <div style={{ display: 'flex', justifyContent: 'center', padding: '4vh 16px 32px' }}>
        <Space orientation="vertical" size={16} style={{ width: 420, maxWidth: '100%' }}>
          <Typography.Title level={2} style={{ color: '#fff', textAlign: 'center', margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
          <Card
            title={t('auth.loginTitle')}
            extra={meta?.demo ? <DemoBadge /> : null}
            styles={{ body: { paddingTop: 20 } }}
          >
            {metaFailed && (
              <Alert type="warning" showIcon title={t('app.serverDown')} style={{ marginBottom: 16 }} />
            )}
            <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
              <Form.Item
                name="username"
                label={t('auth.username')}
                rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
              >
                <Input
                  data-testid="login-username"
                  prefix={<UserOutlined />}
                  autoComplete="username"
                  autoFocus
                  size="large"
                />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('auth.password')}
                rules={[{ required: true, message: t('auth.passwordRequired') }]}
              >
                <Input.Password
                  data-testid="login-password"
                  prefix={<LockOutlined />}
                  autoComplete="current-password"
                  size="large"
                />
              </Form.Item>
              <Button
                data-testid="login-submit"
                type="primary"
                htmlType="submit"
                block
                size="large"
                loading={busy}
              >
                {t('auth.submit')}
              </Button>
            </Form>
          </Card>
          {meta?.demo && meta.demoUsers && meta.demoUsers.length > 0 && (
            <DemoUsers users={meta.demoUsers} onPick={(u) => form.setFieldsValue(u)} />
          )}
          {meta && (
            <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center' }}>
              {t('app.version', { version: meta.version })}
            </Typography.Text>
          )}
        </Space>
      </div>
    </div>
  )
}
