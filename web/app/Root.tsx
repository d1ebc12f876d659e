/** Providers, outermost first: data cache, antd theme + locale, feedback, auth, router. */
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { useTranslation } from 'react-i18next'
import { BrowserRouter } from 'react-router'
import { ApiError } from './api'
import { AuthProvider } from './auth'
import { FeedbackBridge, notifyQueryError } from './feedback'
import { AppRoutes } from './routes'

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: notifyQueryError }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // Retrying a 4xx only repeats the same answer; retry network blips and 5xx once.
      retry: (count, err) => count < 1 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
    },
  },
})

export function Root() {
  const { i18n } = useTranslation()
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={i18n.language === 'en' ? enUS : zhCN}
        theme={{ token: { colorPrimary: '#1f5fa8', borderRadius: 4 } }}
      >
        <AntApp style={{ height: '100%' }}>
          <FeedbackBridge />
          <BrowserRouter>
            <AuthProvider>
              <AppRoutes />
            </AuthProvider>
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  )
}
