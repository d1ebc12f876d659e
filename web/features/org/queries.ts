import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { api } from '../../app/api'
import type { Id, OrgUnit, Page } from '../../app/types'
import { indexUnits } from './tree'

export interface OrgListParams {
  parentId?: Id | null
  q?: string
  includeVoided?: boolean
  page: number
  pageSize: number
}

/** Fields the create form sends; edit sends the changed subset plus `version`. */
export interface OrgInput {
  parentId: Id
  kind: OrgUnit['kind']
  name: string
  shortName?: string
  code?: string | null
  stage?: OrgUnit['stage']
  ownership?: OrgUnit['ownership']
  inclusive?: boolean
  rural?: boolean
  tags?: string[]
  sortOrder?: number
}

const orgKey = ['org'] as const

/** Everything in the caller's scope, flat; can be ~12,000 rows, so it is cached for a while. */
export function useOrgTree(includeVoided: boolean) {
  return useQuery({
    queryKey: [...orgKey, 'tree', includeVoided],
    queryFn: ({ signal }) =>
      api.get<Page<OrgUnit>>('/api/org-units/tree', { includeVoided }, signal).then((r) => r.items),
    staleTime: 60_000,
  })
}

export function useOrgList(params: OrgListParams, enabled: boolean) {
  return useQuery({
    queryKey: [...orgKey, 'list', params],
    queryFn: ({ signal }) =>
      api.get<Page<OrgUnit>>(
        '/api/org-units',
        {
          parentId: params.q ? undefined : (params.parentId ?? undefined),
          q: params.q || undefined,
          includeVoided: params.includeVoided,
          page: params.page,
          pageSize: params.pageSize,
        },
        signal,
      ),
    enabled,
    placeholderData: keepPreviousData,
  })
}

function useOrgMutation<V>(fn: (v: V) => Promise<OrgUnit>) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: orgKey }),
  })
}

export const useCreateOrg = () =>
  useOrgMutation((body: OrgInput) => api.post<OrgUnit>('/api/org-units', body))

export const useUpdateOrg = () =>
  useOrgMutation(({ id, ...body }: { id: Id; version: number } & Partial<OrgInput>) =>
    api.patch<OrgUnit>(`/api/org-units/${id}`, body),
  )

export const useMoveOrg = () =>
  useOrgMutation(({ id, ...body }: { id: Id; version: number; parentId: Id }) =>
    api.post<OrgUnit>(`/api/org-units/${id}/move`, body),
  )

export const useVoidOrg = () =>
  useOrgMutation(({ id, ...body }: { id: Id; version: number; reason: string }) =>
    api.post<OrgUnit>(`/api/org-units/${id}/void`, body),
  )

export function useInvalidateOrg() {
  const qc = useQueryClient()
  return () => qc.invalidateQueries({ queryKey: orgKey })
}

/** The scope's units indexed for tree building; rebuilt only when the list changes. */
export function useOrgIndex(includeVoided: boolean) {
  const tree = useOrgTree(includeVoided)
  const index = useMemo(() => indexUnits(tree.data ?? []), [tree.data])
  return { ...tree, index }
}
