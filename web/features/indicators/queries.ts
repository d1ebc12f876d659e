/** Server state of the indicator registry: the list, figures, rankings, pivot, entries and writes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, request } from '../../app/api'
import type { Entry, Figure, Indicator, LedgerChoice, PivotResult, Ranking, Source } from './types'

export const indicatorsKey = ['indicators'] as const
const P = '/api/indicators'

export function useIndicators(f: { source?: Source; search?: string } = {}) {
  return useQuery({
    queryKey: [...indicatorsKey, 'list', f],
    queryFn: ({ signal }) => api.get<{ items: Indicator[]; total: number }>(P, f, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}

export function useIndicator(key: string | null) {
  return useQuery({
    queryKey: [...indicatorsKey, 'one', key],
    queryFn: ({ signal }) => api.get<Indicator>(`${P}/${key}`, undefined, signal),
    enabled: key !== null,
  })
}

export function useFigure(key: string | null, period: string, orgUnitId: number | undefined, trail = 6) {
  return useQuery({
    queryKey: [...indicatorsKey, 'figure', key, period, orgUnitId, trail],
    queryFn: ({ signal }) =>
      api.get<Figure>(`${P}/${key}/figure`, { period, orgUnitId, compare: 'yoy,prev', trail }, signal),
    enabled: key !== null && !!period,
    placeholderData: keepPreviousData,
  })
}

export function useRanking(key: string | undefined, period: string, parentId: number | undefined) {
  return useQuery({
    queryKey: [...indicatorsKey, 'ranking', key, period, parentId],
    queryFn: ({ signal }) =>
      api.get<Ranking>(`${P}/${key}/ranking`, { period, parentId, kinds: 'county' }, signal),
    enabled: !!key && !!period,
    placeholderData: keepPreviousData,
  })
}

export interface PivotParams {
  keys: string[]
  periods: string[]
  parentId?: number | undefined
  orgUnitIds?: number[] | undefined
}

export const pivotQuery = (p: PivotParams) => ({
  keys: p.keys.join(','),
  periods: p.periods.join(','),
  parentId: p.orgUnitIds?.length ? undefined : p.parentId,
  orgUnitIds: p.orgUnitIds?.length ? p.orgUnitIds.join(',') : undefined,
})

export function usePivot(p: PivotParams | null) {
  return useQuery({
    queryKey: [...indicatorsKey, 'pivot', p],
    queryFn: ({ signal }) => api.get<PivotResult>(`${P}/pivot`, p ? pivotQuery(p) : {}, signal),
    enabled: p !== null && p.keys.length > 0 && p.periods.length > 0,
  })
}

export type EntryKind = 'values' | 'targets'

export function useEntries(key: string | null, kind: EntryKind) {
  return useQuery({
    queryKey: [...indicatorsKey, kind, key],
    queryFn: ({ signal }) =>
      api.get<{ items: Entry[] }>(`${P}/${key}/${kind}`, undefined, signal).then((r) => r.items),
    enabled: key !== null,
  })
}

export function useLedgerChoices(enabled: boolean) {
  return useQuery({
    queryKey: [...indicatorsKey, 'ledgers'],
    queryFn: ({ signal }) =>
      api.get<{ items: LedgerChoice[] }>(`${P}/ledgers`, undefined, signal).then((r) => r.items),
    enabled,
    staleTime: 60_000,
  })
}

function useIndicatorMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void qc.invalidateQueries({ queryKey: indicatorsKey }),
  })
}

export interface EntryBody {
  orgUnitId: number
  period: string
  note?: string
  version?: number
  value?: number
  source?: string
  target?: number
  better?: 'higher' | 'lower'
  yellowFrom?: number | null
}

export const usePutEntry = (key: string, kind: EntryKind) =>
  useIndicatorMutation((body: EntryBody) => request('PUT', `${P}/${key}/${kind}`, { body }))

export const useVoidEntry = (kind: EntryKind) =>
  useIndicatorMutation(({ id, ...body }: { id: number; version: number; reason: string }) =>
    api.post(`/api/indicator-${kind}/${id}/void`, body),
  )

export const useCreateIndicator = () =>
  useIndicatorMutation((body: Record<string, unknown>) => api.post<Indicator>(P, body))
