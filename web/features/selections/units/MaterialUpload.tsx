import { UploadOutlined } from '@ant-design/icons'
import { App, Button, Upload } from 'antd'
import { useTranslation } from 'react-i18next'
import {
  acceptOf,
  DEFAULT_MAX_BYTES,
  DOCUMENT_EXTENSIONS,
  fileProblem,
} from '../../../app/components/attachments/files'
import { useFileProblemText } from '../../../app/components/attachments/useFileProblemText'
import { useShowError } from '../../../app/feedback'
import { useUploadMaterial } from '../queries'

interface Props {
  applicationId: number
  /** The required material this file is filed under; empty for "other". */
  material: string
  testId: string
}

/**
 * Uploads one file under a required material. The shared upload dialog sends a free `note`; the
 * server files an application's material by the `material` field, so this sends that instead.
 */
export function MaterialUpload({ applicationId, material, testId }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const upload = useUploadMaterial()
  const problemText = useFileProblemText(DOCUMENT_EXTENSIONS, DEFAULT_MAX_BYTES)
  return (
    <Upload
      accept={acceptOf(DOCUMENT_EXTENSIONS)}
      multiple={false}
      showUploadList={false}
      beforeUpload={(file) => {
        const problem = fileProblem(file, DOCUMENT_EXTENSIONS, DEFAULT_MAX_BYTES)
        if (problem) message.error(problemText.of(problem, file))
        else
          upload.mutate(
            { id: applicationId, material, file },
            {
              onSuccess: () => message.success(t('selections.application.uploaded', { name: file.name })),
              onError: (err) => showError(err),
            },
          )
        // Never antd's own request: the file goes through the API client (CSRF, language).
        return false
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid={testId}>
        {t('selections.application.upload')}
      </Button>
    </Upload>
  )
}
