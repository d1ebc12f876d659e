/** The frame around every logged-in page: side menu from /api/meta, header with user and language. */
import { LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Layout, Menu, type MenuProps, Space, Typography } from 'antd'
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation, useNavigate } from 'react-router'
import { DigestBell } from '../features/supervision/DigestBell'
import { useAuth } from './auth'
import { DemoBadge } from './components/DemoBadge'
import { LangSwitch } from './components/LangSwitch'
import { PageSpinner } from './components/PageSpinner'
import { useShowError } from './feedback'
import { useServerToday } from './hooks/useToday'
import { useLabels, useMeta, visibleModules } from './meta'
import { moduleIcon } from './modules'

const HEADER_HEIGHT = 56
const SIDER_KEY = 'edu-ledger.sider-collapsed'

export function Shell() {
  const { t } = useTranslation()
  const { user, logout } = useAuth()
  const { data: meta } = useMeta()
  const labels = useLabels()
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const showError = useShowError()
  const serverToday = useServerToday()
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(SIDER_KEY) === '1')

  const modules = visibleModules(meta, user?.role)
  const items: MenuProps['items'] = modules.map((m) => ({
    key: m.key,
    icon: moduleIcon(m.key, m.icon),
    label: <span data-testid={`menu-${m.key}`}>{labels.moduleTitle(m)}</span>,
  }))
  const selected = modules.find((m) => pathname === m.path || pathname.startsWith(`${m.path}/`))

  const toggle = () => {
    localStorage.setItem(SIDER_KEY, collapsed ? '0' : '1')
    setCollapsed(!collapsed)
  }
  const onLogout = () => logout().catch((err: unknown) => showError(err))

  return (
    <Layout style={{ height: '100vh', overflow: 'hidden' }}>
      <Layout.Header
        style={{
          height: HEADER_HEIGHT,
          lineHeight: `${HEADER_HEIGHT}px`,
          padding: '0 16px',
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          background: '#10335c',
        }}
      >
        <Button
          type="text"
          aria-label={t('app.collapse')}
          icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          onClick={toggle}
          style={{ color: 'rgba(255,255,255,0.85)' }}
        />
        <Typography.Text
          ellipsis
          style={{ color: '#fff', fontSize: 18, fontWeight: 600, cursor: 'pointer', minWidth: 0 }}
          onClick={() => navigate('/')}
        >
          {t('app.title')}
        </Typography.Text>
        {meta?.demo && <DemoBadge />}
        <div style={{ flex: 1 }} />
        <Space size={4} style={{ flexShrink: 0 }}>
          <DigestBell />
          <Button
            type="text"
            icon={<UserOutlined />}
            style={{ color: 'rgba(255,255,255,0.85)' }}
            onClick={() => navigate('/profile')}
            data-testid="header-user"
          >
            {user?.displayName}
            <span style={{ opacity: 0.7, marginInlineStart: 6 }}>{labels.role(user?.role)}</span>
          </Button>
          <LangSwitch dark />
          <Button
            type="text"
            data-testid="logout"
            icon={<LogoutOutlined />}
            style={{ color: 'rgba(255,255,255,0.85)' }}
            onClick={onLogout}
          >
            {t('app.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout style={{ minHeight: 0 }}>
        <Layout.Sider
          theme="light"
          width={200}
          collapsedWidth={56}
          collapsed={collapsed}
          style={{ borderInlineEnd: '1px solid #f0f0f0', overflow: 'auto' }}
        >
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selected ? [selected.key] : []}
            onClick={({ key }) => {
              const m = modules.find((x) => x.key === key)
              if (m) navigate(m.path)
            }}
            style={{ borderInlineEnd: 'none' }}
          />
        </Layout.Sider>
        <Layout.Content style={{ minWidth: 0, overflow: 'auto', padding: 16, background: '#f5f7fa' }}>
          {user?.mustChangePassword && (
            <Alert
              type="warning"
              showIcon
              data-testid="must-change-password"
              style={{ marginBottom: 12 }}
              message={t('profile.mustChange')}
              action={
                <Button size="small" onClick={() => navigate('/profile')}>
                  {t('profile.title')}
                </Button>
              }
            />
          )}
          {/* Pages wait for the server's date: their forms default to it (see useToday). */}
          {serverToday.data ? (
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          ) : serverToday.isError ? (
            <Alert
              type="error"
              showIcon
              message={t('app.loadFailed')}
              action={<Button onClick={() => void serverToday.refetch()}>{t('app.retry')}</Button>}
            />
          ) : (
            <PageSpinner />
          )}
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
