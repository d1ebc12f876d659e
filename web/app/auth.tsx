/**
 * Who is logged in. The session lives in an HttpOnly cookie, so the only way to know is to ask
 * /api/auth/me; the answer is kept in the query cache under ['me'].
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react'
import { ApiError, api, request, setCsrfToken, setUnauthorizedHandler } from './api'
import { changeLang, currentLang, storedLang } from './i18n'
import type { AuthResponse, Lang, User } from './types'

export const meKey = ['me'] as const

interface AuthContextValue {
  user: User | null
  loading: boolean
  login: (username: string, password: string) => Promise<User>
  logout: () => Promise<void>
  setLanguage: (lang: Lang) => Promise<void>
  /** Replace the cached user after the server changed it (profile edits). */
  setUser: (user: User) => void
}

const AuthContext = createContext<AuthContextValue | null>(null)

async function fetchMe(): Promise<User | null> {
  try {
    const res = await request<AuthResponse>('GET', '/api/auth/me', { noAuthRedirect: true })
    setCsrfToken(res.csrfToken)
    return res.user
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null
    throw err
  }
}

/** PATCH /api/auth/me may answer with the user or with `{ user }`; accept both. */
export function unwrapUser(res: User | AuthResponse): User {
  return 'user' in res ? res.user : res
}

/**
 * A browser that never chose a language takes the account's; one that did keeps its choice and
 * tells the server, so exports and server messages follow what the user sees.
 */
async function reconcileLanguage(user: User): Promise<User> {
  const chosen = storedLang()
  if (!chosen) {
    if (user.locale && user.locale !== currentLang()) await changeLang(user.locale, { persist: false })
    return user
  }
  if (user.locale === chosen) return user
  try {
    return unwrapUser(await api.patch<User | AuthResponse>('/api/auth/me', { locale: chosen }))
  } catch {
    return user
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient()
  /**
   * Forget everything fetched under another session. Meta is public; ['me'] is kept (and then
   * overwritten) because removing it would detach the observer this provider holds on it.
   */
  const dropSessionData = useCallback(
    () => qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'meta' && q.queryKey[0] !== 'me' }),
    [qc],
  )
  const me = useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false })

  useEffect(() => {
    setUnauthorizedHandler(() => {
      // Keep public data (meta); drop everything fetched under the old session.
      dropSessionData()
      qc.setQueryData(meKey, null)
    })
    return () => setUnauthorizedHandler(null)
  }, [qc, dropSessionData])

  const userId = me.data?.id
  // biome-ignore lint/correctness/useExhaustiveDependencies: reconcile once per login, not on every refetch
  useEffect(() => {
    if (!me.data) return
    void reconcileLanguage(me.data).then((u) => {
      if (u !== me.data) qc.setQueryData(meKey, u)
    })
  }, [userId])

  const login = useCallback(
    async (username: string, password: string) => {
      const res = await api.post<AuthResponse>(
        '/api/auth/login',
        { username, password },
        { noAuthRedirect: true },
      )
      setCsrfToken(res.csrfToken)
      dropSessionData()
      qc.setQueryData(meKey, res.user)
      return res.user
    },
    [qc, dropSessionData],
  )

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, { noAuthRedirect: true })
    } finally {
      dropSessionData()
      qc.setQueryData(meKey, null)
    }
  }, [qc, dropSessionData])

  const setLanguage = useCallback(
    async (lang: Lang) => {
      await changeLang(lang)
      const user = qc.getQueryData<User | null>(meKey)
      if (!user) return
      const updated = await api.patch<User | AuthResponse>('/api/auth/me', { locale: lang })
      qc.setQueryData(meKey, unwrapUser(updated))
    },
    [qc],
  )

  const setUser = useCallback((user: User) => qc.setQueryData(meKey, user), [qc])

  const value = useMemo<AuthContextValue>(
    () => ({ user: me.data ?? null, loading: me.isPending, login, logout, setLanguage, setUser }),
    [me.data, me.isPending, login, logout, setLanguage, setUser],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext)
  if (!ctx) throw new Error('useAuth outside <AuthProvider>')
  return ctx
}
