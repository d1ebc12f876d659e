/** Server state of the statistics ledgers: definitions, rows, submissions, completeness, writes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type Query } from '../../app/api'
import type { Job, Page } from '../../app/types'
import type {
  CellValue,
  Completeness,
  DefinitionInput,
  ImportMapping,
  ImportPreview,
  LedgerDefinition,
  LedgerRow,
  RowFilters,
  Submission,
  SubmissionStatus,
} from './types'

export const statsKey = ['statistics'] as const
const L = '/api/statistics/ledgers'

export function useLedgers(includeVoided = false) {
  return useQuery({
    queryKey: [...statsKey, 'ledgers', includeVoided],
    queryFn: ({ signal }) =>
      api
        .get<{ items: LedgerDefinition[] }>(L, includeVoided ? { includeVoided: 'true' } : undefined, signal)
        .then((r) => r.items),
    staleTime: 60_000,
  })
}

/** The list query the table shows and the export repeats: a year becomes a date range. */
export function rowsQuery(f: RowFilters): Query {
  return {
    orgUnitId: f.orgUnitId,
    from: f.year ? `${f.year}-01-01` : undefined,
    to: f.year ? `${f.year}-12-31` : undefined,
    q: f.q,
    status: f.status,
    sort: f.sort,
    order: f.order,
    includeVoided: f.includeVoided ? 'true' : undefined,
  }
}

export function useRows(ledger: string | undefined, f: RowFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...statsKey, 'rows', ledger, f, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<Page<LedgerRow>>(`${L}/${ledger}/rows`, { ...rowsQuery(f), page, pageSize }, signal),
    enabled: !!ledger,
    placeholderData: keepPreviousData,
  })
}

export function useSubmissions(
  ledger: string | undefined,
  f: { period?: string; status?: SubmissionStatus; orgUnitId?: number },
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [...statsKey, 'submissions', ledger, f, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<Page<Submission>>(`${L}/${ledger}/submissions`, { ...f, page, pageSize }, signal),
    enabled: !!ledger,
    placeholderData: keepPreviousData,
  })
}

export function useCompleteness(ledger: string | undefined, period: string | undefined) {
  return useQuery({
    queryKey: [...statsKey, 'completeness', ledger, period],
    queryFn: ({ signal }) => api.get<Completeness>(`${L}/${ledger}/completeness`, { period }, signal),
    enabled: !!ledger && !!period,
  })
}

function useStatsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: statsKey })
      // Approved rows feed the indicator registry's figures.
      void qc.invalidateQueries({ queryKey: ['indicators'] })
    },
  })
}

export interface RowBody {
  orgUnitId?: number
  period?: string
  values: Record<string, CellValue>
}

export const useCreateRow = (ledger: string) =>
  useStatsMutation((body: RowBody) => api.post<LedgerRow>(`${L}/${ledger}/rows`, body))

export const useUpdateRow = (ledger: string) =>
  useStatsMutation(({ id, ...body }: { id: number; version: number; values: Record<string, CellValue> }) =>
    api.patch<LedgerRow>(`${L}/${ledger}/rows/${id}`, body),
  )

export const useVoidRow = (ledger: string) =>
  useStatsMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post<LedgerRow>(`${L}/${ledger}/rows/${id}/void`, body),
  )

export const useSubmissionAction = (ledger: string) =>
  useStatsMutation(
    ({
      id,
      action,
      ...body
    }: {
      id: number
      action: 'submit' | 'approve' | 'return'
      version: number
      reason?: string
    }) => api.post<Submission>(`${L}/${ledger}/submissions/${id}/${action}`, body),
  )

export const useCreateDefinition = () =>
  useStatsMutation((body: DefinitionInput & { key: string }) => api.post<LedgerDefinition>(L, body))

export const useUpdateDefinition = () =>
  useStatsMutation(({ key, ...body }: DefinitionInput & { key: string; version: number }) =>
    api.patch<LedgerDefinition>(`${L}/${key}`, body),
  )

export const useVoidDefinition = () =>
  useStatsMutation(({ key, ...body }: { key: string; version: number; reason: string }) =>
    api.post<LedgerDefinition>(`${L}/${key}/void`, body),
  )

function importForm(file: File, mapping: ImportMapping | null): FormData {
  const body = new FormData()
  // Fields before the file: the server reads the multipart stream in order.
  if (mapping) body.append('mapping', JSON.stringify(mapping))
  body.append('file', file)
  return body
}

/** The mapping step: how the server read the file; writes nothing. */
export function usePreviewImport(ledger: string) {
  return useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping: ImportMapping | null }) =>
      api.post<ImportPreview>(`${L}/${ledger}/import/preview`, importForm(file, mapping)),
  })
}

export function useStartImport(ledger: string) {
  return useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping: ImportMapping }) =>
      api.post<{ job: Job }>(`${L}/${ledger}/import`, importForm(file, mapping)).then((r) => r.job),
  })
}
