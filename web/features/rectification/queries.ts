import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type Query } from '../../app/api'
import type { Page } from '../../app/types'
import type {
  Figures,
  ListItem,
  MeasureInput,
  MeasureStatus,
  ProblemAction,
  ProblemDetail,
  ProblemFilters,
  ProblemInput,
  ProblemSummary,
} from './types'

export const rectificationKey = ['rectification'] as const

export function useProblems(filters: ProblemFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...rectificationKey, 'problems', filters, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<Page<ProblemSummary>>(
        '/api/rectification/problems',
        { ...filters, page, pageSize } as Query,
        signal,
      ),
    placeholderData: keepPreviousData,
  })
}

export function useProblem(id: number | null) {
  return useQuery({
    queryKey: [...rectificationKey, 'problem', id],
    queryFn: ({ signal }) => api.get<ProblemDetail>(`/api/rectification/problems/${id}`, undefined, signal),
    enabled: id !== null,
  })
}

/**
 * Campaign names as the problems record them (free text, no ledger of their own): the distinct
 * names of the latest 200 problems, most used first. Filters still accept any typed name.
 */
/** The campaign names problems were recorded under, from the figures' own grouping (the whole scope). */
export function useCampaignNames() {
  return useQuery({
    queryKey: [...rectificationKey, 'campaigns'],
    queryFn: async ({ signal }) => {
      const f = await api.get<Figures>('/api/rectification/figures', undefined, signal)
      return f.byCampaign.filter((c) => c.key !== '').map((c) => c.key)
    },
    staleTime: 60_000,
  })
}

export function useFigures(params: { campaign?: string; unitId?: number }) {
  return useQuery({
    queryKey: [...rectificationKey, 'figures', params],
    queryFn: ({ signal }) => api.get<Figures>('/api/rectification/figures', params, signal),
    placeholderData: keepPreviousData,
  })
}

export function useCategories() {
  return useQuery({
    queryKey: [...rectificationKey, 'categories'],
    queryFn: ({ signal }) =>
      api.get<{ items: ListItem[] }>('/api/rectification/categories', undefined, signal).then((r) => r.items),
    staleTime: 60_000,
  })
}

/** Every write can move lists, figures and the open problem at once: refresh the whole module. */
export function useRefreshRectification() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: rectificationKey })
}

function useRectMutation<V, R>(fn: (v: V) => Promise<R>) {
  const refresh = useRefreshRectification()
  return useMutation({ mutationFn: fn, onSuccess: () => refresh() })
}

const problemUrl = (id: number) => `/api/rectification/problems/${id}`

export const useCreateProblem = () =>
  useRectMutation((body: ProblemInput) => api.post<ProblemDetail>('/api/rectification/problems', body))

export const useUpdateProblem = () =>
  useRectMutation(
    ({ id, ...body }: Partial<Omit<ProblemInput, 'measures'>> & { id: number; version: number }) =>
      api.patch<ProblemDetail>(problemUrl(id), body),
  )

export const useProblemAction = () =>
  useRectMutation(
    ({ id, ...body }: { id: number; version: number; action: ProblemAction | 'void'; reason?: string }) =>
      api.post<ProblemDetail>(`${problemUrl(id)}/actions`, body),
  )

export const useSignOff = () =>
  useRectMutation(({ id, ...body }: { id: number; version: number; comment: string }) =>
    api.post<ProblemDetail>(`${problemUrl(id)}/signoff`, body),
  )

export const useAddMeasure = () =>
  useRectMutation(({ problemId, ...body }: MeasureInput & { problemId: number }) =>
    api.post<ProblemDetail>(`${problemUrl(problemId)}/measures`, body),
  )

export const useUpdateMeasure = () =>
  useRectMutation(
    ({
      problemId,
      measureId,
      ...body
    }: Partial<MeasureInput> & {
      problemId: number
      measureId: number
      version: number
      status?: MeasureStatus
      doneOn?: string
    }) => api.patch<ProblemDetail>(`${problemUrl(problemId)}/measures/${measureId}`, body),
  )

export const useVoidMeasure = () =>
  useRectMutation(
    ({
      problemId,
      measureId,
      ...body
    }: {
      problemId: number
      measureId: number
      version: number
      reason: string
    }) => api.post<ProblemDetail>(`${problemUrl(problemId)}/measures/${measureId}/void`, body),
  )

export const useUploadEvidence = () =>
  useRectMutation(
    ({
      problemId,
      file,
      note,
      measureId,
    }: {
      problemId: number
      file: File
      note: string
      measureId?: number
    }) => {
      const body = new FormData()
      if (note) body.append('note', note)
      if (measureId !== undefined) body.append('measureId', String(measureId))
      body.append('file', file)
      return api.post<ProblemDetail>(`${problemUrl(problemId)}/evidence`, body)
    },
  )

export const useVoidEvidence = () =>
  useRectMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<ProblemDetail>(`/api/rectification/evidence/${id}/void`, { reason }),
  )

export const useCreateCategory = () =>
  useRectMutation((body: { name: string; sortOrder?: number }) =>
    api.post<ListItem>('/api/rectification/categories', body),
  )

export const useVoidCategory = () =>
  useRectMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<void>(`/api/rectification/categories/${id}/void`, body),
  )
