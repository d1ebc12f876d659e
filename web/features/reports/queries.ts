/** Server state of the report module: templates, preview, rendering, snapshots, terms. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiError, api, download } from '../../app/api'
import type { Job } from '../../app/types'
import type {
  Copy,
  DocFormat,
  PeriodKind,
  PreviewView,
  Problem,
  SnapshotSummary,
  SnapshotView,
  TemplateSummary,
  TemplateView,
  Term,
  TermKind,
} from './types'

export const reportsKey = ['reports'] as const
const P = '/api/reports'

export function useTemplates(includeVoided = false) {
  return useQuery({
    queryKey: [...reportsKey, 'templates', includeVoided],
    queryFn: ({ signal }) =>
      api
        .get<{ items: TemplateSummary[] }>(
          `${P}/templates`,
          includeVoided ? { includeVoided: 'true' } : undefined,
          signal,
        )
        .then((r) => r.items),
  })
}

export function useTemplate(key: string | null) {
  return useQuery({
    queryKey: [...reportsKey, 'template', key],
    queryFn: ({ signal }) => api.get<TemplateView>(`${P}/templates/${key}`, undefined, signal),
    enabled: key !== null,
  })
}

export interface PreviewParams {
  source: string
  period: string
  orgUnitId?: number
}

export type PreviewResult = { ok: true; view: PreviewView } | { ok: false; error: ApiError }

/**
 * The editor's live preview. A template that does not render yet (a typo while typing) is an
 * answer to show beside the source, not a failure to announce: a refusal comes back as data, so
 * the global error toast (the query cache's onError) stays quiet.
 */
export function usePreview(p: PreviewParams | null) {
  return useQuery({
    queryKey: [...reportsKey, 'preview', p],
    queryFn: ({ signal }): Promise<PreviewResult> =>
      api.post<PreviewView>(`${P}/preview`, p, { signal }).then(
        (view) => ({ ok: true, view }),
        (error: unknown) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401)
            return { ok: false, error }
          throw error
        },
      ),
    enabled: p !== null && p.source.trim() !== '',
    placeholderData: keepPreviousData,
    retry: false,
  })
}

export const checkSource = (source: string) =>
  api.post<{ problems: Problem[] }>(`${P}/templates/check`, { source }).then((r) => r.problems)

function useReportsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: reportsKey }),
  })
}

export interface NewTemplate {
  key: string
  title: string
  description: string
  periodKind: PeriodKind
  source: string
}

export const useCreateTemplate = () =>
  useReportsMutation((body: NewTemplate) => api.post<TemplateView>(`${P}/templates`, body))

export const useUpdateTemplate = (key: string) =>
  useReportsMutation(
    (body: {
      version: number
      source?: string
      title?: string
      description?: string
      periodKind?: PeriodKind
      note: string
    }) => api.patch<TemplateView>(`${P}/templates/${key}`, body),
  )

export const useVoidTemplate = (key: string) =>
  useReportsMutation((body: { version: number; reason: string }) =>
    api.post<{ ok: boolean }>(`${P}/templates/${key}/void`, body),
  )

/** Rendering runs as a job: the page shows its steps and then opens the snapshot. */
export const useStartRender = () =>
  useReportsMutation((body: { template: string; period: string; orgUnitId?: number }) =>
    api.post<{ job: Job }>(`${P}/render-jobs`, body).then((r) => r.job),
  )

export function useSnapshots(f: { template?: string }, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...reportsKey, 'snapshots', f, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<{ items: SnapshotSummary[]; total: number }>(
        `${P}/snapshots`,
        { ...f, page, pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  })
}

export function useSnapshot(id: number | null) {
  return useQuery({
    queryKey: [...reportsKey, 'snapshot', id],
    queryFn: ({ signal }) => api.get<SnapshotView>(`${P}/snapshots/${id}`, undefined, signal),
    enabled: id !== null,
    // A snapshot never changes: it is the document as it was rendered.
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export const useVoidSnapshot = () =>
  useReportsMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<{ ok: boolean }>(`${P}/snapshots/${id}/void`, { reason }),
  )

export const downloadSnapshot = (s: { id: number; title: string }, format: DocFormat, copy: Copy) =>
  download(`${P}/snapshots/${s.id}/document`, { format, copy }, `${s.title}.${format}`)

export function useTerms(enabled: boolean) {
  return useQuery({
    queryKey: [...reportsKey, 'terms'],
    queryFn: ({ signal }) => api.get<{ items: Term[] }>(`${P}/terms`, undefined, signal).then((r) => r.items),
    enabled,
  })
}

export const useAddTerm = () =>
  useReportsMutation((body: { term: string; kind: TermKind; note: string }) =>
    api.post<Term>(`${P}/terms`, body),
  )

export const useVoidTerm = () =>
  useReportsMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<{ ok: boolean }>(`${P}/terms/${id}/void`, body),
  )

export const redact = (body: { text: string; mode: 'publication' | 'personal'; terms?: string[] }) =>
  api.post<{ text: string }>('/api/redact', body).then((r) => r.text)
