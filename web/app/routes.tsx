import { Button, Result } from 'antd'
import { lazy, type ReactNode, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router'
import { useAuth } from './auth'
import { PageSpinner } from './components/PageSpinner'
import { useMeta, visibleModules } from './meta'
import { pages } from './modules'
import { Shell } from './Shell'

const LoginPage = lazy(() => import('../features/auth/LoginPage'))

function RequireAuth({ children }: { children: ReactNode }) {
  const { user, loading } = useAuth()
  const location = useLocation()
  if (loading) return <PageSpinner />
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />
  return <>{children}</>
}

function HomeRedirect() {
  const { user } = useAuth()
  const { data: meta, isPending } = useMeta()
  if (isPending) return <PageSpinner />
  const first = visibleModules(meta, user?.role).find((m) => m.key !== 'profile')
  return <Navigate to={first?.path ?? '/profile'} replace />
}

/** Resolves the URL to a module from meta, checks the role, then shows that module's page. */
function ModulePage() {
  const { t } = useTranslation()
  const { user } = useAuth()
  const { data: meta, isPending, isError, refetch } = useMeta()
  const { pathname } = useLocation()
  const navigate = useNavigate()
  if (isPending) return <PageSpinner />
  if (isError) {
    return (
      <Result
        status="warning"
        title={t('app.serverDown')}
        extra={<Button onClick={() => void refetch()}>{t('app.retry')}</Button>}
      />
    )
  }

  const matches = (path: string) => pathname === path || pathname.startsWith(`${path}/`)
  // The longest path wins: /selections/reviews is its own module, not a page of /selections.
  const module = meta?.modules.filter((m) => matches(m.path)).sort((a, b) => b.path.length - a.path.length)[0]
  // The profile page is every user's own; it does not depend on the server announcing it.
  const key = module?.key ?? (matches('/profile') ? 'profile' : undefined)
  const home = <Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>
  if (!key) return <Result status="404" title={t('app.notFound')} extra={home} />
  if (module && !visibleModules(meta, user?.role).includes(module)) {
    return <Result status="403" title={t('app.forbidden')} extra={home} />
  }
  const Page = pages[key]
  if (!Page) return <Result status="info" title={t('app.moduleNotBuilt')} extra={home} />
  return (
    <Suspense fallback={<PageSpinner />}>
      <Page />
    </Suspense>
  )
}

export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<PageSpinner />}>
            <LoginPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireAuth>
            <Shell />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route path="*" element={<ModulePage />} />
      </Route>
    </Routes>
  )
}
