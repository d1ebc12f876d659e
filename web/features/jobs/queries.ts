import { useMutation, useQuery } from '@tanstack/react-query'
import { api } from '../../app/api'
import type { Id, Job } from '../../app/types'

export const isDone = (job: Job | undefined) => job?.status === 'succeeded' || job?.status === 'failed'

/** Polls a job every 500 ms until it has succeeded or failed. */
export function useJob(id: Id | null) {
  return useQuery({
    queryKey: ['job', id],
    queryFn: ({ signal }) => api.get<Job>(`/api/jobs/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (q) => (isDone(q.state.data) ? false : 500),
    // Keep polling while the tab is in the background: imports take a while and users switch away.
    refetchIntervalInBackground: true,
  })
}

/** Uploads one file as multipart field `file`; the server answers with the job it started. */
export function useUploadJob(url: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData()
      body.append('file', file)
      return api.post<{ job: Job }>(url, body).then((r) => r.job)
    },
  })
}
