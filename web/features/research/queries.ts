/** Server state of the research module: lists, one topic, figures, and every write. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type Query } from '../../app/api'
import type { Page } from '../../app/types'
import type {
  Campaign,
  Figures,
  FindingInput,
  ListItem,
  TopicAction,
  TopicDetail,
  TopicFilters,
  TopicInput,
  TopicSummary,
  VisitInput,
} from './types'

export const researchKey = ['research'] as const

export function useTopics(filters: TopicFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...researchKey, 'topics', filters, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<Page<TopicSummary>>('/api/research/topics', { ...filters, page, pageSize } as Query, signal),
    placeholderData: keepPreviousData,
  })
}

export function useTopic(id: number | null) {
  return useQuery({
    queryKey: [...researchKey, 'topic', id],
    queryFn: ({ signal }) => api.get<TopicDetail>(`/api/research/topics/${id}`, undefined, signal),
    enabled: id !== null,
  })
}

export function useFigures(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...researchKey, 'figures', campaignId],
    queryFn: ({ signal }) => api.get<Figures>('/api/research/figures', { campaignId }, signal),
    placeholderData: keepPreviousData,
  })
}

/** The campaigns topics are filed under (the supervision module keeps them). */
export function useCampaigns() {
  return useQuery({
    queryKey: [...researchKey, 'campaigns'],
    queryFn: ({ signal }) =>
      api.get<{ items: Campaign[] }>('/api/supervision/campaigns', undefined, signal).then((r) => r.items),
    staleTime: 60_000,
  })
}

/** The problem categories a finding is filed under (the rectification module keeps the list). */
export function useCategories(enabled = true) {
  return useQuery({
    queryKey: [...researchKey, 'categories'],
    queryFn: ({ signal }) =>
      api.get<{ items: ListItem[] }>('/api/rectification/categories', undefined, signal).then((r) => r.items),
    staleTime: 60_000,
    enabled,
  })
}

/**
 * Every write can move the list, the figures and the open topic at once: refresh the module (and
 * the problem list, which a conversion adds to).
 */
function useResearchMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: researchKey })
      void qc.invalidateQueries({ queryKey: ['rectification'] })
    },
  })
}

const topicUrl = (id: number) => `/api/research/topics/${id}`

export const useCreateTopic = () =>
  useResearchMutation((body: TopicInput) => api.post<TopicDetail>('/api/research/topics', body))

export const useUpdateTopic = () =>
  useResearchMutation(({ id, ...body }: Partial<TopicInput> & { id: number; version: number }) =>
    api.patch<TopicDetail>(topicUrl(id), body),
  )

export const useVoidTopic = () =>
  useResearchMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<TopicDetail>(`${topicUrl(id)}/void`, body),
  )

export const useTopicAction = () =>
  useResearchMutation(
    ({
      id,
      ...body
    }: {
      id: number
      version: number
      action: TopicAction
      reason?: string
      summary?: string
      on?: string
    }) => api.post<TopicDetail>(`${topicUrl(id)}/actions`, body),
  )

export const useAddVisit = () =>
  useResearchMutation(({ topicId, ...body }: VisitInput & { topicId: number }) =>
    api.post<TopicDetail>(`${topicUrl(topicId)}/visits`, body),
  )

export const useVoidVisit = () =>
  useResearchMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<TopicDetail>(`/api/research/visits/${id}/void`, { reason }),
  )

export const useAddFinding = () =>
  useResearchMutation(({ topicId, ...body }: FindingInput & { topicId: number }) =>
    api.post<TopicDetail>(`${topicUrl(topicId)}/findings`, body),
  )

export const useUpdateFinding = () =>
  useResearchMutation(({ id, ...body }: Partial<FindingInput> & { id: number; version: number }) =>
    api.patch<TopicDetail>(`/api/research/findings/${id}`, body),
  )

export const useVoidFinding = () =>
  useResearchMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<TopicDetail>(`/api/research/findings/${id}/void`, body),
  )

export const useToProblem = () =>
  useResearchMutation(({ id, ...body }: { id: number; version: number; responsibleLeader?: string }) =>
    api.post<TopicDetail>(`/api/research/findings/${id}/to-problem`, body),
  )
