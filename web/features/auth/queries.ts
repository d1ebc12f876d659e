import { useMutation } from '@tanstack/react-query'
import { api } from '../../app/api'
import { unwrapUser, useAuth } from '../../app/auth'
import type { AuthResponse, User } from '../../app/types'

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<unknown>('/api/auth/password', body),
  })
}

export function useUpdateMe() {
  const { setUser } = useAuth()
  return useMutation({
    mutationFn: (body: { displayName?: string }) => api.patch<User | AuthResponse>('/api/auth/me', body),
    onSuccess: (res) => setUser(unwrapUser(res)),
  })
}
