import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type Query } from '../../app/api'
import type { Page } from '../../app/types'
import type {
  CaseDetail,
  CaseFilters,
  CaseInput,
  CaseSummary,
  EthicsFigures,
  ListItem,
  PublicCase,
} from './types'

export const ethicsKey = ['ethics'] as const

export function useCases(filters: CaseFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...ethicsKey, 'cases', filters, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<Page<CaseSummary>>('/api/ethics/cases', { ...filters, page, pageSize } as Query, signal),
    placeholderData: keepPreviousData,
  })
}

/** `full` asks for the teacher's personal data in clear; the server records that view in the audit log. */
export function useCase(id: number | null, full: boolean) {
  return useQuery({
    queryKey: [...ethicsKey, 'case', id, full],
    queryFn: ({ signal }) =>
      api.get<CaseDetail>(`/api/ethics/cases/${id}`, full ? { full: true } : undefined, signal),
    enabled: id !== null,
    // Personal data in clear is not kept in the cache once the drawer stops showing it.
    gcTime: full ? 0 : undefined,
  })
}

/** The published summary (通报): names no one, readable by every signed-in user. */
export function usePublicCase(id: number | null) {
  return useQuery({
    queryKey: [...ethicsKey, 'public', id],
    queryFn: ({ signal }) => api.get<PublicCase>(`/api/ethics/cases/${id}/public`, undefined, signal),
    enabled: id !== null,
  })
}

/** The named figures of the cases in scope, or under one unit of it. */
export function useEthicsFigures(unitId: number | undefined) {
  return useQuery({
    queryKey: [...ethicsKey, 'figures', unitId ?? null],
    queryFn: ({ signal }) => api.get<EthicsFigures>('/api/ethics/figures', { unitId }, signal),
  })
}

export function useViolationTypes() {
  return useQuery({
    queryKey: [...ethicsKey, 'violation-types'],
    queryFn: ({ signal }) =>
      api.get<{ items: ListItem[] }>('/api/ethics/violation-types', undefined, signal).then((r) => r.items),
    staleTime: 60_000,
  })
}

/** A case opened in full: refetching it would record another view of the personal data. */
const isFullView = (key: readonly unknown[]) => key[1] === 'case' && key[3] === true

/** Refresh everything under ['ethics'] except full views, which the user reopens on purpose. */
export function useRefreshEthics() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: ethicsKey, predicate: (q) => !isFullView(q.queryKey) })
}

function useEthicsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const refresh = useRefreshEthics()
  return useMutation({ mutationFn: fn, onSuccess: () => refresh() })
}

export const useRegisterCase = () =>
  useEthicsMutation((body: CaseInput) => api.post<CaseDetail>('/api/ethics/cases', body))

export const useUpdateCase = () =>
  useEthicsMutation(
    ({
      id,
      ...body
    }: Partial<Omit<CaseInput, 'teacherIdNumber' | 'handledOn'>> & {
      id: number
      version: number
      teacherIdNumber?: string | null
      handledOn?: string | null
    }) => api.patch<CaseDetail>(`/api/ethics/cases/${id}`, body),
  )

export const useVoidCase = () =>
  useEthicsMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<CaseDetail>(`/api/ethics/cases/${id}/void`, body),
  )

export const useCreateViolationType = () =>
  useEthicsMutation((body: { name: string; sortOrder?: number }) =>
    api.post<ListItem>('/api/ethics/violation-types', body),
  )

export const useVoidViolationType = () =>
  useEthicsMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<void>(`/api/ethics/violation-types/${id}/void`, body),
  )
