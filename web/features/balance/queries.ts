/** Server state of balance monitoring: coefficients, drill-down, warnings, ledgers, settings, writes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api, type Query } from '../../app/api'
import type { Page } from '../../app/types'
import type {
  Coefficients,
  CountySchools,
  EnrolmentRow,
  LedgerFilters,
  Preschool,
  ResourceRow,
  Settings,
  Stage,
  Warning,
} from './types'

export const balanceKey = ['balance'] as const
export const B = '/api/balance'

/**
 * Indicator names, exclusion reasons and data warnings arrive translated by the server, so these
 * queries are keyed by the UI language: switching it fetches them again in the new language.
 */
function useLang(): string {
  return useTranslation().i18n.language
}

/**
 * The latest year with resource rows in the user's scope (the list is sorted newest year first),
 * so the page opens on data rather than on an empty current year; null while unknown or empty.
 */
export function useLatestYear() {
  return useQuery({
    queryKey: [...balanceKey, 'latest-year'],
    queryFn: ({ signal }) =>
      api
        .get<Page<ResourceRow>>(`${B}/resources`, { pageSize: 1 }, signal)
        .then((r) => r.items[0]?.year ?? null),
    staleTime: 5 * 60_000,
  })
}

export function useCoefficients(year: number | undefined) {
  const lang = useLang()
  return useQuery({
    queryKey: [...balanceKey, 'coefficients', year, lang],
    queryFn: ({ signal }) => api.get<Coefficients>(`${B}/coefficients`, { year }, signal),
    enabled: year !== undefined,
    placeholderData: keepPreviousData,
  })
}

export function useCountySchools(countyId: number | undefined, year: number | undefined) {
  const lang = useLang()
  return useQuery({
    queryKey: [...balanceKey, 'county', countyId, year, lang],
    queryFn: ({ signal }) => api.get<CountySchools>(`${B}/counties/${countyId}`, { year }, signal),
    enabled: countyId !== undefined && year !== undefined,
  })
}

export function useWarnings(year: number | undefined) {
  const lang = useLang()
  return useQuery({
    queryKey: [...balanceKey, 'warnings', year, lang],
    queryFn: ({ signal }) => api.get<{ year: number; items: Warning[] }>(`${B}/warnings`, { year }, signal),
    enabled: year !== undefined,
    placeholderData: keepPreviousData,
  })
}

export function usePreschool(year: number | undefined) {
  return useQuery({
    queryKey: [...balanceKey, 'preschool', year],
    queryFn: ({ signal }) => api.get<Preschool>(`${B}/preschool`, { year }, signal),
    enabled: year !== undefined,
    placeholderData: keepPreviousData,
  })
}

export function useSettings() {
  return useQuery({
    queryKey: [...balanceKey, 'settings'],
    queryFn: ({ signal }) => api.get<Settings>(`${B}/settings`, undefined, signal),
  })
}

export type LedgerKind = 'resources' | 'kindergartens'

/** The list query the table shows and the export repeats. */
export function ledgerQuery(f: LedgerFilters): Query {
  return {
    year: f.year,
    orgUnitId: f.orgUnitId,
    q: f.q,
    includeVoided: f.includeVoided ? 'true' : undefined,
  }
}

export function useLedgerRows<T extends ResourceRow | EnrolmentRow>(
  kind: LedgerKind,
  f: LedgerFilters,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [...balanceKey, kind, f, page, pageSize],
    queryFn: ({ signal }) => api.get<Page<T>>(`${B}/${kind}`, { ...ledgerQuery(f), page, pageSize }, signal),
    placeholderData: keepPreviousData,
  })
}

/** Any balance write can move every coefficient, warning and figure: refresh them all. */
function useBalanceMutation<V, R>(fn: (v: V) => Promise<R>, also: readonly string[] = []) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: balanceKey })
      void qc.invalidateQueries({ queryKey: ['indicators'] })
      for (const k of also) void qc.invalidateQueries({ queryKey: [k] })
    },
  })
}

export const useCreateRow = (kind: LedgerKind) =>
  useBalanceMutation((body: Record<string, unknown>) =>
    api.post<ResourceRow | EnrolmentRow>(`${B}/${kind}`, body),
  )

export const useUpdateRow = (kind: LedgerKind) =>
  useBalanceMutation(({ id, ...body }: { id: number; version: number } & Record<string, unknown>) =>
    api.patch<ResourceRow | EnrolmentRow>(`${B}/${kind}/${id}`, body),
  )

export const useVoidRow = (kind: LedgerKind) =>
  useBalanceMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post(`${B}/${kind}/${id}/void`, body),
  )

export interface ConvertBody {
  countyId: number
  year: number
  stage: Stage
  categoryId: number
  responsibleLeader?: string
  fixAtOnce: boolean
}

/** The problem is the rectification module's: its lists refresh too. */
export const useConvertWarning = () =>
  useBalanceMutation(
    (body: ConvertBody) => api.post<Warning>(`${B}/warnings/to-problem`, body),
    ['rectification'],
  )

export const useUpdateSettings = () =>
  useBalanceMutation((body: { version: number; compositeLimits: { primary: number; junior: number } }) =>
    api.patch<Settings>(`${B}/settings`, body),
  )

/** After an import job: every list, coefficient and figure may have moved. */
export function useRefreshBalance() {
  const qc = useQueryClient()
  return () => {
    void qc.invalidateQueries({ queryKey: balanceKey })
    void qc.invalidateQueries({ queryKey: ['indicators'] })
  }
}
