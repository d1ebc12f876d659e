import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../app/api'
import { useShowError } from '../../../app/feedback'
import { useUploadAttachment } from '../queries'

/**
 * Uploads files to a progress note one by one and says how it went. A server without the
 * attachments route answers 404: the user is told attachments are not available yet.
 */
export function useAttachFiles() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const upload = useUploadAttachment()
  return async (noteId: number, files: File[]): Promise<boolean> => {
    for (const file of files) {
      try {
        await upload.mutateAsync({ noteId, file })
      } catch (err) {
        // The note was just shown or created, so a 404 here means the route itself is missing.
        if (err instanceof ApiError && err.status === 404) {
          message.warning(t('supervision.attachmentsUnavailable'))
        } else showError(err)
        return false
      }
    }
    message.success(t('supervision.attached', { count: files.length }))
    return true
  }
}
