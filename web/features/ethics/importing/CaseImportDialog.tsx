import { useTranslation } from 'react-i18next'
import { download } from '../../../app/api'
import { ImportDialog } from '../../jobs/ImportDialog'
import { useRefreshEthics } from '../queries'

interface ImportResult {
  created?: number
  updated?: number
  unchanged?: number
}

export const downloadCaseTemplate = () =>
  download('/api/ethics/import-template.xlsx', undefined, 'ethics-cases-template.xlsx')

/**
 * Cases kept in Excel come in all at once or not at all, through the shared import dialog: the
 * job imports every row or stops with an error report naming each bad cell. The hint says what
 * the masked export cannot give: the teacher's full name and ID number.
 */
export function CaseImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const refresh = useRefreshEthics()
  return (
    <ImportDialog
      open={open}
      title={t('ethics.importing.title')}
      uploadUrl="/api/ethics/import"
      onClose={onClose}
      onSucceeded={() => void refresh()}
      hint={t('ethics.importing.hint')}
      renderResult={(result) => {
        const r = (result ?? {}) as ImportResult
        return t('ethics.importing.result', {
          created: r.created ?? 0,
          updated: r.updated ?? 0,
          unchanged: r.unchanged ?? 0,
        })
      }}
    />
  )
}
