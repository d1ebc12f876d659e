import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type Query } from '../../app/api'
import type { Page } from '../../app/types'
import type {
  ActionInput,
  Campaign,
  CampaignBoard,
  CaseDetail,
  CaseFilters,
  CaseSummary,
  Category,
  Figures,
  Plan,
  PlanInput,
  RegisterCaseInput,
  Settings,
  SimilarCase,
} from './types'

export const petitionsKey = ['petitions'] as const

/** List routes answer `{ items }`; a bare array is accepted too so a server change does not blank a page. */
function itemsOf<T>(res: { items: T[] } | T[]): T[] {
  return Array.isArray(res) ? res : res.items
}

export function useCases(filters: CaseFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...petitionsKey, 'cases', filters, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<Page<CaseSummary>>('/api/petitions/cases', { ...filters, page, pageSize } as Query, signal),
    placeholderData: keepPreviousData,
  })
}

/** `full` asks for the petitioners' personal data in clear; the server records that view in the audit log. */
export function useCase(id: number | null, full: boolean) {
  return useQuery({
    queryKey: [...petitionsKey, 'case', id, full],
    queryFn: ({ signal }) =>
      api.get<CaseDetail>(`/api/petitions/cases/${id}`, full ? { full: true } : undefined, signal),
    enabled: id !== null,
    // Personal data in clear is not kept in the cache once the drawer stops showing it.
    gcTime: full ? 0 : undefined,
  })
}

export function useSimilar(query: Query, enabled: boolean) {
  return useQuery({
    queryKey: [...petitionsKey, 'similar', query],
    queryFn: ({ signal }) =>
      api.get<{ items: SimilarCase[] }>('/api/petitions/similar', query, signal).then((r) => r.items),
    enabled,
    staleTime: 30_000,
  })
}

export function useCategories() {
  return useQuery({
    queryKey: [...petitionsKey, 'categories'],
    queryFn: ({ signal }) =>
      api
        .get<{ items: Category[] } | Category[]>('/api/petitions/categories', undefined, signal)
        .then(itemsOf),
    staleTime: 60_000,
  })
}

export function useCampaigns() {
  return useQuery({
    queryKey: [...petitionsKey, 'campaigns'],
    queryFn: ({ signal }) =>
      api
        .get<{ items: Campaign[] } | Campaign[]>('/api/petitions/campaigns', undefined, signal)
        .then(itemsOf),
    staleTime: 60_000,
  })
}

export function useCampaignBoard(id: number | null) {
  return useQuery({
    queryKey: [...petitionsKey, 'board', id],
    queryFn: ({ signal }) =>
      api.get<CampaignBoard>(`/api/petitions/campaigns/${id}/board`, undefined, signal),
    enabled: id !== null,
  })
}

export function usePlans() {
  return useQuery({
    queryKey: [...petitionsKey, 'plans'],
    queryFn: ({ signal }) =>
      api.get<{ items: Plan[] } | Plan[]>('/api/petitions/plans', undefined, signal).then(itemsOf),
  })
}

export function useFigures(params: { campaignId?: number; asOf?: string }) {
  return useQuery({
    queryKey: [...petitionsKey, 'figures', params],
    queryFn: ({ signal }) => api.get<Figures>('/api/petitions/figures', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useSettings(enabled: boolean) {
  return useQuery({
    queryKey: [...petitionsKey, 'settings'],
    queryFn: ({ signal }) => api.get<Settings>('/api/petitions/settings', undefined, signal),
    enabled,
  })
}

/** A case opened in full: refetching it would record another view of the personal data. */
const isFullView = (key: readonly unknown[]) => key[1] === 'case' && key[3] === true

/**
 * Refetch everything under ['petitions'] except full views, which the user reopens on purpose.
 * Every petition write can move figures, lists and plans' open counts at once, so writes refresh
 * the whole petitions cache rather than guessing which queries they touched.
 */
export function useRefreshPetitions() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: petitionsKey, predicate: (q) => !isFullView(q.queryKey) })
}

function usePetitionMutation<V, R>(fn: (v: V) => Promise<R>) {
  const refresh = useRefreshPetitions()
  return useMutation({ mutationFn: fn, onSuccess: () => refresh() })
}

export const useRegisterCase = () =>
  usePetitionMutation((body: RegisterCaseInput) => api.post<CaseDetail>('/api/petitions/cases', body))

export const useCaseAction = () =>
  usePetitionMutation(({ id, ...body }: ActionInput & { id: number }) =>
    api.post<CaseDetail>(`/api/petitions/cases/${id}/actions`, body),
  )

export const useVoidCase = () =>
  usePetitionMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<CaseDetail>(`/api/petitions/cases/${id}/void`, body),
  )

export const useCreateCategory = () =>
  usePetitionMutation(
    (body: { parentId: number | null; name: string; synonyms: string[]; sortOrder?: number }) =>
      api.post<Category>('/api/petitions/categories', body),
  )

export const useUpdateCategory = () =>
  usePetitionMutation(
    ({
      id,
      ...body
    }: {
      id: number
      version: number
      name?: string
      synonyms?: string[]
      sortOrder?: number
    }) => api.patch<Category>(`/api/petitions/categories/${id}`, body),
  )

export const useVoidCategory = () =>
  usePetitionMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<Category>(`/api/petitions/categories/${id}/void`, body),
  )

export const useCreatePlan = () =>
  usePetitionMutation((body: PlanInput) => api.post<Plan>('/api/petitions/plans', body))

export const useUpdatePlan = () =>
  usePetitionMutation(({ id, ...body }: Partial<PlanInput> & { id: number; version: number }) =>
    api.patch<Plan>(`/api/petitions/plans/${id}`, body),
  )

export const useCreateCampaign = () =>
  usePetitionMutation((body: { name: string; cutoffOn: string; endsOn?: string; goal: string }) =>
    api.post<Campaign>('/api/petitions/campaigns', body),
  )

export const useUpdateSettings = () =>
  usePetitionMutation((body: Partial<Settings>) => api.patch<Settings>('/api/petitions/settings', body))
