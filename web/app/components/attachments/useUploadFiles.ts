import { App } from 'antd'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../feedback'
import { uploadAttachment } from './files'

/**
 * Uploads files one by one to a record that was just saved (a progress note with its photos), and
 * says how it went. Stops at the first refusal: the record stays, the user is told which file and
 * why, and can add the rest from the record itself.
 */
export function useUploadFiles() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  return async (url: string, files: File[]): Promise<boolean> => {
    for (const file of files) {
      try {
        await uploadAttachment(url, file)
      } catch (err) {
        message.warning(t('attachments.notUploaded', { name: file.name }))
        showError(err)
        return false
      }
    }
    if (files.length > 0) message.success(t('attachments.uploadedCount', { count: files.length }))
    return true
  }
}
