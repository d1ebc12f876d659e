import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type Query } from '../../app/api'
import type { Page } from '../../app/types'
import type {
  Board,
  Campaign,
  Changes,
  Digest,
  Extension,
  Figures,
  MilestoneInput,
  Notice,
  Occurrences,
  Settings,
  TaskAction,
  TaskDetail,
  TaskFilters,
  TaskInput,
  TaskSummary,
  TaskUpdate,
} from './types'

export const supervisionKey = ['supervision'] as const
const P = '/api/supervision'

export function useCampaigns() {
  return useQuery({
    queryKey: [...supervisionKey, 'campaigns'],
    queryFn: ({ signal }) =>
      api.get<{ items: Campaign[] }>(`${P}/campaigns`, undefined, signal).then((r) => r.items),
    staleTime: 60_000,
  })
}

/**
 * The campaign a page opens on: the live one with most tasks (campaigns of research topics, say,
 * may hold none), the newest on a tie since the list comes newest first.
 */
export function mainCampaign(campaigns: Campaign[] | undefined): Campaign | undefined {
  let best: Campaign | undefined
  for (const c of campaigns ?? []) if (!c.voided && (!best || c.tasks > best.tasks)) best = c
  return best
}

export function useTasks(filters: TaskFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...supervisionKey, 'tasks', filters, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<Page<TaskSummary>>(`${P}/tasks`, { ...filters, page, pageSize } as Query, signal),
    placeholderData: keepPreviousData,
  })
}

/** Most tasks a chart reads; beyond it the dashboard says the picture is partial. */
export const CHART_TASK_LIMIT = 2000

/** Every top-level task of a campaign (or of all), page by page, for the dashboard's charts. */
export function useAllTasks(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...supervisionKey, 'all-tasks', campaignId],
    queryFn: async ({ signal }) => {
      const items: TaskSummary[] = []
      let total = 0
      for (let page = 1; items.length < CHART_TASK_LIMIT; page++) {
        const r = await api.get<Page<TaskSummary>>(
          `${P}/tasks`,
          { campaignId, topLevel: 'true', page, pageSize: 200 },
          signal,
        )
        items.push(...r.items)
        total = r.total
        if (r.items.length < 200 || items.length >= total) break
      }
      return { items, total }
    },
    placeholderData: keepPreviousData,
  })
}

export function useTask(id: number | null) {
  return useQuery({
    queryKey: [...supervisionKey, 'task', id],
    queryFn: ({ signal }) => api.get<TaskDetail>(`${P}/tasks/${id}`, undefined, signal),
    enabled: id !== null,
  })
}

export function useOccurrences(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...supervisionKey, 'occurrences', id],
    queryFn: ({ signal }) => api.get<Occurrences>(`${P}/tasks/${id}/occurrences`, undefined, signal),
    enabled,
  })
}

export function useBoard(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...supervisionKey, 'board', campaignId],
    queryFn: ({ signal }) => api.get<Board>(`${P}/overdue`, { campaignId }, signal),
    placeholderData: keepPreviousData,
  })
}

export function useExtensions(status: Extension['status'] | undefined) {
  return useQuery({
    queryKey: [...supervisionKey, 'extensions', status],
    queryFn: ({ signal }) =>
      api.get<{ items: Extension[] }>(`${P}/extensions`, { status }, signal).then((r) => r.items),
  })
}

export function useNotices(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...supervisionKey, 'notices', page, pageSize],
    queryFn: ({ signal }) => api.get<Page<Notice>>(`${P}/notices`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  })
}

export function useNotice(id: number | null) {
  return useQuery({
    queryKey: [...supervisionKey, 'notice', id],
    queryFn: ({ signal }) => api.get<Notice>(`${P}/notices/${id}`, undefined, signal),
    enabled: id !== null,
  })
}

export function useDigest(enabled = true) {
  return useQuery({
    queryKey: [...supervisionKey, 'digest'],
    queryFn: ({ signal }) => api.get<Digest>(`${P}/digest`, undefined, signal),
    enabled,
    // The bell sits in the header all day: deadlines pass while the page stays open.
    refetchInterval: 5 * 60_000,
  })
}

/**
 * Today as the server sees it (China time, and the journeys' moved clock): forms default their
 * dates to it and date pickers refuse days after it, like the server does.
 */
/** The server's today: one source for the whole app (see app/hooks/useToday). */
export { useToday } from '../../app/hooks/useToday'

export function useChanges(since: string) {
  return useQuery({
    queryKey: [...supervisionKey, 'changes', since],
    queryFn: ({ signal }) => api.get<Changes>(`${P}/changes`, { since }, signal),
    placeholderData: keepPreviousData,
  })
}

export function useFigures(campaignId: number | undefined) {
  return useQuery({
    queryKey: [...supervisionKey, 'figures', campaignId],
    queryFn: ({ signal }) => api.get<Figures>(`${P}/figures`, { campaignId }, signal),
    placeholderData: keepPreviousData,
  })
}

export function useSettings() {
  return useQuery({
    queryKey: [...supervisionKey, 'settings'],
    queryFn: ({ signal }) => api.get<Settings>(`${P}/settings`, undefined, signal),
  })
}

/**
 * Every supervision write can move lists, the board, the digest and the figures at once, so
 * writes refresh the whole supervision cache rather than guessing which queries they touched.
 */
export function useRefreshSupervision() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: supervisionKey })
}

function useSupervisionMutation<V, R>(fn: (v: V) => Promise<R>) {
  const refresh = useRefreshSupervision()
  // Not awaited: the dialog that asked closes at once; lists and the drawer follow when refetched.
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void refresh()
    },
  })
}

type Versioned = { id: number; version: number }

export const useCreateTask = () =>
  useSupervisionMutation((body: TaskInput) => api.post<TaskDetail>(`${P}/tasks`, body))

export const useUpdateTask = () =>
  useSupervisionMutation(({ id, ...body }: Versioned & TaskUpdate) =>
    api.patch<TaskDetail>(`${P}/tasks/${id}`, body),
  )

export const useVoidTask = () =>
  useSupervisionMutation(({ id, ...body }: Versioned & { reason: string }) =>
    api.post<TaskDetail>(`${P}/tasks/${id}/void`, body),
  )

export const useTaskAction = () =>
  useSupervisionMutation(
    ({ id, ...body }: Versioned & { action: TaskAction; on?: string; reason?: string }) =>
      api.post<TaskDetail>(`${P}/tasks/${id}/actions`, body),
  )

export const useAddProgress = () =>
  useSupervisionMutation(
    ({ id, ...body }: { id: number; unitId?: number; on: string; text: string; percent?: number }) =>
      api.post<TaskDetail>(`${P}/tasks/${id}/progress`, body),
  )

export const useAddMilestone = () =>
  useSupervisionMutation(({ id, ...body }: MilestoneInput & { id: number }) =>
    api.post<TaskDetail>(`${P}/tasks/${id}/milestones`, body),
  )

export const useUpdateMilestone = () =>
  useSupervisionMutation(
    ({ id, ...body }: Versioned & Partial<MilestoneInput> & { doneOn?: string | null }) =>
      api.patch<TaskDetail>(`${P}/milestones/${id}`, body),
  )

export const useVoidMilestone = () =>
  useSupervisionMutation(({ id, ...body }: Versioned & { reason: string }) =>
    api.post<TaskDetail>(`${P}/milestones/${id}/void`, body),
  )

export const useRequestExtension = () =>
  useSupervisionMutation(({ id, ...body }: { id: number; requestedDeadline: string; reason: string }) =>
    api.post<Extension>(`${P}/tasks/${id}/extensions`, body),
  )

export const useDecideExtension = () =>
  useSupervisionMutation(
    ({ id, ...body }: { id: number; decision: 'approve' | 'refuse'; reason?: string; deadline?: string }) =>
      api.post<Extension>(`${P}/extensions/${id}/decide`, body),
  )

export const useCreateNotice = () =>
  useSupervisionMutation((body: { unitId: number; taskIds?: number[]; replyBy?: string }) =>
    api.post<Notice>(`${P}/notices`, body),
  )

export const useUpdateSettings = () =>
  useSupervisionMutation((body: Partial<Settings>) => api.patch<Settings>(`${P}/settings`, body))
