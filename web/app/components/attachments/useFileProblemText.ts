import { useTranslation } from 'react-i18next'
import { type FileProblem, fileSize, typeNames } from './files'

/** The hint under a file picker ("PDF、DOCX … up to 20 MB") and why a picked file is refused. */
export function useFileProblemText(extensions: readonly string[], maxBytes: number) {
  const { t } = useTranslation()
  const types = typeNames(extensions).join(t('attachments.listSeparator'))
  const limit = fileSize(maxBytes)
  return {
    hint: t('attachments.accepted', { types, limit }),
    of: (problem: FileProblem, file: File) =>
      problem === 'type'
        ? t('attachments.wrongType', { name: file.name, types })
        : problem === 'empty'
          ? t('attachments.emptyFile', { name: file.name })
          : t('attachments.tooLarge', { name: file.name, size: fileSize(file.size), limit }),
  }
}
