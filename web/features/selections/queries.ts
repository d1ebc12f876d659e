/** Server state of selections: programmes, rubrics, the pool, applications, rounds, reviews. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, request } from '../../app/api'
import type {
  Application,
  ApplicationInput,
  Criterion,
  Expert,
  ExpertInput,
  Programme,
  ProgrammeAction,
  ProgrammeInput,
  Ranking,
  Review,
  ReviewSummary,
  RoundSummary,
  Rubric,
  TimelineEvent,
} from './types'

export const selectionsKey = ['selections'] as const
const P = '/api/selections'
type Items<T> = { items: T[] }

export function useProgrammes() {
  return useQuery({
    queryKey: [...selectionsKey, 'programmes'],
    queryFn: ({ signal }) =>
      api.get<Items<Programme>>(`${P}/programmes`, undefined, signal).then((r) => r.items),
  })
}

export function useProgramme(id: number | null) {
  return useQuery({
    queryKey: [...selectionsKey, 'programme', id],
    queryFn: ({ signal }) => api.get<Programme>(`${P}/programmes/${id}`, undefined, signal),
    enabled: id !== null,
  })
}

/** Overseers only (the server answers 404 to units). */
export function useRoundSummary(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...selectionsKey, 'summary', id],
    queryFn: ({ signal }) => api.get<RoundSummary>(`${P}/programmes/${id}/summary`, undefined, signal),
    enabled,
  })
}

export function useRanking(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...selectionsKey, 'ranking', id],
    queryFn: ({ signal }) => api.get<Ranking>(`${P}/programmes/${id}/ranking`, undefined, signal),
    enabled,
  })
}

export function useEvents(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...selectionsKey, 'events', id],
    queryFn: ({ signal }) =>
      api.get<Items<TimelineEvent>>(`${P}/programmes/${id}/events`, undefined, signal).then((r) => r.items),
    enabled,
  })
}

/** A programme's applications (overseers: all; units: their own), or without it the unit's own. */
export function useApplications(programmeId?: number) {
  return useQuery({
    queryKey: [...selectionsKey, 'applications', programmeId ?? null],
    queryFn: ({ signal }) =>
      api.get<Items<Application>>(`${P}/applications`, { programmeId }, signal).then((r) => r.items),
  })
}

export function useApplication(id: number | null) {
  return useQuery({
    queryKey: [...selectionsKey, 'application', id],
    queryFn: ({ signal }) => api.get<Application>(`${P}/applications/${id}`, undefined, signal),
    enabled: id !== null,
  })
}

export function useRubrics(includeVoided = false) {
  return useQuery({
    queryKey: [...selectionsKey, 'rubrics', includeVoided],
    queryFn: ({ signal }) =>
      api
        .get<Items<Rubric>>(`${P}/rubrics`, { includeVoided: includeVoided || undefined }, signal)
        .then((r) => r.items),
  })
}

export function useExperts(includeVoided: boolean, enabled = true) {
  return useQuery({
    queryKey: [...selectionsKey, 'experts', includeVoided],
    queryFn: ({ signal }) =>
      api
        .get<Items<Expert>>(`${P}/experts`, { includeVoided: includeVoided || undefined }, signal)
        .then((r) => r.items),
    enabled,
  })
}

export function useReviews() {
  return useQuery({
    queryKey: [...selectionsKey, 'reviews'],
    queryFn: ({ signal }) =>
      api.get<Items<ReviewSummary>>(`${P}/reviews`, undefined, signal).then((r) => r.items),
  })
}

export function useReview(id: number | null) {
  return useQuery({
    queryKey: [...selectionsKey, 'review', id],
    queryFn: ({ signal }) => api.get<Review>(`${P}/reviews/${id}`, undefined, signal),
    enabled: id !== null,
  })
}

/** Every write can move a programme's status, counts, round and ranking: refresh the module. */
function useSelectionsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: selectionsKey }),
  })
}

export const useCreateProgramme = () =>
  useSelectionsMutation((body: ProgrammeInput) => api.post<Programme>(`${P}/programmes`, body))

export const useUpdateProgramme = () =>
  useSelectionsMutation(({ id, ...body }: Partial<ProgrammeInput> & { id: number; version: number }) =>
    api.patch<Programme>(`${P}/programmes/${id}`, body),
  )

export const useVoidProgramme = () =>
  useSelectionsMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<Programme>(`${P}/programmes/${id}/void`, body),
  )

export const useProgrammeAction = () =>
  useSelectionsMutation(
    ({
      id,
      ...body
    }: {
      id: number
      version: number
      action: ProgrammeAction
      reason?: string
      on?: string
    }) => api.post<Programme>(`${P}/programmes/${id}/actions`, body),
  )

export const useAssignRandom = () =>
  useSelectionsMutation(({ id, ...body }: { id: number; version: number; seed?: number }) =>
    api.post<RoundSummary>(`${P}/programmes/${id}/assign`, body),
  )

export const useAssignByHand = () =>
  useSelectionsMutation(({ applicationId, expertId }: { applicationId: number; expertId: number }) =>
    api.post<RoundSummary>(`${P}/applications/${applicationId}/experts`, { expertId }),
  )

export const useRemoveAssignment = () =>
  useSelectionsMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<RoundSummary>(`${P}/assignments/${id}/void`, { reason }),
  )

export const useCreateRubric = () =>
  useSelectionsMutation((body: { name: string; total: number; criteria: Criterion[]; note: string }) =>
    api.post<Rubric>(`${P}/rubrics`, body),
  )

export const useReviseRubric = () =>
  useSelectionsMutation(
    ({ id, ...body }: { id: number; name?: string; criteria?: Criterion[]; note?: string }) =>
      api.post<Rubric>(`${P}/rubrics/${id}/revise`, body),
  )

export const useVoidRubric = () =>
  useSelectionsMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<Rubric>(`${P}/rubrics/${id}/void`, body),
  )

export const useCreateExpert = () =>
  useSelectionsMutation((body: ExpertInput) => api.post<Expert>(`${P}/experts`, body))

export const useUpdateExpert = () =>
  useSelectionsMutation(({ id, ...body }: Partial<ExpertInput> & { id: number; version: number }) =>
    api.patch<Expert>(`${P}/experts/${id}`, body),
  )

export const useVoidExpert = () =>
  useSelectionsMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<Expert>(`${P}/experts/${id}/void`, body),
  )

export const useApply = () =>
  useSelectionsMutation(({ programmeId, ...body }: ApplicationInput & { programmeId: number }) =>
    api.post<Application>(`${P}/programmes/${programmeId}/applications`, body),
  )

export const useUpdateApplication = () =>
  useSelectionsMutation(({ id, ...body }: Partial<ApplicationInput> & { id: number; version: number }) =>
    api.patch<Application>(`${P}/applications/${id}`, body),
  )

export const useSubmitApplication = () =>
  useSelectionsMutation(({ id, version }: { id: number; version: number }) =>
    api.post<Application>(`${P}/applications/${id}/submit`, { version }),
  )

export const useWithdrawApplication = () =>
  useSelectionsMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<Application>(`${P}/applications/${id}/withdraw`, body),
  )

/** The material's name goes in the `material` field: the server files the upload under it. */
export const useUploadMaterial = () =>
  useSelectionsMutation(({ id, material, file }: { id: number; material: string; file: File }) => {
    const body = new FormData()
    if (material) body.append('material', material)
    body.append('file', file)
    return api.post<Application>(`${P}/applications/${id}/attachments`, body)
  })

export const useLodgeObjection = () =>
  useSelectionsMutation(
    ({ programmeId, ...body }: { programmeId: number; text: string; applicationId?: number }) =>
      api.post<Programme>(`${P}/programmes/${programmeId}/objections`, body),
  )

export const useAnswerObjection = () =>
  useSelectionsMutation(({ id, ...body }: { id: number; version: number; answer: string; upheld: boolean }) =>
    api.post<Programme>(`${P}/objections/${id}/answer`, body),
  )

export const useSaveScores = () =>
  useSelectionsMutation(
    ({
      id,
      ...body
    }: {
      id: number
      version: number
      scores: Record<string, number | null>
      comments: Record<string, string>
      comment?: string
    }) => request<Review>('PUT', `${P}/reviews/${id}`, { body }),
  )

export const useSubmitReview = () =>
  useSelectionsMutation(({ id, version }: { id: number; version: number }) =>
    api.post<Review>(`${P}/reviews/${id}/submit`, { version }),
  )
