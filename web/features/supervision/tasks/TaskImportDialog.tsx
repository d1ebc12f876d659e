import { useTranslation } from 'react-i18next'
import { ImportDialog } from '../../jobs/ImportDialog'
import { useRefreshSupervision } from '../queries'
import type { ImportResult } from '../types'

/**
 * The .xlsx import of tasks, all-or-nothing: the shared dialog uploads, follows the job and offers
 * the error report (the sheet back with an error column) when a row is refused.
 */
export function TaskImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const refresh = useRefreshSupervision()
  return (
    <ImportDialog
      open={open}
      title={t('supervision.importTitle')}
      uploadUrl="/api/supervision/import"
      onClose={onClose}
      onSucceeded={() => void refresh()}
      renderResult={(result) => {
        const r = (result ?? {}) as ImportResult
        return t('supervision.importResult', {
          created: r.created ?? 0,
          updated: r.updated ?? 0,
          unchanged: r.unchanged ?? 0,
        })
      }}
    />
  )
}
