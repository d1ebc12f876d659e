import { InboxOutlined } from '@ant-design/icons'
import { App, Button, Modal, Space, Upload } from 'antd'
import { type ReactNode, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useShowError } from '../../app/feedback'
import type { Id } from '../../app/types'
import { JobProgress } from './JobProgress'
import { isDone, useJob, useUploadJob } from './queries'

interface Props {
  open: boolean
  title: string
  uploadUrl: string
  onClose: () => void
  /** Called once when the job succeeds, e.g. to refetch the imported data. */
  onSucceeded?: () => void
  renderResult?: (result: unknown) => ReactNode
  /** A line under the drop zone: what the file must hold (e.g. full data, not a masked export). */
  hint?: ReactNode
}

/** Upload an .xlsx, then follow the import job it starts. Shared by every ledger import. */
export function ImportDialog({ open, title, uploadUrl, onClose, onSucceeded, renderResult, hint }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const showError = useShowError()
  const upload = useUploadJob(uploadUrl)
  const [jobId, setJobId] = useState<Id | null>(null)
  const job = useJob(jobId)

  const succeeded = job.data?.status === 'succeeded'
  // biome-ignore lint/correctness/useExhaustiveDependencies: fire once per finished job, not per new callback
  useEffect(() => {
    if (succeeded) onSucceeded?.()
  }, [succeeded])

  const close = () => {
    setJobId(null)
    upload.reset()
    onClose()
  }

  const start = (file: File) => {
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      message.error(t('jobs.onlyXlsx'))
      return
    }
    upload.mutate(file, { onSuccess: (j) => setJobId(j.id), onError: (err) => showError(err) })
  }

  const running = upload.isPending || (jobId !== null && !isDone(job.data))
  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      footer={null}
      mask={{ closable: !running }}
      destroyOnHidden
    >
      {jobId === null ? (
        <div data-testid="import-upload">
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              start(file)
              return false
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{upload.isPending ? t('jobs.uploading') : t('jobs.chooseFile')}</p>
            {hint && <p className="ant-upload-hint">{hint}</p>}
          </Upload.Dragger>
        </div>
      ) : job.data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <JobProgress job={job.data} renderResult={renderResult} />
          {isDone(job.data) && (
            <Button
              data-testid="import-again"
              onClick={() => {
                setJobId(null)
                upload.reset()
              }}
            >
              {t('jobs.again')}
            </Button>
          )}
        </Space>
      ) : null}
    </Modal>
  )
}
