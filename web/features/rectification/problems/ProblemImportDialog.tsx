import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { ImportDialog } from '../../jobs/ImportDialog'
import { useRefreshRectification } from '../queries'

interface ImportResult {
  created?: number
  updated?: number
  unchanged?: number
}

export const downloadTemplate = () =>
  download('/api/rectification/import-template.xlsx', undefined, 'problems-template.xlsx')

/**
 * A problem list kept in Excel comes in all at once or not at all, through the shared import
 * dialog: the job either imports every row or stops with an error report naming each bad cell.
 */
export function ProblemImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const refresh = useRefreshRectification()
  return (
    <ImportDialog
      open={open}
      title={t('rectification.importTitle')}
      uploadUrl="/api/rectification/import"
      onClose={onClose}
      onSucceeded={() => void refresh()}
      hint={t('rectification.importHint')}
      renderResult={(result) => {
        const r = (result ?? {}) as ImportResult
        return t('rectification.importResult', {
          created: r.created ?? 0,
          updated: r.updated ?? 0,
          unchanged: r.unchanged ?? 0,
        })
      }}
    />
  )
}
