import { useMutation } from '@tanstack/react-query'
import { api } from '../../app/api'
import { unwrapUser, useAuth } from '../../app/auth'
import type { AuthResponse, User } from '../../app/types'

export function useChangePassword() {
  const { user, setUser } = useAuth()
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<unknown>('/api/auth/password', body),
    // The server clears the must-change flag; mirror it so the banner goes away at once.
    onSuccess: () => {
      if (user) setUser({ ...user, mustChangePassword: false })
    },
  })
}

export function useUpdateMe() {
  const { setUser } = useAuth()
  return useMutation({
    mutationFn: (body: { displayName?: string }) => api.patch<User | AuthResponse>('/api/auth/me', body),
    onSuccess: (res) => setUser(unwrapUser(res)),
  })
}
