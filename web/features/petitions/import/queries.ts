import { useMutation } from '@tanstack/react-query'
import { api } from '../../../app/api'
import type { Job } from '../../../app/types'
import type { ImportMapping, ImportPreview } from '../types'

/** Reads the file's header and the category/demand texts; writes nothing. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData()
      body.append('file', file)
      return api.post<ImportPreview>('/api/petitions/import/preview', body)
    },
  })
}

/** The same file again, with the mapping the user confirmed; the server answers with the job it started. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping: ImportMapping }) => {
      const body = new FormData()
      body.append('file', file)
      body.append('mapping', JSON.stringify(mapping))
      return api.post<{ job: Job }>('/api/petitions/import', body).then((r) => r.job)
    },
  })
}
