import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import { api } from '../../app/api'
import type { AuditEntry, AuditVerifyResult, Page } from '../../app/types'

export interface AuditFilters {
  entity?: string
  entityId?: string
  actor?: string
  action?: string
  /** ISO timestamps, inclusive. */
  from?: string
  to?: string
}

export function useAudit(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', 'list', filters, page, pageSize],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>('/api/audit', { ...filters, page, pageSize }, signal),
    placeholderData: keepPreviousData,
  })
}

/** A mutation rather than a query: verifying walks the whole chain, so it runs only on request. */
export function useVerifyChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerifyResult>('/api/audit/verify') })
}
