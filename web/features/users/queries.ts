import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../app/api'
import type { Id, Page, Role, User } from '../../app/types'

export interface UserListParams {
  q?: string
  role?: Role
  includeVoided?: boolean
  page: number
  pageSize: number
}

export interface UserCreate {
  username: string
  displayName: string
  role: Role
  orgUnitId: Id
  password: string
  phone?: string
}

export type UserUpdate = { id: Id; version: number } & Partial<
  Pick<User, 'displayName' | 'role' | 'orgUnitId' | 'phone' | 'locale'>
>

const usersKey = ['users'] as const

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: [...usersKey, 'list', params],
    queryFn: ({ signal }) => api.get<Page<User>>('/api/users', { ...params }, signal),
    placeholderData: keepPreviousData,
  })
}

function useUserMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient()
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }) })
}

export const useCreateUser = () => useUserMutation((body: UserCreate) => api.post<User>('/api/users', body))

export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: UserUpdate) => api.patch<User>(`/api/users/${id}`, body))

export const useVoidUser = () =>
  useUserMutation(({ id, ...body }: { id: Id; version: number; reason: string }) =>
    api.post<User>(`/api/users/${id}/void`, body),
  )

export const useResetPassword = () =>
  useUserMutation(({ id, password }: { id: Id; password: string }) =>
    api.post<unknown>(`/api/users/${id}/reset-password`, { password }),
  )
